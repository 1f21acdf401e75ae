import { FlagIcon } from "lucide-react";
import { cn } from "@/lib/utils";

export type Priority = 1 | 2 | 3 | 4;

export const PRIORITY_OPTIONS: { value: Priority; label: string; short: string }[] = [
  { value: 1, label: "Priority 1 (high)", short: "P1" },
  { value: 2, label: "Priority 2", short: "P2" },
  { value: 3, label: "Priority 3", short: "P3" },
  { value: 4, label: "No priority", short: "P4" },
];

const COLOURS: Record<Priority, string> = {
  1: "text-red-600 dark:text-red-400",
  2: "text-amber-600 dark:text-amber-400",
  3: "text-sky-600 dark:text-sky-400",
  4: "text-muted-foreground",
};

/** A flag in the priority's colour (outlined for "none"). */
export function PriorityFlag({ priority, className }: { priority: Priority; className?: string }) {
  return <FlagIcon aria-hidden className={cn("size-3.5", COLOURS[priority], className)} fill={priority === 4 ? "none" : "currentColor"} />;
}

export const priorityLabel = (priority: number) => PRIORITY_OPTIONS.find((p) => p.value === priority)?.label ?? "No priority";
