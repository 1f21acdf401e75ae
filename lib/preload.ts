/**
 * A page's first data, fetched on the server with the visitor's own Convex
 * token (so the same tenant rules apply as in the browser): the HTML shows
 * the list before any script has run, and the browser hydrates it with the
 * same results (lib/hooks/server-results.tsx) until its live queries answer.
 *
 *   const results = await preloadResults([request(api.lists.get, { listId })]);
 *   return <ServerResults results={results}>{children}</ServerResults>;
 *
 * Only a document request preloads: a client-side navigation renders from
 * the browser's live queries, as without this. So does a visitor whose
 * token cannot be had, or a backend that is slow to answer.
 */
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { ConvexHttpClient } from "convex/browser";
import type { FunctionArgs, FunctionReference } from "convex/server";
import { convexServerUrl } from "@/lib/auth/server";
import { convexTokenForRequest } from "@/lib/auth/server-token";
import { queryKey } from "@/lib/query-key";
import { dayInZone, TIME_ZONE_COOKIE } from "@/lib/time-zone";

/** How long a page waits for its data before its HTML goes out with skeletons instead. */
const DEADLINE_MS = 1000;

type QueryRequest = { query: FunctionReference<"query">; args: Record<string, unknown> };

export const request = <Query extends FunctionReference<"query">>(query: Query, args: FunctionArgs<Query>): QueryRequest => ({ query, args });

/** The request's Convex client, signed in as the visitor; null on a client-side navigation or without a token. One per request, shared by the layouts and the page. */
const visitorClient = cache(async (): Promise<ConvexHttpClient | null> => {
  // The router's own requests (navigations, prefetches) carry `RSC: 1`.
  if ((await headers()).get("rsc") !== null) return null;
  const token = await convexTokenForRequest().catch(() => null);
  if (!token) return null;
  const convex = new ConvexHttpClient(convexServerUrl());
  convex.setAuth(token);
  return convex;
});

/** The results of `requests` keyed by `queryKey`, leaving out any that fail (the browser's live query shows its error). */
export async function preloadResults(requests: QueryRequest[]): Promise<Record<string, unknown>> {
  const convex = await visitorClient();
  if (!convex) return {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), DEADLINE_MS)));
  const settled = await Promise.race([Promise.allSettled(requests.map(({ query, args }) => convex.query(query, args))), deadline]);
  clearTimeout(timer);
  if (settled === "late") return {};
  const results: Record<string, unknown> = {};
  settled.forEach((outcome, i) => {
    if (outcome.status === "fulfilled") results[queryKey(requests[i]!.query, requests[i]!.args)] = outcome.value;
  });
  return results;
}

/** Today in the browser's time zone (its cookie), or null when the server does not know the zone. */
export async function serverToday(): Promise<string | null> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (!zone) return null;
  try {
    return dayInZone(decodeURIComponent(zone));
  } catch {
    return null;
  }
}
