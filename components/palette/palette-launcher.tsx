"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { SearchIcon } from "lucide-react";
import { Kbd } from "@/components/ui/kbd";
import { Button } from "@/components/ui/button";

const EVENT = "team-todos:palette";

/** Opens the command palette from anywhere (a button, a menu item). */
export function openPalette() {
  window.dispatchEvent(new Event(EVENT));
}

// Loaded on first use: the palette (cmdk and its queries) costs nothing until ⌘K.
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** ⌘K / Ctrl+K anywhere in the app opens the palette; the first press loads it. */
export function PaletteLauncher() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        setLoaded(true);
        setOpen((o) => !o);
      }
    };
    const show = () => {
      setLoaded(true);
      setOpen(true);
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener(EVENT, show);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener(EVENT, show);
    };
  }, []);
  return loaded ? <CommandPalette open={open} onOpenChange={setOpen} /> : null;
}

/** The header's search button: what ⌘K does, for the mouse and for touch. */
export function PaletteButton() {
  return (
    <Button variant="outline" size="sm" onClick={openPalette} className="gap-2 px-2 text-muted-foreground sm:w-56 sm:justify-start pointer-coarse:min-w-11" aria-label="Search and commands">
      <SearchIcon aria-hidden />
      <span className="max-sm:hidden">Search or jump to…</span>
      <Kbd className="ml-auto max-sm:hidden">⌘K</Kbd>
    </Button>
  );
}
