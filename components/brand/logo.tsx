import { cn } from "@/lib/utils";

/** The product mark: a checked box in the brand colour. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("inline-flex size-6 items-center justify-center rounded-md bg-brand text-brand-foreground shadow-sm", className)}
    >
      <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
      </svg>
    </span>
  );
}

export function Logo({ className, label = true }: { className?: string; label?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <LogoMark />
      {label ? <span>Team Todos</span> : <span className="sr-only">Team Todos</span>}
    </span>
  );
}
