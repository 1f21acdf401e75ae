"use client";

/**
 * Query results a page was rendered with on the server (lib/preload.ts), so
 * its first HTML already shows the list and hydration renders the same
 * thing. A hydrated component reads the server's result only until its
 * live subscription has answered once; the Convex client holds every query back
 * until the session's token is sent (`expectAuth`, lib/convex.ts), so no
 * signed-out error ever replaces a server result.
 *
 *   <ServerResults results={await preloadResults([request(api.me.get, {})])} today={await serverToday()}>
 *     …
 *   </ServerResults>
 */
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";

type Served = { results: Readonly<Record<string, unknown>>; today: string | null };

const ServedContext = createContext<Served>({ results: {}, today: null });

/** Adds the server's results (and, outermost, the day it rendered for) to those of the layouts above. */
export function ServerResults({ results, today, children }: { results: Record<string, unknown>; today?: string | null; children: ReactNode }) {
  const outer = useContext(ServedContext);
  const value = useMemo(
    (): Served => ({ results: Object.keys(results).length ? { ...outer.results, ...results } : outer.results, today: today ?? outer.today }),
    [outer, results, today],
  );
  return <ServedContext.Provider value={value}>{children}</ServedContext.Provider>;
}

/** Whether the server rendered this page with the session's data (so it vouched for the session). */
export function useServerRendered(): boolean {
  return Object.keys(useContext(ServedContext).results).length > 0;
}

/** The calendar day the server rendered the page for (the browser's time zone, from its cookie), if it did. */
export function useServerToday(): string | null {
  return useContext(ServedContext).today;
}

const subscribeToNothing = () => () => {};

/** True while React renders on the server or hydrates what the server rendered; false in any later render. */
export function useHydrating(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => false, () => true);
}

/**
 * The server's result for `key`, for a component hydrated from the
 * server's HTML, until its live result is here (call `settle(true)` then).
 * A component mounted later (another view of the list, a section opened
 * again) never reads it: by then the page's first data may be stale.
 */
export function useServerResult(key: string | null): { value: unknown; settle: (live: boolean) => void } {
  const { results } = useContext(ServedContext);
  const hydrating = useHydrating();
  const [hydrated, setHydrated] = useState(hydrating);
  const value = hydrated && key !== null ? results[key] : undefined;
  return {
    value,
    settle: (live) => {
      if (live && hydrated) setHydrated(false);
    },
  };
}
