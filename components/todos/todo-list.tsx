"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import { usePaginatedQuery } from "convex-helpers/react/cache/hooks";
import type { FunctionArgs } from "convex/server";
import { api } from "@/convex/_generated/api";
import { useServerFirst } from "@/lib/hooks/server-results";
import { queryKey } from "@/lib/query-key";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TodoItem, type RowReorder } from "./todo-item";
import type { Todo } from "./optimistic";
import { useDragReorder } from "./use-drag-reorder";
import type { TodoActions } from "./use-todo-mutations";
import { firstPage, TODO_PAGE } from "./view";

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
  const live = usePaginatedQuery(api.todos.list, args, { initialNumItems: TODO_PAGE });
  // The first page the server rendered, until the live pages are here (and differ from it).
  const loaded = useMemo(
    () => (live.status === "LoadingFirstPage" ? undefined : { page: live.results, isDone: live.status === "Exhausted" }),
    [live.status, live.results],
  );
  const shown = useServerFirst(queryKey(api.todos.list, { ...args, paginationOpts: firstPage(TODO_PAGE) }), loaded, samePages);
  const fromServer = shown !== undefined && shown !== loaded;
  const { results, status, loadMore } = fromServer
    ? { results: shown.page, status: shown.isDone ? ("Exhausted" as const) : ("CanLoadMore" as const), loadMore: live.loadMore }
    : live;
  const listRef = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  // Rows are memoised, so what they are handed keeps its identity across this
  // section's renders: one todo changing re-renders its own row only. Handlers
  // read the rows as last rendered through a ref; the infinite-loading
  // observer reads `loadMore` (new with every update of the last page) so too.
  const rows = useRef(results);
  const more = useRef(loadMore);
  useEffect(() => {
    rows.current = results;
    more.current = loadMore;
  });

  const moveTo = useCallback(
    (todoId: string, to: number) => {
      const rest = rows.current.filter((t) => t._id !== todoId);
      const after = rest[to - 1] ?? null;
      const before = rest[to] ?? null;
      void actions.move(todoId, after?._id ?? null, before?._id ?? null);
    },
    [actions],
  );
  const startDrag = useDragReorder(listRef, moveTo);
  const step = useCallback(
    (todoId: string, delta: -1 | 1) => {
      const from = rows.current.findIndex((t) => t._id === todoId);
      const to = from + delta;
      if (from === -1 || to < 0 || to >= rows.current.length) return;
      moveTo(todoId, to);
      requestAnimationFrame(() => {
        listRef.current?.querySelector<HTMLElement>(`[data-todo-id="${CSS.escape(todoId)}"] [data-row-focus]`)?.focus();
      });
    },
    [moveTo],
  );
  const reorder = useMemo(
    (): RowReorder => ({
      onHandlePointerDown: startDrag,
      onStep: step,
      canStep: (todoId, delta) => {
        const from = rows.current.findIndex((t) => t._id === todoId);
        return from !== -1 && from + delta >= 0 && from + delta < rows.current.length;
      },
    }),
    [startDrag, step],
  );
  const onToggle = selection?.onToggle;
  const selectionFor = useMemo(
    () => onToggle && rowSelections((todoId, extend) => onToggle(todoId, extend, visibleIds(rows.current))),
    [onToggle],
  );

  useEffect(() => {
    onLoaded?.(results.length, status === "Exhausted");
  }, [onLoaded, results.length, status]);

  // Infinite loading: fetch the next page when the sentinel nears the viewport.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || status !== "CanLoadMore") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) more.current(TODO_PAGE);
    }, { rootMargin: "400px" });
    observer.observe(node);
    return () => observer.disconnect();
    // Made again when the live pages take over from the server's, whose `loadMore` does nothing.
  }, [status, fromServer]);

  useEffect(() => {
    if (!focusId || !results.some((t) => t._id === focusId)) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-todo-id="${CSS.escape(focusId)}"]`);
    row?.scrollIntoView({ block: "center" });
    row?.querySelector<HTMLElement>("[data-row-focus]")?.focus();
    onFocused?.();
  }, [focusId, results, onFocused]);

  if (status === "LoadingFirstPage") return <TodoListSkeleton />;
  if (results.length === 0) return <>{empty}</>;

  return (
    <div className="flex flex-col gap-2">
      {header}
      <ul ref={listRef} aria-label={label} className="flex flex-col">
        {results.map((todo) => (
          <TodoItem
            key={todo._id}
            todo={todo}
            editing={editing === todo._id}
            canWrite={canWrite}
            actions={actions}
            today={today}
            onEdit={onEdit}
            onOpen={onOpen}
            reorder={reorderable ? reorder : undefined}
            selection={selection && selectionFor?.(selection.selected.has(todo._id))}
          />
        ))}
      </ul>
      <div ref={sentinel} aria-hidden />
      {status === "LoadingMore" && <TodoListSkeleton rows={2} />}
      {status === "CanLoadMore" && (
        <Button variant="ghost" size="sm" className="self-center text-muted-foreground" onClick={() => loadMore(TODO_PAGE)}>
          Load more
        </Button>
      )}
    </div>
  );
}

const visibleIds = (todos: Todo[]) => todos.map((t) => t._id as string);

/** The two `selection` props a row can get (selected or not), made once. */
function rowSelections(onToggle: (todoId: string, extend: boolean) => void) {
  const selected = { selected: true, onToggle };
  const unselected = { selected: false, onToggle };
  return (isSelected: boolean) => (isSelected ? selected : unselected);
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

/** The server's first page (a whole `PaginationResult`) against the live pages: the same todos, the same end. */
const samePages = (live: { page: Todo[]; isDone: boolean }, server: { page: Todo[]; isDone: boolean }) =>
  live.isDone === server.isDone && JSON.stringify(live.page) === JSON.stringify(server.page);
