"use client";

import { useEffect, useMemo } from "react";
import { useParams, useSearchParams } from "next/navigation";
import { useConvex, type RequestForQueries } from "convex/react";
import { api } from "@/convex/_generated/api";
import { useAuth } from "@/lib/auth";
import { useToday } from "@/lib/dates";
import { DIRECTORY_PAGE } from "@/components/members/members-directory";
import { firstListQueries, firstPage, parseView } from "@/components/todos/view";

/**
 * Subscribes, as soon as Clerk has a session, to the queries the page's
 * gates would otherwise ask for one after another (the account, then the
 * org's lists and the open list, then the list's first todos, its
 * "Completed" count and the members who can be assignees): the components
 * that render them later find the results already loaded. Renders nothing
 * and reads no result: it only holds the subscriptions open (the client
 * shares one per query and arguments), so an update to a long list costs it
 * nothing. Tenant checks stay on the server, so a query sent too early only
 * answers an error nobody shows.
 */
export function EarlyQueries() {
  const convex = useConvex();
  const { isSignedIn, isPending } = useAuth();
  const { slug, listId } = useParams<{ slug?: string; listId?: string }>();
  const search = useSearchParams();
  const today = useToday();
  const active = isSignedIn && !isPending;
  const view = listId ? parseView(search) : null;
  // The memo reads `view` through its key: a new object each render, the same view.
  const viewKey = view && `${view.filter}:${view.sort}:${view.show}`;
  const queries = useMemo((): RequestForQueries => {
    if (!active) return {};
    return {
      me: { query: api.me.get, args: {} },
      ...(slug ? { lists: { query: api.lists.list, args: {} } } : {}),
      ...(slug && listId && view
        ? { ...firstListQueries(listId, view, today), members: { query: api.members.list, args: { paginationOpts: firstPage(DIRECTORY_PAGE) } } }
        : {}),
    };
  }, [active, slug, listId, viewKey, today]);
  useEffect(() => {
    const stops = Object.values(queries).map(({ query, args }) => convex.watchQuery(query, args).onUpdate(() => {}));
    return () => stops.forEach((stop) => stop());
  }, [convex, queries]);
  return null;
}
