"use client";

import { useMutation } from "convex/react";
import { toast } from "sonner";
import { api } from "@/convex/_generated/api";
import { errorMessage } from "@/lib/errors";
import { useMe } from "@/components/orgs/me-provider";
import { insertTodo, patchTodo } from "./optimistic";

/** The todo mutations, each with an optimistic update and a toast on failure. */
export function useTodoMutations() {
  const me = useMe();
  const create = useMutation(api.todos.create).withOptimisticUpdate((store, args) => insertTodo(store, args, me.userId));
  const setDone = useMutation(api.todos.setDone).withOptimisticUpdate((store, { todoId, done }) =>
    patchTodo(store, todoId, (t) => ({ ...t, done, completedAt: done ? Date.now() : undefined })),
  );
  const update = useMutation(api.todos.update).withOptimisticUpdate((store, { todoId, title, notes }) =>
    patchTodo(store, todoId, (t) => ({
      ...t,
      ...(title !== undefined ? { title: title.trim() } : {}),
      ...(notes !== undefined ? { notes: notes || undefined } : {}),
    })),
  );
  const assign = useMutation(api.todos.assign).withOptimisticUpdate((store, { todoId, assigneeId }) =>
    patchTodo(store, todoId, (t) => ({ ...t, assigneeId: assigneeId ?? undefined })),
  );
  const remove = useMutation(api.todos.remove).withOptimisticUpdate((store, { todoId }) => patchTodo(store, todoId, () => null));

  return {
    /** Throws on refusal: the add box shows the message inline. */
    create: (args: { listId: string; title: string; notes?: string }) => create(args),
    setDone: (todoId: string, done: boolean) => toastOnError(setDone({ todoId, done })),
    /** Throws on refusal: the editor shows the message inline. */
    update: (todoId: string, patch: { title?: string; notes?: string }) => update({ todoId, ...patch }),
    assign: (todoId: string, assigneeId: string | null) => toastOnError(assign({ todoId, assigneeId })),
    remove: (todoId: string) => toastOnError(remove({ todoId })),
  };
}

/** A refusal becomes a toast; Convex rolls the optimistic change back by itself. */
async function toastOnError<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    toast.error(errorMessage(error));
    return undefined;
  }
}
