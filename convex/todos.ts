import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import type { QueryCtx } from "./_generated/server";
import { clerkSync } from "./lib/clerkSync";
import { appError, notFound } from "./lib/errors";
import { loadOwned } from "./lib/ids";
import { calendarDay, parseField, todoNotes, todoTitle } from "./lib/inputs";
import { keyBetween } from "./lib/order";
import { tenantMutation, tenantQuery, type Tenant } from "./lib/tenant";
import { NO_PRIORITY, priorityValidator } from "./lib/todoFields";
import { insertTodo, loadTodo, patchTodo } from "./lib/todoStore";
import { restoreTodos, trashTodos } from "./lib/trash";
import { todosInView, viewArgs } from "./lib/todoViews";

/**
 * One page of a list's open (or done) todos in one view: the list's own
 * order, by priority, or a due-date range; all of them or the caller's.
 * Every view is one index range (lib/todoViews.ts), so a page reads the page.
 */
export const list = tenantQuery({
  args: { listId: v.string(), ...viewArgs, paginationOpts: paginationOptsValidator },
  handler: async (ctx, { listId, paginationOpts, ...view }) => {
    const list = await loadOwned(ctx.db, "lists", listId, "List");
    return await todosInView(ctx.db, ctx.tenant, list._id, view).paginate(paginationOpts);
  },
});

/** One todo and its list (the todo's details, a search result, the command palette). */
export const get = tenantQuery({
  args: { todoId: v.string() },
  handler: async (ctx, { todoId }) => {
    const todo = await loadTodo(ctx.db, todoId);
    const list = (await ctx.db.get("lists", todo.listId))!;
    return { todo, list: { _id: list._id, name: list.name, archived: list.archived } };
  },
});

const dueDateArg = v.optional(v.union(v.string(), v.null()));
const parseDue = (dueDate: string | null | undefined) => (dueDate ? parseField(calendarDay, dueDate) : undefined);

/** Appends a todo to the end of the list. */
export const create = tenantMutation({
  args: {
    listId: v.string(),
    title: v.string(),
    notes: v.optional(v.string()),
    dueDate: dueDateArg,
    priority: v.optional(priorityValidator),
  },
  requires: "todos:write",
  handler: async (ctx, args) => {
    const list = await loadOwned(ctx.db, "lists", args.listId, "List");
    if (list.archived) throw appError("INVALID_ARGUMENT", "This list is archived; restore it to add todos.");
    return await insertTodo(ctx, {
      orgId: ctx.tenant.orgId,
      listId: list._id,
      title: parseField(todoTitle, args.title),
      notes: args.notes === undefined ? undefined : parseField(todoNotes, args.notes) || undefined,
      done: false,
      createdBy: ctx.tenant.userId,
      priority: args.priority ?? NO_PRIORITY,
      dueDate: parseDue(args.dueDate),
    });
  },
});

/** Changes what is given; `dueDate: null` clears the due date, priority 4 clears the priority. */
export const update = tenantMutation({
  args: {
    todoId: v.string(),
    title: v.optional(v.string()),
    notes: v.optional(v.string()),
    dueDate: dueDateArg,
    priority: v.optional(priorityValidator),
  },
  requires: "todos:write",
  handler: async (ctx, args) => {
    const todo = await loadTodo(ctx.db, args.todoId);
    const patch: Parameters<typeof patchTodo>[2] = {};
    if (args.title !== undefined) patch.title = parseField(todoTitle, args.title);
    if (args.notes !== undefined) patch.notes = parseField(todoNotes, args.notes) || undefined;
    if (args.dueDate !== undefined) patch.dueDate = parseDue(args.dueDate);
    if (args.priority !== undefined) patch.priority = args.priority;
    await patchTodo(ctx, todo, patch);
  },
});

/** Sets rather than flips, so a retried request cannot undo itself. */
export const setDone = tenantMutation({
  args: { todoId: v.string(), done: v.boolean() },
  requires: "todos:write",
  handler: async (ctx, { todoId, done }) => {
    const todo = await loadTodo(ctx.db, todoId);
    if (todo.done === done) return;
    await patchTodo(ctx, todo, { done, completedAt: done ? Date.now() : undefined });
  },
});

/** Assigns to a member of the same org, or unassigns with `null`. */
export const assign = tenantMutation({
  args: { todoId: v.string(), assigneeId: v.union(v.string(), v.null()) },
  requires: "todos:write",
  handler: async (ctx, { todoId, assigneeId }) => {
    const todo = await loadTodo(ctx.db, todoId);
    if (assigneeId !== null) await requireMember(ctx, ctx.tenant, assigneeId);
    await patchTodo(ctx, todo, { assigneeId: assigneeId ?? undefined });
  },
});

/**
 * Moves a todo next to others of its list: right after `afterId`, right
 * before `beforeId`, or between both (the todos the mover sees around the
 * drop point, in whatever view). Given one, the other side is the list's
 * next todo, so hidden and unloaded todos keep their places; given none, the
 * todo goes to the end. One document is written: the moved todo gets a key
 * between its new neighbours'.
 */
export const move = tenantMutation({
  args: { todoId: v.string(), afterId: v.union(v.string(), v.null()), beforeId: v.union(v.string(), v.null()) },
  requires: "todos:write",
  handler: async (ctx, { todoId, afterId, beforeId }) => {
    const todo = await loadTodo(ctx.db, todoId);
    const neighbour = async (id: string | null) => {
      if (id === null) return null;
      const other = await loadTodo(ctx.db, id);
      // A todo of another list answers like a missing one.
      if (other.listId !== todo.listId || other._id === todo._id) throw notFound("Todo");
      return other.order;
    };
    // The list's todo just after (or before) a key, the moved one aside.
    const adjacent = async (order: string | null, direction: "after" | "before") => {
      const candidates = await ctx.db
        .query("todos")
        .withIndex("by_org_list", (q) => {
          const list = q.eq("orgId", todo.orgId).eq("listId", todo.listId);
          if (order === null) return list;
          return direction === "after" ? list.gt("order", order) : list.lt("order", order);
        })
        .order(direction === "after" ? "asc" : "desc")
        .take(2);
      return candidates.find((c) => c._id !== todo._id)?.order ?? null;
    };
    let after = await neighbour(afterId);
    let before = await neighbour(beforeId);
    if (afterId === null && beforeId === null) {
      after = await adjacent(null, "before");
      if (after === null || after < todo.order) return; // alone, or already last
    } else if (beforeId === null) {
      before = await adjacent(after, "after");
    } else if (afterId === null) {
      after = await adjacent(before, "before");
    }
    await patchTodo(ctx, todo, { order: keyBetween(after, before) });
  },
});

/** Deletes a todo; `restore({ undoId })` brings it back exactly, for a few minutes. */
export const remove = tenantMutation({
  args: { todoId: v.string() },
  requires: "todos:write",
  handler: async (ctx, { todoId }) => {
    const todo = await loadTodo(ctx.db, todoId);
    return { undoId: await trashTodos(ctx, ctx.tenant, [todo]) };
  },
});

/** Undoes a deletion (one todo or a bulk one): every field as it was, in the same place. */
export const restore = tenantMutation({
  args: { undoId: v.string() },
  requires: "todos:write",
  handler: async (ctx, { undoId }) => await restoreTodos(ctx, ctx.tenant, undoId),
});

/** The undo window is over: the batch is forgotten. */
export const forgetDeleted = internalMutation({
  args: { orgId: v.string(), batchId: v.string() },
  handler: async (ctx, { orgId, batchId }) => {
    const rows = await ctx.db
      .query("deletedTodos")
      .withIndex("by_org_batch", (q) => q.eq("orgId", orgId).eq("batchId", batchId))
      .collect();
    for (const row of rows) await ctx.db.delete("deletedTodos", row._id);
  },
});

/** A user of another org answers like an unknown user. */
async function requireMember(ctx: Pick<QueryCtx, "runQuery">, tenant: Tenant, userId: string) {
  const membership = await clerkSync.getMembership(ctx, tenant.orgId, userId);
  if (!membership) throw notFound("Member");
}
