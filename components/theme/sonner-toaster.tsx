"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/** sonner's Toaster in the app's theme; loaded with the first toast (./toaster.tsx). */
export function SonnerToaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      toastOptions={{ classNames: { toast: "!rounded-lg !border !shadow-lg", title: "!font-medium" } }}
    />
  );
}
