"use client";

import { useEffect, useState } from "react";
import { loadOnOpen } from "@/components/ui/load-on-open";
import { useHotkey } from "@/lib/hooks/use-hotkey";

const EVENT = "team-todos:shortcuts";

/** Opens the keyboard shortcuts sheet from anywhere (e.g. a menu item). */
export function openShortcuts() {
  window.dispatchEvent(new Event(EVENT));
}

const ShortcutsSheet = loadOnOpen(() => import("./shortcuts-sheet").then((m) => m.ShortcutsSheet));

/** "?" (or openShortcuts()) shows the keyboard shortcuts. */
export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
  useHotkey("?", () => setOpen(true));
  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  return <ShortcutsSheet open={open} onOpenChange={setOpen} />;
}
