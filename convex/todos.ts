import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { clerkSync } from "./lib/clerkSync";
import { appError, notFound } from "./lib/errors";
import { loadOwned } from "./lib/ids";
import { parseField, todoNotes, todoTitle } from "./lib/inputs";
import { tenantMutation, tenantQuery, type Tenant } from "./lib/tenant";
import type { QueryCtx } from "./_generated/server";

export const filter = v.union(v.literal("all"), v.literal("open"), v.literal("done"), v.literal("mine"));

/** One page of a list's todos, oldest first; every filter is an index range. */
export const list = tenantQuery({
  args: { listId: v.string(), filter: v.optional(filter), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { listId, filter = "all", paginationOpts }) => {
    const list = await loadOwned(ctx.db, "lists", listId, "List");
    const { orgId, userId } = ctx.tenant;
    const todos = ctx.db.query("todos");
    const query =
      filter === "open" || filter === "done"
        ? todos.withIndex("by_org_list_done", (q) =>
            q.eq("orgId", orgId).eq("listId", list._id).eq("done", filter === "done"),
          )
        : filter === "mine"
          ? todos.withIndex("by_org_list_assignee", (q) =>
              q.eq("orgId", orgId).eq("listId", list._id).eq("assigneeId", userId),
            )
          : todos.withIndex("by_org_list", (q) => q.eq("orgId", orgId).eq("listId", list._id));
    return await query.paginate(paginationOpts);
  },
});

export const create = tenantMutation({
  args: { listId: v.string(), title: v.string(), notes: v.optional(v.string()) },
  requires: "todos:write",
  handler: async (ctx, args) => {
    const list = await loadOwned(ctx.db, "lists", args.listId, "List");
    if (list.archived) throw appError("INVALID_ARGUMENT", "This list is archived; restore it to add todos.");
    return await ctx.db.insert("todos", {
      orgId: ctx.tenant.orgId,
      listId: list._id,
      title: parseField(todoTitle, args.title),
      notes: args.notes === undefined ? undefined : parseField(todoNotes, args.notes),
      done: false,
      createdBy: ctx.tenant.userId,
    });
  },
});

export const update = tenantMutation({
  args: { todoId: v.string(), title: v.optional(v.string()), notes: v.optional(v.string()) },
  requires: "todos:write",
  handler: async (ctx, args) => {
    const todo = await loadTodo(ctx.db, args.todoId);
    const patch: Partial<Doc<"todos">> = {};
    if (args.title !== undefined) patch.title = parseField(todoTitle, args.title);
    if (args.notes !== undefined) patch.notes = parseField(todoNotes, args.notes) || undefined;
    await ctx.db.patch("todos", todo._id, patch);
  },
});

/** Sets rather than flips, so a retried request cannot undo itself. */
export const setDone = tenantMutation({
  args: { todoId: v.string(), done: v.boolean() },
  requires: "todos:write",
  handler: async (ctx, { todoId, done }) => {
    const todo = await loadTodo(ctx.db, todoId);
    if (todo.done === done) return;
    await ctx.db.patch("todos", todo._id, { done, completedAt: done ? Date.now() : undefined });
  },
});

/** Assigns to a member of the same org, or unassigns with `null`. */
export const assign = tenantMutation({
  args: { todoId: v.string(), assigneeId: v.union(v.string(), v.null()) },
  requires: "todos:write",
  handler: async (ctx, { todoId, assigneeId }) => {
    const todo = await loadTodo(ctx.db, todoId);
    if (assigneeId !== null) await requireMember(ctx, ctx.tenant, assigneeId);
    await ctx.db.patch("todos", todo._id, { assigneeId: assigneeId ?? undefined });
  },
});

export const remove = tenantMutation({
  args: { todoId: v.string() },
  requires: "todos:write",
  handler: async (ctx, { todoId }) => {
    const todo = await loadTodo(ctx.db, todoId);
    await ctx.db.delete("todos", todo._id);
  },
});

/** A todo whose list was deleted is gone too, even before the purge reaches it. */
async function loadTodo(db: QueryCtx["db"], todoId: string) {
  const todo = await loadOwned(db, "todos", todoId, "Todo");
  if (!(await db.get("lists", todo.listId))) throw notFound("Todo");
  return todo;
}

/** A user of another org answers like an unknown user. */
async function requireMember(ctx: Pick<QueryCtx, "runQuery">, tenant: Tenant, userId: string) {
  const membership = await clerkSync.getMembership(ctx, tenant.orgId, userId);
  if (!membership) throw notFound("Member");
}
