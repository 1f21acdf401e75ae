"use client";

import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { AssigneePicker } from "./assignee-picker";
import { TodoEditor } from "./todo-editor";
import { isOptimistic, type Todo } from "./optimistic";
import type { useTodoMutations } from "./use-todo-mutations";

type Props = {
  todo: Todo;
  editing: boolean;
  canWrite: boolean;
  actions: ReturnType<typeof useTodoMutations>;
  onEdit: (todoId: string | null) => void;
};

/** One todo: checkbox, title and notes, assignee, actions; or its inline editor. */
export function TodoItem({ todo, editing, canWrite, actions, onEdit }: Props) {
  const pending = isOptimistic(todo);
  const interactive = canWrite && !pending;

  function onKeyDown(event: React.KeyboardEvent<HTMLLIElement>) {
    if (editing || !interactive || event.target !== event.currentTarget.querySelector("[data-row-focus]")) return;
    if (event.key === "x") {
      event.preventDefault();
      void actions.setDone(todo._id, !todo.done);
    } else if (event.key === "e" || event.key === "Enter") {
      event.preventDefault();
      onEdit(todo._id);
    }
  }

  return (
    <li
      data-todo-row
      data-todo-id={todo._id}
      data-testid="todo-item"
      data-done={todo.done || undefined}
      aria-busy={pending || undefined}
      onKeyDown={onKeyDown}
      className={cn(
        "group/todo relative flex items-start gap-3 rounded-lg px-3 py-2 transition-colors",
        editing ? "bg-muted/60" : "hover:bg-muted/50 focus-within:bg-muted/50",
        pending && "opacity-60",
      )}
    >
      <Checkbox
        data-row-focus
        checked={todo.done}
        disabled={!interactive}
        onCheckedChange={(checked) => void actions.setDone(todo._id, checked === true)}
        aria-label={`Mark “${todo.title}” as ${todo.done ? "not done" : "done"}`}
        className="mt-[3px]"
      />
      {editing ? (
        <TodoEditor
          initial={{ title: todo.title, notes: todo.notes }}
          onCancel={() => onEdit(null)}
          onSave={async (patch) => {
            const changed = {
              ...(patch.title !== todo.title ? { title: patch.title } : {}),
              ...(patch.notes !== (todo.notes ?? "") ? { notes: patch.notes } : {}),
            };
            if (Object.keys(changed).length > 0) await actions.update(todo._id, changed);
            onEdit(null);
          }}
        />
      ) : (
        <>
          <div className="min-w-0 flex-1">
            <p
              onDoubleClick={() => interactive && onEdit(todo._id)}
              className={cn(
                "text-sm leading-6 break-words",
                todo.done && "text-muted-foreground line-through decoration-muted-foreground/50",
              )}
            >
              {todo.title}
            </p>
            {todo.notes && <p className="line-clamp-2 text-xs leading-5 whitespace-pre-line text-muted-foreground">{todo.notes}</p>}
          </div>
          <AssigneePicker
            todoTitle={todo.title}
            assigneeId={todo.assigneeId}
            disabled={!interactive}
            onAssign={(userId) => void actions.assign(todo._id, userId)}
          />
          {interactive && (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="ghost"
                  size="icon-xs"
                  aria-label={`Actions for “${todo.title}”`}
                  className="text-muted-foreground opacity-0 group-hover/todo:opacity-100 [@media(hover:none)]:opacity-100 focus-visible:opacity-100 group-focus-within/todo:opacity-100 data-[state=open]:opacity-100"
                >
                  <MoreHorizontalIcon aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end" className="w-40">
                <DropdownMenuItem onSelect={() => onEdit(todo._id)}>
                  <PencilIcon aria-hidden />
                  Edit
                  <DropdownMenuShortcut>E</DropdownMenuShortcut>
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem variant="destructive" onSelect={() => void actions.remove(todo._id)}>
                  <Trash2Icon aria-hidden />
                  Delete
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          )}
        </>
      )}
    </li>
  );
}
