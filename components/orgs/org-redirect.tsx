"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { PageSkeleton } from "@/components/layout/org-shell";
import { orgPath, useMe } from "./me-provider";

export function OrgRedirect() {
  const me = useMe();
  const router = useRouter();
  const target = me.activeOrg ? orgPath(me.activeOrg) : me.orgs.length === 1 ? orgPath(me.orgs[0]!) : "/onboarding";
  useEffect(() => {
    router.replace(target);
  }, [router, target]);
  return (
    <main id="main" className="flex flex-1" aria-busy>
      <h1 className="sr-only">Opening your organization…</h1>
      <PageSkeleton />
    </main>
  );
}
