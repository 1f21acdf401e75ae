"use client";

import { useState } from "react";
import { IntentLink } from "@/components/layout/intent-link";
import { usePathname } from "next/navigation";
import { ChevronRightIcon, HashIcon, PlusIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { errorMessage } from "@/lib/errors";
import { cn } from "@/lib/utils";
import { useOrg } from "@/components/orgs/org-context";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { ListActionsMenu } from "./list-actions-menu";
import { ListNameDialog } from "./dialogs";

/** The sidebar's lists: open lists, a collapsible archive, and "new list". */
export function SidebarLists({ onNavigate }: { onNavigate?: () => void }) {
  const { can } = useOrg();
  const lists = useSafeQuery(api.lists.list, {});
  const [creating, setCreating] = useState(false);
  const [showArchived, setShowArchived] = useState(false);

  return (
    <div role="group" aria-labelledby="sidebar-lists-heading" className="flex flex-col gap-0.5">
      <div className="flex h-7 items-center justify-between pr-1 pl-2 pointer-coarse:h-11">
        <h2 id="sidebar-lists-heading" className="text-xs font-medium text-muted-foreground">
          Lists
        </h2>
        {can("lists:write") && (
          <Tooltip>
            <TooltipTrigger asChild>
              <Button variant="ghost" size="icon-xs" className="size-6 text-muted-foreground pointer-coarse:size-11" aria-label="New list" onClick={() => setCreating(true)}>
                <PlusIcon aria-hidden />
              </Button>
            </TooltipTrigger>
            <TooltipContent side="right">New list</TooltipContent>
          </Tooltip>
        )}
      </div>
      {lists.status === "loading" && <ListSkeleton />}
      {lists.status === "error" && <p className="px-2 py-1 text-xs text-destructive">{errorMessage(lists.error)}</p>}
      {lists.status === "success" && lists.data.length === 0 && (
        <p className="px-2 py-1 text-xs text-muted-foreground">No lists yet.</p>
      )}
      {lists.status === "success" && lists.data.length > 0 && (
        <ul className="flex flex-col gap-0.5">
          {lists.data.map((list) => (
            <SidebarListItem key={list._id} list={list} onNavigate={onNavigate} />
          ))}
        </ul>
      )}
      <button
        type="button"
        aria-expanded={showArchived}
        aria-controls="sidebar-archived-lists"
        onClick={() => setShowArchived((v) => !v)}
        className="mt-2 flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium pointer-coarse:h-11 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <ChevronRightIcon className={cn("size-3.5 transition-transform", showArchived && "rotate-90")} aria-hidden />
        Archived
      </button>
      {showArchived && <ArchivedLists onNavigate={onNavigate} />}
      <ListNameDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}

function ArchivedLists({ onNavigate }: { onNavigate?: () => void }) {
  const lists = useSafeQuery(api.lists.list, { archived: true });
  return (
    <div id="sidebar-archived-lists">
      {lists.status === "loading" && <ListSkeleton rows={2} />}
      {lists.status === "error" && <p className="px-2 py-1 text-xs text-destructive">{errorMessage(lists.error)}</p>}
      {lists.status === "success" && lists.data.length === 0 && (
        <p className="px-2 py-1 text-xs text-muted-foreground">Nothing archived.</p>
      )}
      {lists.status === "success" && lists.data.length > 0 && (
        <ul aria-label="Archived lists" className="flex flex-col gap-0.5">
          {lists.data.map((list) => (
            <SidebarListItem key={list._id} list={list} onNavigate={onNavigate} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SidebarListItem({ list, onNavigate }: { list: { _id: string; name: string; archived: boolean }; onNavigate?: () => void }) {
  const { href } = useOrg();
  const pathname = usePathname();
  const path = href(`/lists/${list._id}`);
  const active = pathname === path;
  return (
    <li className="group/item flex min-w-0 items-center rounded-md hover:bg-sidebar-accent has-[[aria-current=page]]:bg-sidebar-accent">
      <IntentLink
        href={path}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        title={list.name}
        className={cn(
          "flex h-8 min-w-0 flex-1 items-center gap-2 rounded-md pl-2 text-sm outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50 pointer-coarse:h-11",
          active ? "font-medium text-foreground" : "text-sidebar-foreground/80",
          list.archived && "text-muted-foreground",
        )}
      >
        <HashIcon className={cn("size-3.5 shrink-0", active ? "text-brand" : "text-muted-foreground")} aria-hidden />
        <span className="truncate">{list.name}</span>
      </IntentLink>
      {/* Beside the link, not over it: the two never share a pixel. Shown by the icon's visibility, not an opacity layer per list. */}
      <div className="flex shrink-0 items-center pr-1 [&_svg]:invisible group-hover/item:[&_svg]:visible pointer-coarse:[&_svg]:visible focus-within:[&_svg]:visible has-[[data-state=open]]:[&_svg]:visible">
        <ListActionsMenu list={list} className="size-6 pointer-coarse:size-11" label={`More options for ${list.name}`} />
      </div>
    </li>
  );
}

function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-1.5 px-2 py-1" aria-hidden>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-5" style={{ width: `${70 - i * 12}%` }} />
      ))}
    </div>
  );
}
