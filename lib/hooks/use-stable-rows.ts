"use client";

import { useMemo, useRef } from "react";

/**
 * Rows that keep their identity while their value does not change. Convex
 * hands every update of a query a fresh copy of its whole result, so memoised
 * rows given those objects would all render again when one of them changed
 * (a todo ticked in a list of 50 re-rendered 50 rows on every other screen).
 *
 *   const todos = useStableRows(usePaginatedQuery(api.todos.list, args, opts).results);
 */
export function useStableRows<T extends { _id: string }>(rows: readonly T[]): readonly T[] {
  const previous = useRef(rows);
  return useMemo(() => (previous.current = reuseEqualRows(previous.current, rows)), [rows]);
}

/**
 * `next`, with each row equal to one in `previous` (same `_id`, same JSON)
 * replaced by that earlier object; `previous` itself when nothing differs.
 */
export function reuseEqualRows<T extends { _id: string }>(previous: readonly T[], next: readonly T[]): readonly T[] {
  if (previous === next) return next;
  const before = new Map(previous.map((row) => [row._id, row]));
  let changed = previous.length !== next.length;
  const rows = next.map((row, i) => {
    const old = before.get(row._id);
    const kept = old !== undefined && (old === row || JSON.stringify(old) === JSON.stringify(row)) ? old : row;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? rows : previous;
}
