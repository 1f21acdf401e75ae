"use client";

import { useEffect, useRef } from "react";

/** True when the key event comes from somewhere the user is typing. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * A single-key shortcut for the whole page (e.g. "n", "/", "?"). Ignored
 * while typing, with modifier keys held, or while a dialog/menu is open.
 */
export function useHotkey(keys: string | string[], handler: (event: KeyboardEvent) => void, enabled = true) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const list = Array.isArray(keys) ? keys : [keys];
  const keyList = list.join(" ");
  useEffect(() => {
    if (!enabled) return;
    const wanted = keyList.split(" ");
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (document.querySelector("[role=dialog][data-state=open], [role=menu][data-state=open], [role=alertdialog][data-state=open]")) return;
      if (!wanted.includes(event.key)) return;
      latest.current(event);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [keyList, enabled]);
}
