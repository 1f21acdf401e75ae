"use client";

import { useMemo } from "react";
import { useMutation } from "convex/react";
import type { OptimisticUpdate } from "convex/browser";
import type { FunctionArgs, FunctionReference } from "convex/server";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { errorMessage } from "@/lib/errors";
import { useMe } from "@/components/orgs/me-provider";
import { insertTodo, moveTodo, patchTodo } from "./optimistic";
import type { Priority } from "./priority";

/** How long a deletion's "Undo" stays on screen (the server keeps the todos far longer). */
export const UNDO_TOAST_MS = 8000;

const quote = (title: string) => (title.length > 40 ? `“${title.slice(0, 39)}…”` : `“${title}”`);

/**
 * The todo mutations, each with an optimistic update and a toast on failure.
 * Deletions (one todo or a selection) offer "Undo", which restores every
 * field and the place in the list. Stable across renders.
 */
export function useTodoMutations() {
  const { userId } = useMe();
  // `withOptimisticUpdate` makes a new function on every call: wrap once per
  // mutation, so the actions (and the memoised rows given them) stay stable.
  const createBase = useMutation(api.todos.create);
  const create = useMemo(() => createBase.withOptimisticUpdate((store, args) => insertTodo(store, args, userId)), [createBase, userId]);
  const setDone = useOptimisticMutation(api.todos.setDone, setDoneUpdate);
  const update = useOptimisticMutation(api.todos.update, updateUpdate);
  const assign = useOptimisticMutation(api.todos.assign, assignUpdate);
  const move = useOptimisticMutation(api.todos.move, moveUpdate);
  const remove = useOptimisticMutation(api.todos.remove, removeUpdate);
  const restore = useMutation(api.todos.restore);
  const bulkDone = useOptimisticMutation(api.bulk.setDone, bulkDoneUpdate);
  const bulkRemove = useOptimisticMutation(api.bulk.remove, bulkRemoveUpdate);

  return useMemo(() => {
    const offerUndo = (message: string, undoId: string) =>
      toast.success(message, {
        duration: UNDO_TOAST_MS,
        action: {
          label: "Undo",
          onClick: () => void restore({ undoId }).then(() => toast.success("Restored"), (error: unknown) => toast.error(errorMessage(error))),
        },
      });
    return {
      /** Throws on refusal: the add box shows the message inline. */
      create: (args: { listId: string; title: string; notes?: string }) => create(args),
      setDone: (todoId: string, done: boolean) => toastOnError(setDone({ todoId, done })),
      /** Throws on refusal: the editor shows the message inline. */
      update: (todoId: string, patch: { title?: string; notes?: string }) => update({ todoId, ...patch }),
      setDue: (todoId: string, dueDate: string | null) => toastOnError(update({ todoId, dueDate })),
      setPriority: (todoId: string, priority: Priority) => toastOnError(update({ todoId, priority })),
      assign: (todoId: string, assigneeId: string | null) => toastOnError(assign({ todoId, assigneeId })),
      move: (todoId: string, afterId: string | null, beforeId: string | null) => toastOnError(move({ todoId, afterId, beforeId })),
      remove: async (todo: { _id: string; title: string }) => {
        const result = await toastOnError(remove({ todoId: todo._id }));
        if (result) offerUndo(`Deleted ${quote(todo.title)}`, result.undoId);
      },
      removeMany: async (todoIds: string[]) => {
        const result = await toastOnError(bulkRemove({ todoIds }));
        if (result) offerUndo(`Deleted ${result.count} todo${result.count === 1 ? "" : "s"}`, result.undoId);
        return result;
      },
      setDoneMany: async (todoIds: string[], done: boolean) => {
        const result = await toastOnError(bulkDone({ todoIds, done }));
        if (result && result.changed.length > 0) {
          const n = result.changed.length;
          toast.success(`Marked ${n} todo${n === 1 ? "" : "s"} as ${done ? "done" : "not done"}`, {
            duration: UNDO_TOAST_MS,
            action: { label: "Undo", onClick: () => void toastOnError(bulkDone({ todoIds: result.changed, done: !done })) },
          });
        }
        return result;
      },
    };
  }, [create, setDone, update, assign, move, remove, restore, bulkDone, bulkRemove]);
}

export type TodoActions = ReturnType<typeof useTodoMutations>;

/** A mutation with its optimistic update, made once per mutation (`update` is a module constant). */
function useOptimisticMutation<Mutation extends FunctionReference<"mutation">>(mutation: Mutation, update: OptimisticUpdate<FunctionArgs<Mutation>>) {
  const base = useMutation(mutation);
  return useMemo(() => base.withOptimisticUpdate(update), [base, update]);
}

const setDoneUpdate: OptimisticUpdate<FunctionArgs<typeof api.todos.setDone>> = (store, { todoId, done }) =>
  patchTodo(store, todoId, (t) => ({ ...t, done, completedAt: done ? Date.now() : undefined }));

const updateUpdate: OptimisticUpdate<FunctionArgs<typeof api.todos.update>> = (store, { todoId, title, notes, dueDate, priority }) =>
  patchTodo(store, todoId, (t) => ({
    ...t,
    ...(title !== undefined ? { title: title.trim() } : {}),
    ...(notes !== undefined ? { notes: notes || undefined } : {}),
    ...(dueDate !== undefined ? { dueDate: dueDate ?? undefined } : {}),
    ...(priority !== undefined ? { priority } : {}),
  }));

const assignUpdate: OptimisticUpdate<FunctionArgs<typeof api.todos.assign>> = (store, { todoId, assigneeId }) =>
  patchTodo(store, todoId, (t) => ({ ...t, assigneeId: assigneeId ?? undefined }));

const moveUpdate: OptimisticUpdate<FunctionArgs<typeof api.todos.move>> = (store, { todoId, afterId, beforeId }) => moveTodo(store, todoId, afterId, beforeId);

const removeUpdate: OptimisticUpdate<FunctionArgs<typeof api.todos.remove>> = (store, { todoId }) => patchTodo(store, todoId, () => null);

const bulkDoneUpdate: OptimisticUpdate<FunctionArgs<typeof api.bulk.setDone>> = (store, { todoIds, done }) => {
  for (const id of todoIds) patchTodo(store, id, (t) => ({ ...t, done }));
};

const bulkRemoveUpdate: OptimisticUpdate<FunctionArgs<typeof api.bulk.remove>> = (store, { todoIds }) => {
  for (const id of todoIds) patchTodo(store, id, () => null);
};

/** A refusal becomes a toast; Convex rolls the optimistic change back by itself. */
async function toastOnError<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    toast.error(errorMessage(error));
    return undefined;
  }
}
