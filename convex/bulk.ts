/**
 * Actions on several todos at once (the list's selection, "clear
 * completed"), each all-or-nothing in one transaction and undoable: `remove`
 * returns an undo id for `todos.restore`, `setDone` the todos it changed.
 */
import { v } from "convex/values";
import { appError } from "./lib/errors";
import { tenantMutation } from "./lib/tenant";
import { loadTodo, patchTodo } from "./lib/todoStore";
import { BULK_LIMIT, trashTodos } from "./lib/trash";
import type { QueryCtx } from "./_generated/server";

const todoIds = v.array(v.string());

/** Every id must be one of the caller's org's todos; one foreign or missing id refuses the whole call. */
async function loadAll(db: QueryCtx["db"], ids: string[]) {
  if (ids.length === 0) throw appError("INVALID_ARGUMENT", "Select at least one todo.");
  if (ids.length > BULK_LIMIT) throw appError("INVALID_ARGUMENT", `Select at most ${BULK_LIMIT} todos at once.`);
  const todos = [];
  for (const id of new Set(ids)) todos.push(await loadTodo(db, id));
  return todos;
}

export const setDone = tenantMutation({
  args: { todoIds, done: v.boolean() },
  requires: "todos:write",
  handler: async (ctx, { todoIds, done }) => {
    const changed: string[] = [];
    for (const todo of await loadAll(ctx.db, todoIds)) {
      if (todo.done === done) continue;
      await patchTodo(ctx, todo, { done, completedAt: done ? Date.now() : undefined });
      changed.push(todo._id);
    }
    return { changed };
  },
});

export const remove = tenantMutation({
  args: { todoIds },
  requires: "todos:write",
  handler: async (ctx, { todoIds }) => {
    const todos = await loadAll(ctx.db, todoIds);
    return { undoId: await trashTodos(ctx, ctx.tenant, todos), count: todos.length };
  },
});
