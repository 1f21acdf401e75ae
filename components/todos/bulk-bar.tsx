"use client";

import { CheckIcon, Trash2Icon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { TodoActions } from "./use-todo-mutations";

/** The selection's actions, each undoable from its toast; pinned to the bottom of the screen. */
export function BulkBar({ selected, actions, onClear, onClose }: { selected: ReadonlySet<string>; actions: TodoActions; onClear: () => void; onClose: () => void }) {
  const ids = [...selected];
  const none = ids.length === 0;
  return (
    <div
      role="toolbar"
      aria-label="Selected todos"
      className="sticky bottom-3 z-20 mx-auto flex w-full max-w-xl flex-wrap items-center gap-2 rounded-xl border bg-popover px-3 py-2 shadow-lg"
    >
      <span className="mr-auto text-sm font-medium tabular-nums" aria-live="polite">
        {none ? "Select todos" : `${ids.length} selected`}
      </span>
      <Button size="sm" variant="outline" disabled={none} onClick={() => void actions.setDoneMany(ids, true).then(onClear)}>
        <CheckIcon aria-hidden />
        Mark done
      </Button>
      <Button size="sm" variant="outline" disabled={none} onClick={() => void actions.setDoneMany(ids, false).then(onClear)}>
        Mark open
      </Button>
      <Button size="sm" variant="outline" className="text-destructive" disabled={none} onClick={() => void actions.removeMany(ids).then(onClear)}>
        <Trash2Icon aria-hidden />
        Delete
      </Button>
      <Button size="icon-sm" variant="ghost" aria-label="Stop selecting" onClick={onClose}>
        <XIcon aria-hidden />
      </Button>
    </div>
  );
}
