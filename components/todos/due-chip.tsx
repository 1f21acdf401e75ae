import { CalendarIcon } from "lucide-react";
import { dueLabel, dueState } from "@/lib/dates";
import { cn } from "@/lib/utils";

const STYLES = {
  overdue: "text-destructive",
  today: "text-brand-text font-medium",
  upcoming: "text-muted-foreground",
} as const;

/** A due date at a glance: "Overdue · Mar 3" in red, "Today" in the brand colour, else the date. */
export function DueChip({ dueDate, today, done, className }: { dueDate: string; today: string; done?: boolean; className?: string }) {
  const state = dueState(dueDate, today);
  const label = dueLabel(dueDate, today);
  const text = state === "overdue" && !done ? `Overdue · ${label}` : label;
  return (
    <span
      data-due={state}
      title={`Due ${dueDate}`}
      className={cn("inline-flex shrink-0 items-center gap-1 text-xs whitespace-nowrap", done ? "text-muted-foreground" : STYLES[state], className)}
    >
      <CalendarIcon className="size-3" aria-hidden />
      <span>{text}</span>
    </span>
  );
}
