"use client";

import Link from "next/link";
import { ArrowRightIcon } from "lucide-react";
import { roleLabel } from "@/lib/format";
import { useAuth } from "@/lib/auth";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { orgPath, useMe } from "@/components/orgs/me-provider";
import { OrgAvatar } from "@/components/orgs/org-avatar";
import { PendingInvitationList, usePendingInvitations } from "@/components/orgs/pending-invitations";

/**
 * For a user without an active org (Clerk's `choose-organization` session
 * task lands here): pick one of theirs, join one they are invited to, or
 * start a new one.
 */
export function Onboarding() {
  const me = useMe();
  const auth = useAuth();
  const pending = usePendingInvitations();
  const first = auth.user?.name.split(" ")[0];
  return (
    <main id="main" className="flex flex-1 justify-center px-4 py-12 sm:py-20">
      <div className="flex w-full max-w-md flex-col gap-8">
        <div className="flex flex-col gap-2 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{first ? `Welcome, ${first}` : "Welcome"}</h1>
          <p className="text-sm text-muted-foreground">
            {me.orgs.length > 0
              ? "Pick an organization to continue, or start a new one."
              : "Create an organization to start sharing lists with your team."}
          </p>
        </div>
        {pending.invitations.length > 0 && (
          <Card className="gap-0 py-0">
            <CardHeader className="border-b py-4">
              <CardTitle className="text-sm">Invitations</CardTitle>
            </CardHeader>
            <PendingInvitationList {...pending} />
          </Card>
        )}
        {me.orgs.length > 0 && (
          <Card className="gap-0 py-0">
            <CardHeader className="border-b py-4">
              <CardTitle className="text-sm">Your organizations</CardTitle>
            </CardHeader>
            <ul className="divide-y">
              {me.orgs.map((org) => (
                <li key={org.orgId}>
                  <Link
                    href={orgPath(org)}
                    className="group flex items-center gap-3 px-5 py-3 text-sm outline-none hover:bg-accent/60 focus-visible:bg-accent"
                  >
                    <OrgAvatar orgId={org.orgId} name={org.name} className="size-7 rounded-md text-xs" />
                    <span className="flex-1 font-medium">{org.name}</span>
                    <span className="text-xs text-muted-foreground">{roleLabel(org.role)}</span>
                    <ArrowRightIcon className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle className="text-sm">Create an organization</CardTitle>
            <CardDescription>You will be its admin and can invite your team.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateOrgForm autoFocus={me.orgs.length === 0} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
