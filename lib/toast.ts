/**
 * `toast.success` / `toast.error`, with sonner (~10 kB gzipped) loaded by
 * the first toast instead of with every page. The Toaster
 * (components/theme/toaster.tsx) mounts sonner's own once asked; a toast
 * fired before that still shows, since sonner hands the toasts already
 * active to a Toaster that subscribes late.
 */
import type { ExternalToast } from "sonner";

let sonner: Promise<typeof import("sonner")> | null = null;
let fired = false;
const listeners = new Set<() => void>();

function show(kind: "success" | "error", message: string, data?: ExternalToast) {
  if (!fired) {
    fired = true;
    for (const listener of listeners) listener();
    listeners.clear();
  }
  // One shared import, so toasts fired while it loads show in order.
  sonner ??= import("sonner");
  void sonner.then((m) => m.toast[kind](message, data));
}

export const toast = {
  success: (message: string, data?: ExternalToast) => show("success", message, data),
  error: (message: string, data?: ExternalToast) => show("error", message, data),
};

/** Calls `listener` with the first toast (at once if one has fired); returns the unsubscribe. */
export function onFirstToast(listener: () => void): () => void {
  if (fired) {
    listener();
    return () => {};
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
