/**
 * The views of a list, each one index range (schema.ts), so pagination
 * stays exact and a page reads only itself:
 *
 * - `filter`: "all" (default), "open", "done", or "mine" (the caller's,
 *   open ones first); `mine: true` narrows "open" or "done" to the caller's;
 * - `due`: a due-date range, ordered by due date then the list's order:
 *   "dated", "none", "overdue", "today", "upcoming" (the last three
 *   relative to `today`, the caller's calendar day, since the server does
 *   not know their time zone);
 * - else `priority` (one priority, in the list's order) or `sort`:
 *   "order" (the list's own, default) or "priority" (1 first, none last).
 * Due dates and priorities are views of open or of done todos.
 *
 * A screen sorting by due date asks for "dated", then "none".
 */
import { v, type Infer } from "convex/values";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { appError } from "./errors";
import { calendarDay, parseField } from "./inputs";
import type { Tenant } from "./tenant";
import { priorityValidator } from "./todoFields";

export const dueRange = v.union(v.literal("dated"), v.literal("none"), v.literal("overdue"), v.literal("today"), v.literal("upcoming"));
export type DueRange = Infer<typeof dueRange>;

export const filter = v.union(v.literal("all"), v.literal("open"), v.literal("done"), v.literal("mine"));

export const viewArgs = {
  filter: v.optional(filter),
  mine: v.optional(v.boolean()),
  sort: v.optional(v.union(v.literal("order"), v.literal("priority"))),
  due: v.optional(dueRange),
  priority: v.optional(priorityValidator),
  today: v.optional(v.string()),
};
export type View = Infer<ReturnType<typeof v.object<typeof viewArgs>>>;

/** The due-date part of a range, after the equalities every view's index starts with. */
type DueBuilder = {
  eq(field: "dueDate", value: string | undefined): unknown;
  gte(field: "dueDate", value: string): { lt(field: "dueDate", value: string): unknown };
  gt(field: "dueDate", value: string): { lt(field: "dueDate", value: string): unknown };
};

/** Every stored due date is "YYYY-MM-DD": all sort at or after "0" and before ":". */
const FIRST_DAY = "0";
const AFTER_LAST_DAY = ":";

function dueBounds(q: DueBuilder, due: DueRange, today: string | undefined) {
  const day = () => parseField(calendarDay, today ?? "");
  switch (due) {
    case "dated":
      return q.gte("dueDate", FIRST_DAY).lt("dueDate", AFTER_LAST_DAY);
    case "none":
      return q.eq("dueDate", undefined);
    case "overdue":
      return q.gte("dueDate", FIRST_DAY).lt("dueDate", day());
    case "today":
      return q.eq("dueDate", day());
    case "upcoming":
      return q.gt("dueDate", day()).lt("dueDate", AFTER_LAST_DAY);
  }
}

export function todosInView(db: QueryCtx["db"], tenant: Tenant, listId: Id<"lists">, view: View) {
  const { orgId, userId } = tenant;
  const filter = view.filter ?? "all";
  const mine = view.mine === true || filter === "mine";
  const todos = db.query("todos");
  if (filter !== "open" && filter !== "done") {
    if (view.due || view.priority !== undefined || view.sort === "priority") {
      throw appError("INVALID_ARGUMENT", "Due dates and priorities sort open or done todos: choose one.");
    }
    return mine
      ? todos.withIndex("by_org_list_assignee", (q) => q.eq("orgId", orgId).eq("listId", listId).eq("assigneeId", userId))
      : todos.withIndex("by_org_list", (q) => q.eq("orgId", orgId).eq("listId", listId));
  }
  const done = filter === "done";
  if (view.due) {
    const due = view.due;
    return mine
      ? todos.withIndex("by_org_list_assignee_due", (q) =>
          dueBounds(q.eq("orgId", orgId).eq("listId", listId).eq("assigneeId", userId).eq("done", done) as unknown as DueBuilder, due, view.today) as never,
        )
      : todos.withIndex("by_org_list_done_due", (q) =>
          dueBounds(q.eq("orgId", orgId).eq("listId", listId).eq("done", done) as unknown as DueBuilder, due, view.today) as never,
        );
  }
  if (view.priority !== undefined || view.sort === "priority") {
    const priority = view.priority;
    return mine
      ? todos.withIndex("by_org_list_assignee_priority", (q) => {
          const r = q.eq("orgId", orgId).eq("listId", listId).eq("assigneeId", userId).eq("done", done);
          return priority === undefined ? r : r.eq("priority", priority);
        })
      : todos.withIndex("by_org_list_done_priority", (q) => {
          const r = q.eq("orgId", orgId).eq("listId", listId).eq("done", done);
          return priority === undefined ? r : r.eq("priority", priority);
        });
  }
  return mine
    ? todos.withIndex("by_org_list_assignee", (q) => q.eq("orgId", orgId).eq("listId", listId).eq("assigneeId", userId).eq("done", done))
    : todos.withIndex("by_org_list_done", (q) => q.eq("orgId", orgId).eq("listId", listId).eq("done", done));
}
