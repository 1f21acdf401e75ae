import { HashIcon, LayoutGridIcon, UsersIcon } from "lucide-react";
import { cn } from "@/lib/utils";

const TODOS = [
  { title: "Draft the launch announcement", done: true, who: "AM", hue: 262 },
  { title: "Review pricing page copy", done: true, who: "JS", hue: 160 },
  { title: "QA the onboarding flow on mobile", done: false, who: "AM", hue: 262 },
  { title: "Schedule the customer webinar", done: false, who: "RK", hue: 30 },
  { title: "Update the changelog", done: false, who: null, hue: 0 },
];

/** A static, decorative miniature of the app for the landing page. */
export function ProductPreview() {
  return (
    <div aria-hidden className="pointer-events-none overflow-hidden rounded-xl border bg-background shadow-2xl shadow-black/5 select-none dark:shadow-black/40">
      <div className="flex h-9 items-center gap-2 border-b px-3">
        <span className="size-2.5 rounded-full bg-muted-foreground/25" />
        <span className="size-2.5 rounded-full bg-muted-foreground/25" />
        <span className="size-2.5 rounded-full bg-muted-foreground/25" />
        <span className="ml-3 flex items-center gap-1.5 text-xs font-medium">
          <span className="inline-flex size-4 items-center justify-center rounded bg-[oklch(0.5_0.13_262)] text-[9px] text-white">A</span>
          Acme
          <span className="rounded-full bg-brand-soft px-1.5 text-[10px] text-brand-text">Admin</span>
        </span>
      </div>
      <div className="flex">
        <div className="hidden w-44 shrink-0 flex-col gap-1 border-r bg-sidebar p-2 text-xs sm:flex">
          <span className="flex items-center gap-2 rounded px-2 py-1 text-muted-foreground"><LayoutGridIcon className="size-3.5" /> Overview</span>
          <span className="flex items-center gap-2 rounded px-2 py-1 text-muted-foreground"><UsersIcon className="size-3.5" /> Members</span>
          <span className="mt-3 px-2 text-[10px] font-medium text-muted-foreground">Lists</span>
          <span className="flex items-center gap-2 rounded bg-sidebar-accent px-2 py-1 font-medium"><HashIcon className="size-3 text-brand" /> Launch plan</span>
          <span className="flex items-center gap-2 rounded px-2 py-1 text-muted-foreground"><HashIcon className="size-3" /> Design review</span>
          <span className="flex items-center gap-2 rounded px-2 py-1 text-muted-foreground"><HashIcon className="size-3" /> Hiring</span>
        </div>
        <div className="flex flex-1 flex-col gap-3 p-4 text-left sm:p-5">
          <div className="flex items-center justify-between">
            <span className="text-sm font-semibold">Launch plan</span>
            <span className="flex gap-0.5 rounded-md bg-muted p-0.5 text-[10px]">
              <span className="rounded bg-background px-2 py-0.5 font-medium shadow-xs dark:bg-accent">All</span>
              <span className="px-2 py-0.5 text-muted-foreground">Open</span>
              <span className="px-2 py-0.5 text-muted-foreground">Done</span>
              <span className="px-2 py-0.5 text-muted-foreground">Mine</span>
            </span>
          </div>
          <div className="flex h-8 items-center gap-2 rounded-md border px-2.5 text-xs text-muted-foreground">
            + Add a todo…
            <span className="ml-auto rounded border bg-muted px-1 font-mono text-[10px]">N</span>
          </div>
          <ul className="flex flex-col">
            {TODOS.map((t) => (
              <li key={t.title} className="flex items-center gap-2.5 rounded-md px-1.5 py-1.5 text-xs">
                <span
                  className={cn(
                    "flex size-3.5 items-center justify-center rounded-[4px] border",
                    t.done && "border-brand bg-brand text-brand-foreground",
                  )}
                >
                  {t.done && (
                    <svg viewBox="0 0 16 16" className="size-2.5" fill="none" stroke="currentColor" strokeWidth="3">
                      <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
                    </svg>
                  )}
                </span>
                <span className={cn("flex-1 truncate", t.done && "text-muted-foreground line-through")}>{t.title}</span>
                {t.who ? (
                  <span
                    className="flex size-5 items-center justify-center rounded-full text-[8px] font-semibold text-white"
                    style={{ backgroundColor: `oklch(0.5 0.12 ${t.hue})` }}
                  >
                    {t.who}
                  </span>
                ) : (
                  <span className="size-5 rounded-full border border-dashed" />
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
