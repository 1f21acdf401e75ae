"use client";

import { useCallback, useEffect, useRef, type RefObject } from "react";

/**
 * Drag-to-reorder for a list of rows, with pointer events (mouse, pen and
 * touch) and no library: the dragged row follows the pointer, the others
 * make room, and on release `onDrop(todoId, toIndex)` says where it landed.
 * Escape cancels. Rows are the `[data-todo-row]` children of `listRef`.
 */
export function useDragReorder(listRef: RefObject<HTMLElement | null>, onDrop: (todoId: string, toIndex: number) => void) {
  const drag = useRef<{
    todoId: string;
    pointerId: number;
    startY: number;
    from: number;
    to: number;
    rows: HTMLElement[];
    mids: number[];
    height: number;
    handle: HTMLElement;
  } | null>(null);
  const latestDrop = useRef(onDrop);
  useEffect(() => {
    latestDrop.current = onDrop;
  });

  const reset = useCallback(() => {
    const state = drag.current;
    if (!state) return;
    for (const row of state.rows) {
      row.style.transform = "";
      row.style.transition = "";
      row.style.zIndex = "";
      row.removeAttribute("data-dragging");
    }
    drag.current = null;
  }, []);

  const onMove = useCallback((event: PointerEvent) => {
    const state = drag.current;
    if (!state || event.pointerId !== state.pointerId) return;
    const dy = event.clientY - state.startY;
    const y = state.mids[state.from]! + dy;
    let to = state.from;
    while (to < state.rows.length - 1 && y > state.mids[to + 1]!) to++;
    while (to > 0 && y < state.mids[to - 1]!) to--;
    state.to = to;
    state.rows.forEach((row, i) => {
      if (i === state.from) {
        row.style.transform = `translateY(${dy}px)`;
        return;
      }
      const shift = state.from < to && i > state.from && i <= to ? -state.height : state.from > to && i >= to && i < state.from ? state.height : 0;
      row.style.transform = shift ? `translateY(${shift}px)` : "";
    });
  }, []);

  const onUp = useCallback(
    (event: PointerEvent) => {
      const state = drag.current;
      if (!state || event.pointerId !== state.pointerId) return;
      const { todoId, from, to } = state;
      reset();
      if (to !== from) latestDrop.current(todoId, to);
    },
    [reset],
  );

  const onKey = useCallback(
    (event: KeyboardEvent) => {
      if (event.key === "Escape" && drag.current) {
        event.preventDefault();
        reset();
      }
    },
    [reset],
  );

  useEffect(() => {
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", reset);
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", reset);
      window.removeEventListener("keydown", onKey, true);
    };
  }, [onMove, onUp, onKey, reset]);

  return useCallback(
    (event: React.PointerEvent, todoId: string) => {
      if (event.button !== 0 || !listRef.current) return;
      const rows = Array.from(listRef.current.querySelectorAll<HTMLElement>(":scope > [data-todo-row]"));
      const from = rows.findIndex((row) => row.dataset.todoId === todoId);
      if (from === -1) return;
      event.preventDefault();
      const rects = rows.map((row) => row.getBoundingClientRect());
      rows.forEach((row, i) => {
        row.style.transition = i === from ? "none" : "transform 120ms ease";
      });
      rows[from]!.style.zIndex = "10";
      rows[from]!.setAttribute("data-dragging", "");
      drag.current = {
        todoId,
        pointerId: event.pointerId,
        startY: event.clientY,
        from,
        to: from,
        rows,
        mids: rects.map((r) => r.top + r.height / 2),
        height: rects[from]!.height,
        handle: event.currentTarget as HTMLElement,
      };
    },
    [listRef],
  );
}
