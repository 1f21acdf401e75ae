"use client";

/**
 * Query results a page was rendered with on the server (lib/preload.ts):
 * its first HTML already shows the list, and hydration renders the same
 * thing from them (`useServerFirst`) until the live queries answer. The
 * Convex client holds every query back until the session's token is sent
 * (`expectAuth`, lib/convex.ts), so no signed-out error ever replaces a
 * server result.
 *
 *   <ServerResults results={await preloadResults([request(api.me.get, {})])} today={await serverToday()}>
 *     …
 *   </ServerResults>
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

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

/**
 * Marks the document hydrated (`<html data-hydrated>`) once the page's root
 * has hydrated. Until then a control drawn from the server's HTML has no
 * handler; styles keep it from taking input it would lose (ui/checkbox.tsx).
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}

const subscribeToNothing = () => () => {};

/**
 * True while React renders on the server or hydrates what the server
 * rendered, when `served` (the server had something for this component);
 * false in any later render. A component that reads it true renders once
 * more after hydration, so it is asked only where the server served.
 */
export function useHydrating(served: boolean): boolean {
  return useSyncExternalStore(subscribeToNothing, () => false, () => served);
}

/**
 * What a component hydrated from the server's HTML shows for the query
 * `key`: the server's result until the live one is here, and the server's
 * object still while the live result is equal to it (so the handoff
 * re-renders nothing that compares by identity); the live result from its
 * first difference on. A component mounted later (another view of the
 * list, a section opened again) never reads the server's result: by then
 * the page's first data may be stale.
 *
 *   const shown = useServerFirst(queryKey(api.me.get, {}), useQuery(api.me.get, {}));
 */
export function useServerFirst<T>(key: string | null, live: T | undefined, same: (live: T, server: T) => boolean = sameJson): T | undefined {
  const { results } = useContext(ServedContext);
  const hydrating = useHydrating(key !== null && results[key] !== undefined);
  const [served, setServed] = useState(hydrating);
  const sameLive = useRef<T | undefined>(undefined);
  const server = served && key !== null ? (results[key] as T | undefined) : undefined;
  if (server === undefined) return live;
  if (live === undefined || live === sameLive.current) return server;
  if (same(live, server)) {
    sameLive.current = live;
    return server;
  }
  setServed(false);
  return live;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
