/**
 * Optimistic updates for todos: every loaded page of every `todos.list`
 * subscription is patched at once, so a toggle, an edit or a move shows
 * instantly in whichever view is on screen; the server's answer replaces it.
 */
import type { OptimisticLocalStore } from "convex/browser";
import { insertAtBottomIfLoaded } from "convex/react";
import { generateKeyBetween } from "fractional-indexing";
import { api } from "@/convex/_generated/api";
import type { Doc, Id } from "@/convex/_generated/dataModel";

export type Todo = Doc<"todos">;

const OPTIMISTIC_PREFIX = "optimistic:";

/** A row that exists only until the server confirms it (not yet actionable). */
export const isOptimistic = (todo: Pick<Todo, "_id">) => todo._id.startsWith(OPTIMISTIC_PREFIX);

/** Applies `change` to the todo wherever it is loaded; returning null removes it. */
export function patchTodo(store: OptimisticLocalStore, todoId: string, change: (todo: Todo) => Todo | null) {
  for (const { args, value } of store.getAllQueries(api.todos.list)) {
    if (!value || !value.page.some((t) => t._id === todoId)) continue;
    const page = value.page.flatMap((t) => (t._id === todoId ? (change(t) ?? []) : [t]));
    store.setQuery(api.todos.list, args, { ...value, page });
  }
}

/** Views in the list's own order (no sort, due range or priority): where a new todo shows at the end. */
const ownOrder = { sort: undefined, due: undefined, priority: undefined, mine: undefined, today: undefined };

/** Shows a new todo at the end of the list's open and "all" views, when their last page is loaded. */
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
    order: "",
    priority: 4,
    searchText: args.title,
  };
  for (const filter of ["all", "open"] as const) {
    insertAtBottomIfLoaded({ paginatedQuery: api.todos.list, argsToMatch: { listId: args.listId, filter, ...ownOrder }, localQueryStore: store, item });
  }
}

/**
 * A move, in every view in the list's own order where both the todo and its
 * new neighbours are loaded: the todo takes a key between theirs and the
 * page is re-sorted. The server computes the real key.
 */
export function moveTodo(store: OptimisticLocalStore, todoId: string, afterId: string | null, beforeId: string | null) {
  for (const { args, value } of store.getAllQueries(api.todos.list)) {
    if (!value || args.sort || args.due || args.priority !== undefined) continue;
    const byId = new Map(value.page.map((t) => [t._id as string, t]));
    const todo = byId.get(todoId);
    const after = afterId ? byId.get(afterId) : null;
    const before = beforeId ? byId.get(beforeId) : null;
    if (!todo || after === undefined || before === undefined) continue;
    let order: string;
    try {
      order = generateKeyBetween(after?.order ?? null, before?.order ?? null);
    } catch {
      continue; // the page is already out of date; the server's answer comes soon
    }
    const page = value.page.map((t) => (t._id === todoId ? { ...t, order } : t)).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    store.setQuery(api.todos.list, args, { ...value, page });
  }
}
