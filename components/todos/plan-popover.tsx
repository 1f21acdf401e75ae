"use client";

import { useId, useState, type ReactNode } from "react";
import { CalendarIcon, CalendarX2Icon } from "lucide-react";
import { addDays, dueLabel, nextWeek } from "@/lib/dates";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverAnchor, PopoverContent } from "@/components/ui/popover";
import { PRIORITY_OPTIONS, PriorityFlag, type Priority } from "./priority";

type Props = {
  todoTitle: string;
  dueDate: string | undefined;
  priority: Priority;
  today: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Which part takes the focus when it opens. */
  focus: "due" | "priority";
  onDue: (dueDate: string | null) => void;
  onPriority: (priority: Priority) => void;
  children: ReactNode;
};

/**
 * A todo's due date and priority, anchored to its row. Keys: T today,
 * M tomorrow, W next week, 0 no date, 1–4 a priority; the date field takes
 * any day.
 */
export function PlanPopover({ todoTitle, dueDate, priority, today, open, onOpenChange, focus, onDue, onPriority, children }: Props) {
  const id = useId();
  const [typed, setTyped] = useState(dueDate ?? "");
  const quick = [
    { key: "t", label: "Today", day: today },
    { key: "m", label: "Tomorrow", day: addDays(today, 1) },
    { key: "w", label: "Next week", day: nextWeek(today) },
  ];
  const pickDue = (day: string | null) => {
    onDue(day);
    onOpenChange(false);
  };
  const pickPriority = (p: Priority) => {
    onPriority(p);
    onOpenChange(false);
  };

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.target instanceof HTMLInputElement || event.metaKey || event.ctrlKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const day = quick.find((q) => q.key === key)?.day;
    if (day) pickDue(day);
    else if (key === "0") pickDue(null);
    else if (["1", "2", "3", "4"].includes(key)) pickPriority(Number(key) as Priority);
    else return;
    event.preventDefault();
  }

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) setTyped(dueDate ?? "");
        onOpenChange(next);
      }}
    >
      <PopoverAnchor asChild>{children}</PopoverAnchor>
      <PopoverContent
        align="start"
        className="w-72 p-3"
        aria-label={`Due date and priority of “${todoTitle}”`}
        onKeyDown={onKeyDown}
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          const target = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(focus === "due" ? "[data-plan-due]" : "[data-plan-priority][aria-checked=true]");
          target?.focus();
        }}
      >
        <div className="grid gap-3">
          <fieldset className="grid gap-1.5">
            <legend className="mb-1 text-xs font-medium text-muted-foreground">
              Due {dueDate ? dueLabel(dueDate, today).toLowerCase() : "date"}
            </legend>
            <div className="grid grid-cols-2 gap-1.5">
              {quick.map((q, i) => (
                <Button key={q.key} size="xs" variant={dueDate === q.day ? "secondary" : "outline"} data-plan-due={i === 0 ? "" : undefined} onClick={() => pickDue(q.day)}>
                  <CalendarIcon aria-hidden />
                  {q.label}
                  <kbd className="ml-auto text-[10px] text-muted-foreground uppercase">{q.key}</kbd>
                </Button>
              ))}
              <Button size="xs" variant="outline" disabled={!dueDate} onClick={() => pickDue(null)}>
                <CalendarX2Icon aria-hidden />
                No date
                <kbd className="ml-auto text-[10px] text-muted-foreground">0</kbd>
              </Button>
            </div>
            <form
              className="mt-1 flex items-end gap-1.5"
              onSubmit={(event) => {
                event.preventDefault();
                if (typed) pickDue(typed);
              }}
            >
              <div className="grid flex-1 gap-1">
                <Label htmlFor={`${id}-date`} className="text-xs text-muted-foreground">
                  Pick a date
                </Label>
                <Input id={`${id}-date`} type="date" value={typed} onChange={(e) => setTyped(e.target.value)} className="h-8" />
              </div>
              <Button type="submit" size="sm" disabled={!typed || typed === dueDate}>
                Set
              </Button>
            </form>
          </fieldset>
          <div role="radiogroup" aria-label="Priority" className="grid grid-cols-4 gap-1.5">
            {PRIORITY_OPTIONS.map((p) => (
              <button
                key={p.value}
                type="button"
                role="radio"
                aria-checked={priority === p.value}
                aria-label={p.label}
                title={`${p.label} (${p.value})`}
                data-plan-priority=""
                onClick={() => pickPriority(p.value)}
                className={cn(
                  "flex h-8 items-center justify-center gap-1 rounded-md border text-xs font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 pointer-coarse:h-11",
                  priority === p.value ? "border-foreground/30 bg-accent" : "hover:bg-accent",
                )}
              >
                <PriorityFlag priority={p.value} />
                {p.short}
              </button>
            ))}
          </div>
        </div>
      </PopoverContent>
    </Popover>
  );
}
