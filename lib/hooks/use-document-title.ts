"use client";

import { useEffect } from "react";

/** Sets the tab title from data that only the client has (a list's name…). */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · Team Todos`;
  }, [title]);
}
