/**
 * Optimistic updates for todos: every loaded page of every `todos.list`
 * subscription of the list is patched at once, so a toggle or an edit shows
 * instantly in whichever filter is on screen; the server's answer replaces it.
 */
import type { OptimisticLocalStore } from "convex/browser";
import { insertAtBottomIfLoaded } from "convex/react";
import { api } from "@/convex/_generated/api";
import type { Doc, Id } from "@/convex/_generated/dataModel";

export type Todo = Doc<"todos">;

const OPTIMISTIC_PREFIX = "optimistic:";

/** A row that exists only until the server confirms it (not yet actionable). */
export const isOptimistic = (todo: Todo) => todo._id.startsWith(OPTIMISTIC_PREFIX);

/** Applies `change` to the todo wherever it is loaded; returning null removes it. */
export function patchTodo(store: OptimisticLocalStore, todoId: string, change: (todo: Todo) => Todo | null) {
  for (const { args, value } of store.getAllQueries(api.todos.list)) {
    if (!value || !value.page.some((t) => t._id === todoId)) continue;
    const page = value.page.flatMap((t) => (t._id === todoId ? (change(t) ?? []) : [t]));
    store.setQuery(api.todos.list, args, { ...value, page });
  }
}

/** Shows a new todo at the end of the "all" and "open" views, when their last page is loaded. */
export function insertTodo(store: OptimisticLocalStore, args: { listId: string; title: string; notes?: string }, createdBy: string) {
  const item: Todo = {
    _id: `${OPTIMISTIC_PREFIX}${crypto.randomUUID()}` as Id<"todos">,
    _creationTime: Date.now(),
    orgId: "",
    listId: args.listId as Id<"lists">,
    title: args.title.trim(),
    notes: args.notes,
    done: false,
    createdBy,
  };
  for (const filter of ["all", "open"] as const) {
    insertAtBottomIfLoaded({ paginatedQuery: api.todos.list, argsToMatch: { listId: args.listId, filter }, localQueryStore: store, item });
  }
}
