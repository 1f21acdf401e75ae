"use client";

import { useMemo } from "react";
import { useParams } from "next/navigation";
import { useQueries, type RequestForQueries } from "convex/react";
import { api } from "@/convex/_generated/api";
import { useAuth } from "@/lib/auth";

/**
 * Subscribes, as soon as Clerk has a session, to the queries the page's
 * gates would otherwise ask for one after another (the account, then the
 * org's lists and the open list): the components that render them later
 * find the results already loaded. Renders nothing; tenant checks stay on
 * the server, so a query sent too early only answers an error nobody shows.
 */
export function EarlyQueries() {
  const { isSignedIn, isPending } = useAuth();
  const { slug, listId } = useParams<{ slug?: string; listId?: string }>();
  const active = isSignedIn && !isPending;
  const queries = useMemo((): RequestForQueries => {
    if (!active) return {};
    return {
      me: { query: api.me.get, args: {} },
      ...(slug ? { lists: { query: api.lists.list, args: {} } } : {}),
      ...(slug && listId ? { list: { query: api.lists.get, args: { listId } } } : {}),
    };
  }, [active, slug, listId]);
  useQueries(queries);
  return null;
}
