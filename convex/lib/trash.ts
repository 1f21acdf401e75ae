/**
 * Deleting todos with undo: a deletion moves the todos' fields into
 * `deletedTodos` under one batch id, in the same transaction, and "Undo"
 * puts them back with every field as it was (title, notes, done, assignee,
 * due date, priority, position in the list, author). Only the document id
 * and creation time are new: Convex mints those. The batch is forgotten
 * after UNDO_WINDOW_MS.
 *
 *   const undoId = await trashTodos(ctx, tenant, [todo]);
 *   await restoreTodos(ctx, tenant, undoId);
 */
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { appError } from "./errors";
import { keyBetween } from "./order";
import type { Tenant } from "./tenant";
import type { TodoFields } from "./todoFields";
import { deleteTodo, insertTodo } from "./todoStore";

/** Far longer than the toast offering it: the undo may come from a slow network. */
export const UNDO_WINDOW_MS = 10 * 60_000;
/** The most todos one bulk action touches (well inside a transaction's limits). */
export const BULK_LIMIT = 100;

type Ctx = Pick<MutationCtx, "db" | "runQuery" | "runMutation" | "meta" | "scheduler">;

export async function trashTodos(ctx: Ctx, tenant: Tenant, todos: Doc<"todos">[]): Promise<string> {
  const batchId = crypto.randomUUID();
  for (const todo of todos) {
    await ctx.db.insert("deletedTodos", { orgId: tenant.orgId, batchId, deletedBy: tenant.userId, todo: storedFields(todo) });
    await deleteTodo(ctx, todo);
  }
  await ctx.scheduler.runAfter(UNDO_WINDOW_MS, internal.todos.forgetDeleted, { orgId: tenant.orgId, batchId });
  return batchId;
}

/** Puts a batch back; a todo whose list is gone meanwhile stays deleted. Returns the new ids. */
export async function restoreTodos(ctx: Ctx, tenant: Tenant, batchId: string): Promise<Id<"todos">[]> {
  const rows = await ctx.db
    .query("deletedTodos")
    .withIndex("by_org_batch", (q) => q.eq("orgId", tenant.orgId).eq("batchId", batchId))
    .take(BULK_LIMIT);
  if (rows.length === 0) throw appError("NOT_FOUND", "There is nothing to undo any more.");
  const ids: Id<"todos">[] = [];
  for (const row of rows) {
    await ctx.db.delete("deletedTodos", row._id);
    if (!(await ctx.db.get("lists", row.todo.listId))) continue;
    ids.push(await insertTodo(ctx, { ...row.todo, order: await freeOrder(ctx, row.todo.orgId, row.todo.listId, row.todo.order) }));
  }
  return ids;
}

/** Everything but the document's id and creation time. */
function storedFields(todo: Doc<"todos">): TodoFields {
  const fields: Partial<Doc<"todos">> = { ...todo };
  delete fields._id;
  delete fields._creationTime;
  return fields as TodoFields;
}

/** The todo's old key, unless a todo added since took it: then just after that one. */
async function freeOrder(ctx: Ctx, orgId: string, listId: Id<"lists">, order: string) {
  const taken = await ctx.db
    .query("todos")
    .withIndex("by_org_list", (q) => q.eq("orgId", orgId).eq("listId", listId).eq("order", order))
    .first();
  if (!taken) return order;
  const next = await ctx.db
    .query("todos")
    .withIndex("by_org_list", (q) => q.eq("orgId", orgId).eq("listId", listId).gt("order", order))
    .first();
  return keyBetween(order, next?.order ?? null);
}
