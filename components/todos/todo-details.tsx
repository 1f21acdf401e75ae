"use client";

import { useState } from "react";
import { CalendarIcon, Trash2Icon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { errorCode, errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { AssigneePicker } from "./assignee-picker";
import { DueChip } from "./due-chip";
import { PlanPopover } from "./plan-popover";
import { PriorityFlag, priorityLabel, type Priority } from "./priority";
import { TodoEditor } from "./todo-editor";
import type { TodoActions } from "./use-todo-mutations";

type Props = { todoId: string | null; today: string; canWrite: boolean; actions: TodoActions; onClose: () => void };

/** One todo in full (`?todo=<id>` on its list's page): what the command palette and search open. */
export function TodoDetailsDialog({ todoId, today, canWrite, actions, onClose }: Props) {
  return (
    <Dialog open={todoId !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-lg">{todoId && <Details todoId={todoId} today={today} canWrite={canWrite} actions={actions} onClose={onClose} />}</DialogContent>
    </Dialog>
  );
}

function Details({ todoId, today, canWrite, actions, onClose }: Omit<Props, "todoId"> & { todoId: string }) {
  const result = useSafeQuery(api.todos.get, { todoId });
  const [plan, setPlan] = useState(false);
  if (result.status === "loading") {
    return (
      <>
        <DialogTitle className="sr-only">Loading the todo</DialogTitle>
        <Skeleton className="h-24" />
      </>
    );
  }
  if (result.status === "error") {
    return (
      <DialogHeader>
        <DialogTitle>{errorCode(result.error) === "NOT_FOUND" ? "Todo not found" : "Couldn't open this todo"}</DialogTitle>
        <DialogDescription>{errorCode(result.error) === "NOT_FOUND" ? "It was deleted, or it belongs to another organization." : errorMessage(result.error)}</DialogDescription>
      </DialogHeader>
    );
  }
  const { todo, list } = result.data;
  const priority = todo.priority as Priority;
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <DialogHeader>
        <DialogTitle className="[overflow-wrap:anywhere]">{todo.title}</DialogTitle>
        <DialogDescription className="truncate" title={list.name}>
          In {list.name}
        </DialogDescription>
      </DialogHeader>
      {canWrite ? (
        <TodoEditor
          key={`${todo.title}\n${todo.notes ?? ""}`}
          initial={{ title: todo.title, notes: todo.notes }}
          onCancel={onClose}
          onSave={async (patch) => {
            await actions.update(todo._id, { title: patch.title, notes: patch.notes });
          }}
        />
      ) : (
        todo.notes && <p className="text-sm whitespace-pre-line text-muted-foreground [overflow-wrap:anywhere]">{todo.notes}</p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t pt-3 text-sm">
        <div className="flex items-center gap-2">
          <Checkbox
            id={`done-${todo._id}`}
            checked={todo.done}
            disabled={!canWrite}
            onCheckedChange={(checked) => void actions.setDone(todo._id, checked)}
          />
          <Label htmlFor={`done-${todo._id}`}>Done</Label>
        </div>
        <PlanPopover
          todoTitle={todo.title}
          dueDate={todo.dueDate}
          priority={priority}
          today={today}
          open={plan}
          focus="due"
          onOpenChange={setPlan}
          onDue={(day) => void actions.setDue(todo._id, day)}
          onPriority={(p) => void actions.setPriority(todo._id, p)}
        >
          <Button size="sm" variant="outline" disabled={!canWrite} onClick={() => setPlan(true)} aria-label={`Due date and priority: ${todo.dueDate ?? "no date"}, ${priorityLabel(priority)}`}>
            {todo.dueDate ? <DueChip dueDate={todo.dueDate} today={today} done={todo.done} /> : <><CalendarIcon aria-hidden />No date</>}
            <PriorityFlag priority={priority} />
          </Button>
        </PlanPopover>
        <div className="flex items-center gap-2">
          <span className="text-muted-foreground">Assignee</span>
          <AssigneePicker todoTitle={todo.title} assigneeId={todo.assigneeId} disabled={!canWrite} onAssign={(userId) => void actions.assign(todo._id, userId)} />
        </div>
        {canWrite && (
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto text-destructive"
            onClick={() => {
              onClose();
              void actions.remove(todo);
            }}
          >
            <Trash2Icon aria-hidden />
            Delete
          </Button>
        )}
      </div>
    </div>
  );
}
