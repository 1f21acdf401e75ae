"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";

const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ["⌘K", "Ctrl K"], label: "Search, jump to, create" },
  { keys: ["N"], label: "New todo (focus the add box)" },
  { keys: ["/"], label: "Focus the add box" },
  { keys: ["J", "↓"], label: "Next todo" },
  { keys: ["K", "↑"], label: "Previous todo" },
  { keys: ["X"], label: "Toggle the focused todo" },
  { keys: ["E", "Enter"], label: "Edit the focused todo" },
  { keys: ["D"], label: "Due date of the focused todo" },
  { keys: ["T"], label: "Due today" },
  { keys: ["P"], label: "Priority (then 1–4)" },
  { keys: ["⌥↑", "⌥↓"], label: "Move the focused todo up or down" },
  { keys: ["⌫"], label: "Delete the focused todo (with undo)" },
  { keys: ["Esc"], label: "Cancel editing" },
  { keys: ["1", "2", "3", "4"], label: "Filter: all, open, done, mine" },
  { keys: ["?"], label: "Show this list" },
];

/** The keyboard shortcuts sheet (opened by ShortcutsDialog, loaded on first open). */
export function ShortcutsSheet({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Work through a list without reaching for the mouse.</DialogDescription>
        </DialogHeader>
        <dl className="grid max-h-[60dvh] gap-2 overflow-y-auto text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.label} className="flex items-center justify-between gap-4">
              <dt className="text-muted-foreground">{s.label}</dt>
              <dd className="flex gap-1">
                {s.keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
