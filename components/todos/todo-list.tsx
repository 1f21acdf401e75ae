"use client";

import { useEffect, useRef } from "react";
import { usePaginatedQuery } from "convex/react";
import type { FunctionArgs } from "convex/server";
import { api } from "@/convex/_generated/api";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TodoItem } from "./todo-item";
import { useDragReorder } from "./use-drag-reorder";
import type { TodoActions } from "./use-todo-mutations";

const PAGE_SIZE = 30;

export type SectionArgs = Omit<FunctionArgs<typeof api.todos.list>, "paginationOpts">;

type Props = {
  args: SectionArgs;
  /** The list's accessible name ("Open todos", "Completed todos"…). */
  label: string;
  canWrite: boolean;
  actions: TodoActions;
  today: string;
  /** Drag and Alt+↑/↓ move todos: only where the list's own order shows in full. */
  reorderable: boolean;
  editing: string | null;
  onEdit: (todoId: string | null) => void;
  onOpen: (todoId: string) => void;
  selection?: { selected: ReadonlySet<string>; onToggle: (todoId: string, extend: boolean, visible: string[]) => void };
  /** A todo to bring into view and focus once it shows (one just added, say). */
  focusId?: string | null;
  onFocused?: () => void;
  /** Shown when the section is empty; nothing when null. */
  empty: React.ReactNode;
  /** Rendered above the rows once there is at least one (a heading). */
  header?: React.ReactNode;
  onLoaded?: (count: number, done: boolean) => void;
};

/** One section of a list's todos in real time, loading more as its end scrolls into view. */
export function TodoSection({ args, label, canWrite, actions, today, reorderable, editing, onEdit, onOpen, selection, focusId, onFocused, empty, header, onLoaded }: Props) {
  const { results, status, loadMore } = usePaginatedQuery(api.todos.list, args, { initialNumItems: PAGE_SIZE });
  const listRef = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const moveTo = (todoId: string, to: number) => {
    const rest = results.filter((t) => t._id !== todoId);
    const after = rest[to - 1] ?? null;
    const before = rest[to] ?? null;
    void actions.move(todoId, after?._id ?? null, before?._id ?? null);
  };
  const startDrag = useDragReorder(listRef, moveTo);
  const step = (todoId: string, delta: -1 | 1) => {
    const from = results.findIndex((t) => t._id === todoId);
    const to = from + delta;
    if (from === -1 || to < 0 || to >= results.length) return;
    moveTo(todoId, to);
    requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLElement>(`[data-todo-id="${CSS.escape(todoId)}"] [data-row-focus]`)?.focus();
    });
  };

  useEffect(() => {
    onLoaded?.(results.length, status === "Exhausted");
  }, [onLoaded, results.length, status]);

  // Infinite loading: fetch the next page when the sentinel nears the viewport.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || status !== "CanLoadMore") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore(PAGE_SIZE);
    }, { rootMargin: "400px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [status, loadMore]);

  useEffect(() => {
    if (!focusId || !results.some((t) => t._id === focusId)) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-todo-id="${CSS.escape(focusId)}"]`);
    row?.scrollIntoView({ block: "center" });
    row?.querySelector<HTMLElement>("[data-row-focus]")?.focus();
    onFocused?.();
  }, [focusId, results, onFocused]);

  if (status === "LoadingFirstPage") return <TodoListSkeleton />;
  if (results.length === 0) return <>{empty}</>;
  const visible = results.map((t) => t._id as string);

  return (
    <div className="flex flex-col gap-2">
      {header}
      <ul ref={listRef} aria-label={label} className="flex flex-col">
        {results.map((todo, index) => (
          <TodoItem
            key={todo._id}
            todo={todo}
            editing={editing === todo._id}
            canWrite={canWrite}
            actions={actions}
            today={today}
            onEdit={onEdit}
            onOpen={onOpen}
            reorder={reorderable ? { onHandlePointerDown: startDrag, onStep: step, isFirst: index === 0, isLast: index === results.length - 1 } : undefined}
            selection={selection && { selected: selection.selected.has(todo._id), onToggle: (id, extend) => selection.onToggle(id, extend, visible) }}
          />
        ))}
      </ul>
      <div ref={sentinel} aria-hidden />
      {status === "LoadingMore" && <TodoListSkeleton rows={2} />}
      {status === "CanLoadMore" && (
        <Button variant="ghost" size="sm" className="self-center text-muted-foreground" onClick={() => loadMore(PAGE_SIZE)}>
          Load more
        </Button>
      )}
    </div>
  );
}

export function TodoListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading todos" className="flex flex-col">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-3 px-3 py-2.5">
          <Skeleton className="size-4 rounded-[5px]" />
          <Skeleton className="h-4" style={{ width: `${[62, 45, 78, 52, 68][i % 5]}%` }} />
          <Skeleton className="ml-auto size-6 rounded-full" />
        </div>
      ))}
    </div>
  );
}
