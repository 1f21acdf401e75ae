"use client";

import { memo, useDeferredValue, useRef, useState } from "react";
import {
  ArrowDownIcon,
  ArrowUpIcon,
  CalendarIcon,
  GripVerticalIcon,
  MaximizeIcon,
  MoreHorizontalIcon,
  PencilIcon,
  Trash2Icon,
} from "lucide-react";
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
import { DueChip } from "./due-chip";
import { PlanPopover } from "./plan-popover";
import { PriorityFlag, priorityLabel, type Priority } from "./priority";
import { TodoEditor } from "./todo-editor";
import { isOptimistic, type Todo } from "./optimistic";
import type { TodoActions } from "./use-todo-mutations";

export type RowReorder = {
  /** Starts a drag from the handle (pointer events; see use-drag-reorder.ts). */
  onHandlePointerDown: (event: React.PointerEvent, todoId: string) => void;
  /** Moves the todo one place up (-1) or down (+1). */
  onStep: (todoId: string, step: -1 | 1) => void;
  /** Whether it can move that way, from the rows as they are now (read when the menu opens). */
  canStep: (todoId: string, step: -1 | 1) => boolean;
};

type Props = {
  todo: Todo;
  editing: boolean;
  canWrite: boolean;
  actions: TodoActions;
  today: string;
  onEdit: (todoId: string | null) => void;
  onOpen: (todoId: string) => void;
  reorder?: RowReorder;
  selection?: { selected: boolean; onToggle: (todoId: string, extend: boolean) => void };
};

/**
 * One todo: (drag handle), checkbox, title with its due date, priority and
 * notes, assignee, actions; or its inline editor. Keys on the focused row:
 * X done, E/Enter edit, D due date, P priority, T due today, Delete,
 * Alt+↑/↓ move.
 */
export const TodoItem = memo(function TodoItem({ todo, editing, canWrite, actions, today, onEdit, onOpen, reorder, selection }: Props) {
  const pending = isOptimistic(todo);
  const interactive = canWrite && !pending;
  const [plan, setPlan] = useState<"due" | "priority" | null>(null);
  // Chosen from the menu: opened once the menu has closed, so the two never fight over the focus.
  const planFromMenu = useRef<"due" | "priority" | null>(null);
  const priority = todo.priority as Priority;
  // A row mounts with its overlays' triggers as plain elements and wires the overlays (plan
  // popover, assignee picker, actions menu) in a deferred render right after: a page of rows
  // shows in one light commit, and a row arriving from another screen costs that screen little.
  const wired = useDeferredValue(true, false);

  function onKeyDown(event: React.KeyboardEvent<HTMLLIElement>) {
    if (editing || !interactive || event.target !== event.currentTarget.querySelector("[data-row-focus]")) return;
    const key = event.key;
    if (event.altKey && (key === "ArrowUp" || key === "ArrowDown")) {
      if (!reorder) return;
      event.preventDefault();
      reorder.onStep(todo._id, key === "ArrowUp" ? -1 : 1);
      return;
    }
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (key === "x") void actions.setDone(todo._id, !todo.done);
    else if (key === "e" || key === "Enter") onEdit(todo._id);
    else if (key === "d") setPlan("due");
    else if (key === "p") setPlan("priority");
    else if (key === "t") void actions.setDue(todo._id, today);
    else if (key === "Delete" || key === "Backspace") void actions.remove(todo);
    else return;
    event.preventDefault();
  }

  // The title, due date, priority and notes; the plan popover anchors to it.
  const summary = (
    <div className="min-w-0 flex-1 py-px">
      <p
        onDoubleClick={() => interactive && onEdit(todo._id)}
        className={cn(
          "text-sm leading-6 break-words [overflow-wrap:anywhere]",
          todo.done && "text-muted-foreground line-through decoration-muted-foreground/50",
        )}
      >
        {todo.title}
      </p>
      {(todo.dueDate || priority !== 4 || todo.notes) && (
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5">
          {todo.dueDate && <DueChip dueDate={todo.dueDate} today={today} done={todo.done} />}
          {priority !== 4 && (
            <span className="inline-flex items-center gap-1 text-xs text-muted-foreground" title={priorityLabel(priority)}>
              <PriorityFlag priority={priority} />
              <span>P{priority}</span>
            </span>
          )}
          {todo.notes && (
            <p className="line-clamp-2 min-w-0 basis-full text-xs leading-5 whitespace-pre-line text-muted-foreground [overflow-wrap:anywhere]">{todo.notes}</p>
          )}
        </div>
      )}
    </div>
  );

  // Row actions show on hover and focus by their icons' visibility, not the buttons' opacity:
  // every transparent element is a compositing effect on every frame of the page (and a fade on
  // hover), while the buttons stay in the accessibility tree and the tab order either way.
  const menuButton = {
    variant: "ghost",
    size: "icon-xs",
    "aria-label": `Actions for “${todo.title}”`,
    className:
      "text-muted-foreground [&_svg]:invisible group-hover/todo:[&_svg]:visible pointer-coarse:[&_svg]:visible focus-visible:[&_svg]:visible group-focus-within/todo:[&_svg]:visible data-[state=open]:[&_svg]:visible",
    children: <MoreHorizontalIcon aria-hidden />,
  } as const;

  const rowFocus = selection ? undefined : "";
  return (
    <li
      data-todo-row
      data-todo-id={todo._id}
      data-testid="todo-item"
      data-done={todo.done || undefined}
      aria-busy={pending || undefined}
      onKeyDown={onKeyDown}
      // No colour transition: a click focuses the row, and a fade would repaint it for frames
      // while the change is on its way to the other screens.
      className={cn(
        "group/todo relative flex items-start gap-2 rounded-lg px-2 py-1.5 sm:gap-3 sm:px-3 pointer-coarse:items-center pointer-coarse:py-0.5",
        editing ? "bg-muted/60" : "hover:bg-muted/50 focus-within:bg-muted/50",
        selection?.selected && "bg-brand-soft/60 hover:bg-brand-soft/70",
        pending && "opacity-60",
      )}
    >
      {reorder && interactive && !selection && (
        <button
          type="button"
          aria-label={`Reorder “${todo.title}” (drag, or Alt+↑/↓ on the row)`}
          title="Drag to reorder"
          onPointerDown={(event) => reorder.onHandlePointerDown(event, todo._id)}
          onKeyDown={(event) => {
            if (event.key === "ArrowUp" || event.key === "ArrowDown") {
              event.preventDefault();
              reorder.onStep(todo._id, event.key === "ArrowUp" ? -1 : 1);
            }
          }}
          // In the gutter left of the row, so rows with and without a handle line up.
          className="absolute top-2 -left-4 flex h-6 w-4 cursor-grab touch-none items-center justify-center rounded text-muted-foreground/50 outline-none [&_svg]:invisible group-hover/todo:[&_svg]:visible focus-visible:[&_svg]:visible focus-visible:ring-[3px] focus-visible:ring-ring/50 active:cursor-grabbing pointer-coarse:hidden"
        >
          <GripVerticalIcon className="size-4" aria-hidden />
        </button>
      )}
      {selection && (
        <Checkbox
          data-row-focus=""
          checked={selection.selected}
          onCheckedChange={(_, event) => selection.onToggle(todo._id, (event.nativeEvent as MouseEvent).shiftKey === true)}
          aria-label={`Select “${todo.title}”`}
          className="mt-[3px] pointer-coarse:mt-0"
        />
      )}
      <Checkbox
        data-row-focus={rowFocus}
        checked={todo.done}
        disabled={!interactive || !!selection}
        onCheckedChange={(checked) => void actions.setDone(todo._id, checked)}
        aria-label={`Mark “${todo.title}” as ${todo.done ? "not done" : "done"}`}
        className="mt-[3px] pointer-coarse:mt-0"
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
          {wired ? (
            <PlanPopover
              todoTitle={todo.title}
              dueDate={todo.dueDate}
              priority={priority}
              today={today}
              open={plan !== null}
              focus={plan ?? "due"}
              onOpenChange={(open) => setPlan(open ? (plan ?? "due") : null)}
              onDue={(day) => void actions.setDue(todo._id, day)}
              onPriority={(p) => void actions.setPriority(todo._id, p)}
            >
              {summary}
            </PlanPopover>
          ) : (
            summary
          )}
          <AssigneePicker
            todoTitle={todo.title}
            assigneeId={todo.assigneeId}
            disabled={!interactive || !!selection}
            wired={wired}
            onAssign={(userId) => void actions.assign(todo._id, userId)}
          />
          {interactive && !selection && !wired && (
            // Not wired yet: the closed trigger as it renders.
            <Button aria-haspopup="menu" aria-expanded={false} data-state="closed" {...menuButton} />
          )}
          {interactive && !selection && wired && (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button {...menuButton} />
              </DropdownMenuTrigger>
              <DropdownMenuContent
                align="end"
                className="w-52"
                onCloseAutoFocus={(event) => {
                  if (!planFromMenu.current) return;
                  event.preventDefault();
                  setPlan(planFromMenu.current);
                  planFromMenu.current = null;
                }}
              >
                <DropdownMenuItem onSelect={() => onEdit(todo._id)}>
                  <PencilIcon aria-hidden />
                  Edit
                  <DropdownMenuShortcut>E</DropdownMenuShortcut>
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => (planFromMenu.current = "due")}>
                  <CalendarIcon aria-hidden />
                  Due date…
                  <DropdownMenuShortcut>D</DropdownMenuShortcut>
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => (planFromMenu.current = "priority")}>
                  <PriorityFlag priority={priority} />
                  Priority…
                  <DropdownMenuShortcut>P</DropdownMenuShortcut>
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={() => onOpen(todo._id)}>
                  <MaximizeIcon aria-hidden />
                  Open details
                </DropdownMenuItem>
                {reorder && <MoveItems todoId={todo._id} reorder={reorder} />}
                <DropdownMenuSeparator />
                <DropdownMenuItem variant="destructive" onSelect={() => void actions.remove(todo)}>
                  <Trash2Icon aria-hidden />
                  Delete
                  <DropdownMenuShortcut>⌫</DropdownMenuShortcut>
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          )}
        </>
      )}
    </li>
  );
}, sameProps);

/**
 * Move up / Move down. Rendered when the menu opens, so whether each applies
 * is read then: a row's place is not among its props, and its neighbours
 * coming and going never re-render it.
 */
function MoveItems({ todoId, reorder }: { todoId: string; reorder: RowReorder }) {
  return (
    <>
      <DropdownMenuSeparator />
      <DropdownMenuItem disabled={!reorder.canStep(todoId, -1)} onSelect={() => reorder.onStep(todoId, -1)}>
        <ArrowUpIcon aria-hidden />
        Move up
        <DropdownMenuShortcut>⌥↑</DropdownMenuShortcut>
      </DropdownMenuItem>
      <DropdownMenuItem disabled={!reorder.canStep(todoId, 1)} onSelect={() => reorder.onStep(todoId, 1)}>
        <ArrowDownIcon aria-hidden />
        Move down
        <DropdownMenuShortcut>⌥↓</DropdownMenuShortcut>
      </DropdownMenuItem>
    </>
  );
}

/**
 * Convex delivers a changed page whole, with new objects for the todos that
 * did not change: those compare by their fields, so only the changed row
 * renders. Every other prop compares by identity. Runs for every row on
 * every update of its page, so it allocates nothing.
 */
function sameProps(a: Props, b: Props): boolean {
  for (const key of PROP_KEYS) if (key !== "todo" && !Object.is(a[key], b[key])) return false;
  return sameFields(a.todo, b.todo);
}

// Every prop, by name: one added to Props and missing here would never re-render the row, so tsc refuses it.
const COMPARED: Record<keyof Props, true> = { todo: true, editing: true, canWrite: true, actions: true, today: true, onEdit: true, onOpen: true, reorder: true, selection: true };
const PROP_KEYS = Object.keys(COMPARED) as (keyof Props)[];

function sameFields(a: Todo, b: Todo): boolean {
  if (a === b) return true;
  for (const key in a) if (!Object.is(a[key as keyof Todo], b[key as keyof Todo])) return false;
  for (const key in b) if (!(key in a)) return false;
  return true;
}
