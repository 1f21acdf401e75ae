"use client";

import { useState } from "react";
import { ArchiveIcon, ArchiveRestoreIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { useOrg } from "@/components/orgs/org-context";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { DeleteListDialog, ListNameDialog } from "./dialogs";
import { useArchiveList } from "./use-list-actions";

type ListRef = { _id: string; name: string; archived: boolean };

type Props = {
  list: ListRef;
  className?: string;
  size?: "icon-xs" | "icon-sm";
  /** The button's accessible name; the sidebar uses its own so no page has two alike. */
  label?: string;
};

/** Rename / archive or restore / delete (admins) for one list. */
export function ListActionsMenu({ list, className, size = "icon-xs", label }: Props) {
  const { can } = useOrg();
  const archive = useArchiveList();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const canWrite = can("lists:write");
  const canDelete = can("lists:delete");
  if (!canWrite && !canDelete) return null;

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size={size} aria-label={label ?? `Actions for list ${list.name}`} className={cn("text-muted-foreground", className)}>
            <MoreHorizontalIcon aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-44">
          {canWrite && (
            <>
              <DropdownMenuItem onSelect={() => setRenaming(true)}>
                <PencilIcon aria-hidden />
                Rename
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => void archive(list, !list.archived)}>
                {list.archived ? <ArchiveRestoreIcon aria-hidden /> : <ArchiveIcon aria-hidden />}
                {list.archived ? "Restore" : "Archive"}
              </DropdownMenuItem>
            </>
          )}
          {canDelete && (
            <>
              {canWrite && <DropdownMenuSeparator />}
              <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(true)}>
                <Trash2Icon aria-hidden />
                Delete…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ListNameDialog open={renaming} onOpenChange={setRenaming} list={list} />
      <DeleteListDialog open={deleting} onOpenChange={setDeleting} list={list} />
    </>
  );
}
