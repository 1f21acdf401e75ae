"use client";

import { createContext, useContext } from "react";
import { can, type Action } from "@/convex/lib/permissions";
import type { Me } from "./me-provider";

export type ActiveOrg = NonNullable<Me["activeOrg"]>;

export type OrgContextValue = {
  org: ActiveOrg;
  isAdmin: boolean;
  /** What the caller's role allows (the same rules the server enforces). */
  can: (action: Action) => boolean;
  /** A path inside this org, e.g. href("/members"). */
  href: (path?: string) => string;
};

export const OrgContext = createContext<OrgContextValue | null>(null);

/** The organization of the current URL; only available once it is the active one. */
export function useOrg(): OrgContextValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error("useOrg() must be used inside an organization route.");
  return value;
}

export function makeOrgContext(org: ActiveOrg, segment: string): OrgContextValue {
  return {
    org,
    isAdmin: org.role === "org:admin",
    can: (action) => can({ role: org.role, permissions: org.permissions }, action),
    href: (path = "") => `/orgs/${encodeURIComponent(segment)}${path}`,
  };
}
