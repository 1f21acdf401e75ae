"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { FunctionReturnType } from "convex/server";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { errorMessage } from "@/lib/errors";
import { ServiceProblem } from "@/components/layout/service-problem";

export type Me = FunctionReturnType<typeof api.me.get>;
export type MyOrg = Me["orgs"][number];

const MeContext = createContext<Me | null>(null);

/** Loads the signed-in user's synced record (orgs, roles, active org) once for the app. */
export function MeProvider({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const me = useSafeQuery(api.me.get, {});
  if (me.status === "error") {
    return <ServiceProblem title="Couldn't load your account" message={errorMessage(me.error)} />;
  }
  if (me.status === "loading") return fallback;
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() must be used inside <MeProvider>.");
  return me;
}

/** The URL segment of an org: its slug, or its id when it has none. */
export const orgSegment = (org: { slug: string | null; orgId: string }) => org.slug ?? org.orgId;

export const orgPath = (org: { slug: string | null; orgId: string }, path = "") =>
  `/orgs/${encodeURIComponent(orgSegment(org))}${path}`;
