"use client";

import Link from "next/link";
import { LockIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { roleLabel } from "@/lib/format";
import { orgPath, useMe } from "./me-provider";

/** Shown for an org URL the user is not a member of (or that doesn't exist): no data, ever. */
export function NoAccess() {
  const me = useMe();
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex w-full max-w-md flex-col items-center gap-4 text-center">
        <span className="flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <LockIcon className="size-5" aria-hidden />
        </span>
        <h1 className="text-xl font-semibold tracking-tight">You don&apos;t have access to this organization</h1>
        <p className="text-sm text-muted-foreground">
          It doesn&apos;t exist, or you are not one of its members. Ask one of its admins to invite you.
        </p>
        {me.orgs.length > 0 ? (
          <nav aria-label="Your organizations" className="mt-2 w-full">
            <ul className="divide-y rounded-lg border text-left">
              {me.orgs.map((org) => (
                <li key={org.orgId}>
                  <Link
                    href={orgPath(org)}
                    className="flex items-center justify-between px-4 py-2.5 text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                  >
                    <span className="font-medium">{org.name}</span>
                    <span className="text-xs text-muted-foreground">{roleLabel(org.role)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <Button asChild>
            <Link href="/onboarding">Create an organization</Link>
          </Button>
        )}
      </div>
    </main>
  );
}
