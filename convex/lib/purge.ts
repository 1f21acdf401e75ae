/**
 * Purges in batches, each far below a transaction's write limits. Todos are
 * deleted without touching the overview's counts: a deleted list's trees are
 * emptied in one go (`todoStats.listDeleted`).
 */
import type { Id } from "../_generated/dataModel";
import type { DatabaseWriter, MutationCtx } from "../_generated/server";
import { todoStats } from "./todoStats";

/** Small enough to stay far below the per-transaction write limits. */
export const PURGE_BATCH = 500;

/** Deletes one batch of a list's todos; true when more remain. */
export async function deleteTodosOfList(db: DatabaseWriter, orgId: string, listId: Id<"lists">) {
  const batch = await db
    .query("todos")
    .withIndex("by_org_list", (q) => q.eq("orgId", orgId).eq("listId", listId))
    .take(PURGE_BATCH);
  for (const todo of batch) await db.delete("todos", todo._id);
  return batch.length === PURGE_BATCH;
}

/**
 * Deletes one batch of an organization's todos, then lists (emptying their
 * counts), then undo batches, then audit log; true when more remain. Its
 * departures stay: they tell its members what happened.
 */
export async function deleteOrgData(ctx: Pick<MutationCtx, "db" | "runQuery" | "runMutation" | "meta">, orgId: string) {
  const db = ctx.db;
  const todos = await db
    .query("todos")
    .withIndex("by_org_list", (q) => q.eq("orgId", orgId))
    .take(PURGE_BATCH);
  for (const todo of todos) await db.delete("todos", todo._id);
  if (todos.length === PURGE_BATCH) return true;
  const lists = await db
    .query("lists")
    .withIndex("by_org_archived", (q) => q.eq("orgId", orgId))
    .take(PURGE_BATCH - todos.length);
  for (const list of lists) {
    await db.delete("lists", list._id);
    await todoStats.listDeleted(ctx, orgId, list._id);
  }
  if (lists.length === PURGE_BATCH - todos.length) return true;
  let left = PURGE_BATCH - todos.length - lists.length;
  const trash = await db
    .query("deletedTodos")
    .withIndex("by_org_batch", (q) => q.eq("orgId", orgId))
    .take(left);
  for (const row of trash) await db.delete("deletedTodos", row._id);
  if (trash.length === left) return true;
  left -= trash.length;
  const audit = await db
    .query("auditEvents")
    .withIndex("by_org", (q) => q.eq("orgId", orgId))
    .take(left);
  for (const event of audit) await db.delete("auditEvents", event._id);
  return audit.length === left;
}
