"use client";

import * as React from "react";
import { Checkbox as CheckboxPrimitive } from "radix-ui";
import { CheckIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * A 16 px box; on touch screens the button around it grows to 44 px so a
 * finger finds it, while the box keeps its size.
 */
function Checkbox({ className, ...props }: React.ComponentProps<typeof CheckboxPrimitive.Root>) {
  return (
    <CheckboxPrimitive.Root
      data-slot="checkbox"
      className={cn(
        "peer group/checkbox inline-flex size-4 shrink-0 items-center justify-center rounded-[5px] outline-none disabled:cursor-not-allowed disabled:opacity-50 pointer-coarse:size-11 pointer-coarse:rounded-md",
        "focus-visible:ring-[3px] focus-visible:ring-ring/50",
        className,
      )}
      {...props}
    >
      <span
        aria-hidden
        className="flex size-4 shrink-0 items-center justify-center rounded-[5px] border border-input shadow-xs transition-[color,background-color,border-color] group-data-[state=checked]/checkbox:border-brand group-data-[state=checked]/checkbox:bg-brand group-data-[state=checked]/checkbox:text-brand-foreground dark:bg-input/30 dark:group-data-[state=checked]/checkbox:bg-brand pointer-coarse:size-5"
      >
        {/* Always rendered, shown by the state: Radix's Indicator mounts through Presence, which reads each box's computed style. */}
        <span className="pointer-events-none hidden items-center justify-center text-current group-data-[state=checked]/checkbox:flex group-data-[state=indeterminate]/checkbox:flex">
          <CheckIcon className="size-3" strokeWidth={3} aria-hidden />
        </span>
      </span>
    </CheckboxPrimitive.Root>
  );
}

export { Checkbox };
