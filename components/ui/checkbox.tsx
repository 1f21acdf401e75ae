import * as React from "react";
import { cn } from "@/lib/utils";

type Props = Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked: boolean;
  /** With the event: a click's modifier keys are on `event.nativeEvent`. */
  onCheckedChange?: (checked: boolean, event: React.ChangeEvent<HTMLInputElement>) => void;
};

/**
 * A 16 px box; on touch screens the input around it grows to 44 px so a
 * finger finds it, while the box keeps its size. The platform's own
 * checkbox (drawn over), not Radix's: a list mounts one per row, and the
 * native input needs no provider, state or effect of its own. Drawn from
 * the server's HTML before the page's script has run, it takes no clicks
 * (`<html data-hydrated>`, set by `HydrationMark`): the platform would tick
 * it, and hydration untick it, with nothing saved. The tick is always laid
 * out and only shown when checked, and the fill does not fade: ticking
 * repaints the box once, with no layout pass and no animation frames.
 *
 *   <Checkbox checked={done} onCheckedChange={setDone} aria-label="Done" />
 */
function Checkbox({ className, style, checked, onCheckedChange, ...props }: Props) {
  return (
    <span data-slot="checkbox" className={cn("relative inline-flex size-4 shrink-0 items-center justify-center pointer-coarse:size-11", className)} style={style}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onCheckedChange?.(event.currentTarget.checked, event)}
        className="peer absolute inset-0 m-0 size-full cursor-pointer appearance-none rounded-[5px] outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed pointer-coarse:rounded-md [html:not([data-hydrated])_&]:pointer-events-none"
        {...props}
      />
      <span
        aria-hidden
        className="pointer-events-none flex size-4 items-center justify-center rounded-[5px] border border-input text-brand-foreground shadow-xs peer-checked:border-brand peer-checked:bg-brand peer-disabled:opacity-50 dark:bg-input/30 dark:peer-checked:bg-brand pointer-coarse:size-5 [&>svg]:invisible peer-checked:[&>svg]:visible"
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" className="size-3">
          <path d="M20 6 9 17l-5-5" />
        </svg>
      </span>
    </span>
  );
}

export { Checkbox };
