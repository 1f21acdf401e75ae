"use client";

import { useMemo, useRef } from "react";

type Doc = { _id: string };

/**
 * The documents of a subscription, each the same object as on the last
 * render while its content is unchanged.
 *
 * Convex sends a query's whole result on every change and the client parses
 * it into new objects, so one todo ticked on another screen hands every row
 * of its page a "new" todo and memoised rows re-render anyway. With this,
 * only the changed row does:
 *
 * ```tsx
 * const { results } = usePaginatedQuery(api.todos.list, args, { initialNumItems: 20 });
 * const todos = useStableDocs(results);
 * return todos.map((todo) => <TodoRow key={todo._id} todo={todo} />); // TodoRow = memo(...)
 * ```
 */
export function useStableDocs<T extends Doc>(docs: T[]): T[] {
  // Written during render: a render React discards only costs the next one some identities, never a wrong row.
  const last = useRef<T[]>([]);
  return useMemo(() => (last.current = keepUnchanged(last.current, docs)), [docs]);
}

/** `docs`, with each one equal in content to a document of `previous` replaced by that object. */
export function keepUnchanged<T extends Doc>(previous: readonly T[], docs: T[]): T[] {
  const byId = new Map(previous.map((doc) => [doc._id, doc]));
  return docs.map((doc) => {
    const before = byId.get(doc._id);
    return before !== undefined && sameValue(before, doc) ? before : doc;
  });
}

/**
 * Whether two values a query returned are equal. (Convex's `compareValues`
 * orders values, comparing strings code point by code point: several times
 * slower on every update of a page.)
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  }
  if (a instanceof ArrayBuffer || b instanceof ArrayBuffer) {
    if (!(a instanceof ArrayBuffer && b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
    const [x, y] = [new Uint8Array(a), new Uint8Array(b)];
    return x.every((byte, i) => byte === y[i]);
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
