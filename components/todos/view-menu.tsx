"use client";

import { usePathname, useRouter } from "next/navigation";
import { ArrowDownUpIcon, FilterIcon } from "lucide-react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { SHOWS, SORTS, viewHref, type ListView, type Show, type Sort } from "./view";

/** Sort (my order, due date, priority) and narrow (a due range or one priority); both live in the URL. */
export function ViewMenu({ view }: { view: ListView }) {
  const pathname = usePathname();
  const router = useRouter();
  const go = (next: ListView) => router.replace(viewHref(pathname, next), { scroll: false });
  // A due range is ordered by date, one priority by the list's order: sorting does not apply then.
  const sortFixed = view.show !== "any";
  const sort = sortFixed ? (view.show.startsWith("p") ? "order" : "due") : view.sort;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <Select value={sort} onValueChange={(next) => go({ ...view, sort: next as Sort })} disabled={sortFixed}>
        <SelectTrigger size="sm" aria-label="Sort todos" className="min-w-0 text-xs">
          <ArrowDownUpIcon aria-hidden className="text-muted-foreground" />
          <SelectValue>{SORTS.find((s) => s.value === sort)?.label}</SelectValue>
        </SelectTrigger>
        <SelectContent>
          {SORTS.map((s) => (
            <SelectItem key={s.value} value={s.value}>
              {s.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={view.show} onValueChange={(show) => go({ ...view, show: show as Show })}>
        <SelectTrigger size="sm" aria-label="Show only" className="min-w-0 text-xs">
          <FilterIcon aria-hidden className="text-muted-foreground" />
          <SelectValue>{SHOWS.find((s) => s.value === view.show)?.label}</SelectValue>
        </SelectTrigger>
        <SelectContent>
          {SHOWS.map((s) => (
            <SelectItem key={s.value} value={s.value}>
              {s.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
