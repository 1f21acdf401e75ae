"use client";

import { useEffect, useRef, useState } from "react";
import { usePaginatedQuery } from "convex/react";
import { api } from "@/convex/_generated/api";
import { isTypingTarget, useHotkey } from "@/lib/hooks/use-hotkey";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TodoItem } from "./todo-item";
import { TodoEmpty } from "./todo-empty";
import type { Filter } from "./filters";
import type { useTodoMutations } from "./use-todo-mutations";

const PAGE_SIZE = 30;

type Props = {
  listId: string;
  filter: Filter;
  canWrite: boolean;
  actions: ReturnType<typeof useTodoMutations>;
};

/** A list's todos in real time, loading more as the end scrolls into view; J/K move between rows. */
export function TodoList({ listId, filter, canWrite, actions }: Props) {
  const { results, status, loadMore } = usePaginatedQuery(api.todos.list, { listId, filter }, { initialNumItems: PAGE_SIZE });
  const [editing, setEditing] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);

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

  const rows = () => Array.from(listRef.current?.querySelectorAll<HTMLElement>("[data-todo-row]") ?? []);
  const focusRow = (index: number) => {
    const all = rows();
    const row = all[Math.max(0, Math.min(index, all.length - 1))];
    row?.querySelector<HTMLElement>("[data-row-focus]")?.focus();
  };
  const currentRow = () => rows().findIndex((row) => row.contains(document.activeElement));

  // J/K (and arrows) move between rows; from outside the list they enter it.
  useHotkey(["j", "k", "ArrowDown", "ArrowUp"], (event) => {
    if (listRef.current?.contains(document.activeElement) && isTypingTarget(document.activeElement)) return;
    const down = event.key === "j" || event.key === "ArrowDown";
    const index = currentRow();
    if (index === -1 && event.key.startsWith("Arrow")) return; // leave page scrolling alone
    event.preventDefault();
    focusRow(index === -1 ? (down ? 0 : rows().length - 1) : index + (down ? 1 : -1));
  }, !editing);

  function edit(todoId: string | null) {
    const closing = editing;
    setEditing(todoId);
    if (todoId === null && closing) {
      requestAnimationFrame(() => {
        listRef.current?.querySelector<HTMLElement>(`[data-todo-id="${CSS.escape(closing)}"] [data-row-focus]`)?.focus();
      });
    }
  }

  if (status === "LoadingFirstPage") return <TodoListSkeleton />;
  if (results.length === 0) return <TodoEmpty filter={filter} />;

  return (
    <div className="flex flex-col gap-2">
      <ul ref={listRef} aria-label="Todos" className="flex flex-col">
        {results.map((todo) => (
          <TodoItem
            key={todo._id}
            todo={todo}
            editing={editing === todo._id}
            canWrite={canWrite}
            actions={actions}
            onEdit={edit}
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
