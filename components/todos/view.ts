/**
 * A list page's view, kept in the URL (`?filter=&sort=&show=`), and what
 * it asks the server for: the open section (by the list's order, priority
 * or due date; sorting by due date asks for the dated todos, then the
 * undated ones) and, beneath it, the completed section.
 */
import type { FunctionArgs, FunctionReference } from "convex/server";
import { api } from "@/convex/_generated/api";
import { FILTERS, parseFilter, type Filter } from "./filters";

export const SORTS = [
  { value: "order", label: "My order" },
  { value: "due", label: "Due date" },
  { value: "priority", label: "Priority" },
] as const;
export type Sort = (typeof SORTS)[number]["value"];

export const SHOWS = [
  { value: "any", label: "Any date or priority" },
  { value: "overdue", label: "Overdue" },
  { value: "today", label: "Due today" },
  { value: "upcoming", label: "Upcoming" },
  { value: "nodate", label: "No due date" },
  { value: "p1", label: "Priority 1" },
  { value: "p2", label: "Priority 2" },
  { value: "p3", label: "Priority 3" },
] as const;
export type Show = (typeof SHOWS)[number]["value"];

export type ListView = { filter: Filter; sort: Sort; show: Show };

export function parseView(params: URLSearchParams): ListView {
  const sort = params.get("sort");
  const show = params.get("show");
  return {
    filter: parseFilter(params.get("filter")),
    sort: SORTS.some((s) => s.value === sort) ? (sort as Sort) : "order",
    show: SHOWS.some((s) => s.value === show) ? (show as Show) : "any",
  };
}

/** The URL of `pathname` with this view (defaults left out). */
export function viewHref(pathname: string, view: ListView): string {
  const params = new URLSearchParams();
  if (view.filter !== "all") params.set("filter", view.filter);
  if (view.sort !== "order") params.set("sort", view.sort);
  if (view.show !== "any") params.set("show", view.show);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** Todos can be dragged into place only where the list's own order is shown in full. */
export const isReorderable = (view: ListView) => view.sort === "order" && view.show === "any";

type ListArgs = Omit<FunctionArgs<typeof api.todos.list>, "paginationOpts">;

/** One paginated section's arguments: the open or done todos of this view, in one index range. */
export function sectionArgs(listId: string, view: ListView, done: boolean, today: string, part?: "dated" | "none"): ListArgs {
  const base: ListArgs = { listId, filter: done ? "done" : "open", ...(view.filter === "mine" ? { mine: true } : {}) };
  switch (view.show) {
    case "overdue":
    case "today":
    case "upcoming":
      return { ...base, due: view.show, today };
    case "nodate":
      return { ...base, due: "none" };
    case "p1":
    case "p2":
    case "p3":
      return { ...base, priority: Number(view.show.slice(1)) as 1 | 2 | 3 };
  }
  if (view.sort === "priority") return { ...base, sort: "priority" };
  if (view.sort === "due") return { ...base, due: part ?? "dated" };
  return base;
}

/** Todos per page of a section. */
export const TODO_PAGE = 30;

/**
 * The first page of a paginated query as the cached `usePaginatedQuery`
 * (convex-helpers/react/cache) asks for it: its pagination id is always 0,
 * so a subscription started earlier with these arguments is the same query.
 */
export const firstPage = (numItems: number) => ({ numItems, cursor: null, id: 0 });

/** The section a list page shows first: its open todos, or its done ones under "Done". */
export function firstSectionArgs(listId: string, view: ListView, today: string): ListArgs {
  return sectionArgs(listId, view, !sectionsOf(view).open, today);
}

/** The args of the "Completed" count (lists.completedCount): all done todos, or the caller's under "Mine". */
export const completedCountArgs = (listId: string, view: ListView) => ({ listId, mine: view.filter === "mine" });

/** Which sections the page shows: open todos (unless "done"), and done ones collapsed beneath (unless "open"). */
export const sectionsOf = (view: ListView) => ({ open: view.filter !== "done", done: view.filter !== "open", collapsedDone: view.filter !== "done" });

/** Whether the page shows the collapsed "Completed" section (with its count). */
export const hasCompletedSection = (view: ListView) => {
  const sections = sectionsOf(view);
  return sections.done && sections.collapsedDone;
};

/** Why a todo just added would not show in this view, in words; null when it shows. */
export function hiddenBy(view: ListView, todo: { dueDate?: string; priority: number; assigneeId?: string }, me: string, today: string): string | null {
  const filterLabel = FILTERS.find((f) => f.value === view.filter)?.label;
  if (view.filter === "done") return `the ${filterLabel} filter`;
  if (view.filter === "mine" && todo.assigneeId !== me) return `the ${filterLabel} filter`;
  const showLabel = SHOWS.find((s) => s.value === view.show)?.label ?? "";
  switch (view.show) {
    case "overdue":
      return todo.dueDate && todo.dueDate < today ? null : `“${showLabel}”`;
    case "today":
      return todo.dueDate === today ? null : `“${showLabel}”`;
    case "upcoming":
      return todo.dueDate && todo.dueDate > today ? null : `“${showLabel}”`;
    case "nodate":
      return todo.dueDate ? `“${showLabel}”` : null;
    case "p1":
    case "p2":
    case "p3":
      return todo.priority === Number(view.show.slice(1)) ? null : `“${showLabel}”`;
  }
  return null;
}

/**
 * What a list page shows first, by name: the list, the first page of its
 * first section and, with the "Completed" section, its count. The server
 * renders the page with them (its page.tsx) and the browser starts them
 * before its gates render (EarlyQueries): the same queries, the same args.
 */
export function firstListQueries(listId: string, view: ListView, today: string): Record<string, { query: FunctionReference<"query">; args: Record<string, unknown> }> {
  return {
    list: { query: api.lists.get, args: { listId } },
    todos: { query: api.todos.list, args: { ...firstSectionArgs(listId, view, today), paginationOpts: firstPage(TODO_PAGE) } },
    ...(hasCompletedSection(view) ? { completed: { query: api.lists.completedCount, args: completedCountArgs(listId, view) } } : {}),
  };
}
