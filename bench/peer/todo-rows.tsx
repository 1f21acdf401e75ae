"use client";

import { useMutation, usePaginatedQuery } from "convex/react";
import { api } from "../../convex/_generated/api";

/** The peers' one screen: a page of a list's todos, each with a plain checkbox. */
export function TodoRows({ listId }: { listId: string }) {
  const { results } = usePaginatedQuery(api.todos.list, { listId }, { initialNumItems: 20 });
  const setDone = useMutation(api.todos.setDone);
  return (
    <ul>
      {results.map((todo) => (
        // Struck through when done, as any todo app shows it (a checkbox's own state is a property, not in the DOM).
        <li key={todo._id} data-testid="todo-item" style={todo.done ? { textDecoration: "line-through" } : undefined}>
          <label>
            <input type="checkbox" checked={todo.done} onChange={(event) => void setDone({ todoId: todo._id, done: event.target.checked })} />
            {todo.title}
          </label>
        </li>
      ))}
    </ul>
  );
}
