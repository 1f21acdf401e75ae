/**
 * The one write path of todos: every insert, patch and delete goes through
 * here, so the derived fields (`searchText`) and the overview's counts
 * (lib/todoStats.ts) change in the same transaction as the todo itself.
 *
 *   const id = await insertTodo(ctx, { orgId, listId, title, … });
 *   await patchTodo(ctx, todo, { done: true, completedAt: Date.now() });
 */
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { notFound } from "./errors";
import { loadOwned } from "./ids";
import { keyBetween } from "./order";
import { searchTextOf, type TodoFields } from "./todoFields";
import { todoStats } from "./todoStats";

type Todo = Doc<"todos">;
type WriteCtx = Pick<MutationCtx, "db" | "runQuery" | "runMutation" | "meta">;

export type NewTodo = Omit<TodoFields, "searchText" | "order"> & { order?: string };

/** The key after the list's last todo, done or not. */
export async function orderAtEnd(db: QueryCtx["db"], orgId: string, listId: Id<"lists">) {
  const last = await db
    .query("todos")
    .withIndex("by_org_list", (q) => q.eq("orgId", orgId).eq("listId", listId))
    .order("desc")
    .first();
  return keyBetween(last?.order ?? null, null);
}

export async function insertTodo(ctx: WriteCtx, fields: NewTodo): Promise<Id<"todos">> {
  const order = fields.order ?? (await orderAtEnd(ctx.db, fields.orgId, fields.listId));
  const doc = { ...fields, order, searchText: searchTextOf(fields) };
  const id = await ctx.db.insert("todos", doc);
  await todoStats.inserted(ctx, (await ctx.db.get("todos", id))!);
  return id;
}

export type TodoPatch = Partial<Pick<Todo, "title" | "notes" | "done" | "completedAt" | "assigneeId" | "order" | "priority" | "dueDate">>;

/** `undefined` in the patch clears an optional field, as `db.patch` does. */
export async function patchTodo(ctx: WriteCtx, todo: Todo, patch: TodoPatch): Promise<Todo> {
  const next = { ...todo, ...patch };
  const full = { ...patch, searchText: searchTextOf(next) };
  await ctx.db.patch("todos", todo._id, full);
  const after = (await ctx.db.get("todos", todo._id))!;
  await todoStats.replaced(ctx, todo, after);
  return after;
}

export async function deleteTodo(ctx: WriteCtx, todo: Todo) {
  await ctx.db.delete("todos", todo._id);
  await todoStats.deleted(ctx, todo);
}

/** A client-supplied todo id; a todo whose list was deleted is gone too, even before the purge reaches it. */
export async function loadTodo(db: QueryCtx["db"], todoId: string) {
  const todo = await loadOwned(db, "todos", todoId, "Todo");
  if (!(await db.get("lists", todo.listId))) throw notFound("Todo");
  return todo;
}
