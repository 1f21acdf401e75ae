"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useAuth } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { useMe, type MyOrg } from "./me-provider";
import { makeOrgContext, OrgContext } from "./org-context";
import { NoAccess } from "./no-access";

/** URL segments of orgs the user is leaving right now: show a skeleton, not "no access". */
export const leavingOrgs = new Set<string>();

/**
 * Makes the URL's organization the active one. Children render only when
 * the tokens Convex uses name that org (`me.activeOrg`), so a page can never
 * show one org's data under another org's URL. An org the user is not in
 * gets a "no access" page and nothing else.
 */
export function OrgGate({ segment, fallback, children }: { segment: string; fallback: ReactNode; children: ReactNode }) {
  const me = useMe();
  const auth = useAuth();
  const target = me.orgs.find((o) => o.slug === segment || o.orgId === segment);
  const active = me.activeOrg;
  const ready = !!target && active?.orgId === target.orgId;

  const [attempted, setAttempted] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [waitedLong, setWaitedLong] = useState(false);
  // The org as this tab last saw it, to say what happened once it is gone.
  const [known, setKnown] = useState<MyOrg | null>(null);
  if (target && known?.orgId !== target.orgId) setKnown(target);
  const sessionOrg = auth.activeOrg?.id ?? null;

  // The session moved to another org (e.g. from another tab): the tab being
  // looked at may take it back once; hidden tabs wait and ask instead.
  useEffect(() => {
    if (document.visibilityState === "visible") setAttempted(null);
  }, [sessionOrg]);

  // Switch to the URL's org once per target; after that, ask (below) rather
  // than fight another tab over the shared session.
  useEffect(() => {
    // A page rendered on the server opens before Clerk has loaded the session.
    if (!target || !auth.isLoaded) return;
    const sessionHere = sessionOrg === target.orgId;
    if (sessionHere) {
      // Settled, or tokens for this org are on their way.
      if (ready && attempted !== target.orgId) setAttempted(target.orgId);
      return;
    }
    if (attempted === target.orgId) return;
    setAttempted(target.orgId);
    setFailure(null);
    auth.switchOrg(target.orgId).catch((error: unknown) => setFailure(errorMessage(error)));
  }, [target, ready, attempted, auth, sessionOrg]);

  useEffect(() => {
    setWaitedLong(false);
    if (ready) return;
    const timer = setTimeout(() => setWaitedLong(true), 3000);
    return () => clearTimeout(timer);
  }, [ready, target?.orgId]);

  const context = useMemo(() => (ready && active ? makeOrgContext(active, segment) : null), [ready, active, segment]);

  if (!target) return leavingOrgs.has(segment) ? fallback : <NoAccess segment={segment} known={known && (known.slug === segment || known.orgId === segment) ? known : null} />;
  if (context) return <OrgContext.Provider value={context}>{children}</OrgContext.Provider>;
  if (failure || waitedLong) {
    return (
      <main id="main" className="flex flex-1 items-center justify-center p-8">
        <div role="status" className="flex max-w-sm flex-col items-center gap-3 text-center">
          <h1 className="text-base font-semibold">Switch to {target.name}?</h1>
          <p className="text-sm text-muted-foreground">
            {failure ?? "Your session is working in another organization (perhaps from another tab)."}
          </p>
          <Button
            onClick={() => {
              setFailure(null);
              setWaitedLong(false);
              auth.switchOrg(target.orgId).catch((error: unknown) => setFailure(errorMessage(error)));
            }}
          >
            Switch to {target.name}
          </Button>
        </div>
      </main>
    );
  }
  return fallback;
}
