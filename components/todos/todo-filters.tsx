"use client";

import { IntentLink } from "@/components/layout/intent-link";
import { usePathname, useRouter } from "next/navigation";
import { cn } from "@/lib/utils";
import { useHotkey } from "@/lib/hooks/use-hotkey";
import { FILTERS } from "./filters";
import { viewHref, type ListView } from "./view";

/** The filter links (the filter lives in the URL, beside the sort); keys 1–4 switch too. */
export function TodoFilters({ view }: { view: ListView }) {
  const pathname = usePathname();
  const router = useRouter();
  const current = view.filter;
  const hrefFor = (_: string, filter: ListView["filter"]) => viewHref(pathname, { ...view, filter });
  useHotkey(["1", "2", "3", "4"], (event) => {
    const filter = FILTERS[Number(event.key) - 1];
    if (filter) router.replace(hrefFor(pathname, filter.value), { scroll: false });
  });
  return (
    <nav aria-label="Filter todos">
      <ul className="inline-flex items-center gap-0.5 rounded-lg bg-muted p-0.5">
        {FILTERS.map((f) => {
          const active = f.value === current;
          return (
            <li key={f.value}>
              <IntentLink
                href={hrefFor(pathname, f.value)}
                replace
                scroll={false}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-7 items-center justify-center rounded-md px-3 text-xs font-medium outline-none pointer-coarse:h-11 pointer-coarse:min-w-11 transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active ? "bg-background text-foreground shadow-xs dark:bg-accent" : "text-muted-foreground hover:text-foreground",
                )}
              >
                {f.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
