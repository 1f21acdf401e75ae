"use client";

import Link from "next/link";
import { formatDateTime, roleLabel, displayName } from "@/lib/format";
import { useAuth } from "@/lib/auth";
import { AccountPanel } from "@/components/auth/account-panel";
import { orgPath, useMe } from "@/components/orgs/me-provider";
import { OrgAvatar } from "@/components/orgs/org-avatar";
import { UserAvatar } from "@/components/members/user-avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** `/profile`: Clerk's profile (`<UserProfile/>`) beside the record the app synced from it. */
export function ProfilePage() {
  const me = useMe();
  const auth = useAuth();
  const name = me.user ? displayName(me.user, auth.user?.name) : (auth.user?.name ?? "You");
  return (
    <main id="main" className="mx-auto flex w-full max-w-5xl flex-col gap-8 px-4 py-8 sm:px-6">
      <div className="flex min-w-0 items-center gap-4">
        <UserAvatar name={name} imageUrl={me.user?.imageUrl ?? auth.user?.imageUrl} className="size-12 text-base" />
        <div className="flex min-w-0 flex-col gap-0.5">
          <h1 className="truncate text-xl font-semibold tracking-tight" title={name}>
            {name}
          </h1>
          <p className="truncate text-sm text-muted-foreground" title={me.user?.email ?? auth.user?.email ?? undefined}>
            {me.user?.email ?? auth.user?.email}
          </p>
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-label="Account" className="min-w-0">
          <AccountPanel />
        </section>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle className="text-base">Synced record</CardTitle>
            <CardDescription>What the app knows about you, kept in sync from Clerk.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted-foreground">User ID</dt>
              <dd className="truncate font-mono text-xs leading-5" title={me.userId}>
                {me.userId}
              </dd>
              <dt className="text-muted-foreground">Email</dt>
              <dd className="truncate" title={me.user?.email ?? undefined}>
                {me.user?.email ?? "—"}
              </dd>
              <dt className="text-muted-foreground">Last sign-in</dt>
              <dd>{formatDateTime(me.user?.lastSignInAt)}</dd>
            </dl>
            <div className="flex flex-col gap-2">
              <h2 className="text-sm font-medium">Organizations</h2>
              {me.orgs.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  None yet. <Link className="text-brand-text underline-offset-4 hover:underline" href="/onboarding">Create one</Link>
                </p>
              ) : (
                <ul className="flex flex-col gap-1">
                  {me.orgs.map((org) => (
                    <li key={org.orgId}>
                      <Link
                        href={orgPath(org)}
                        title={org.name}
                        className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 pointer-coarse:min-h-11"
                      >
                        <OrgAvatar orgId={org.orgId} name={org.name} />
                        <span className="min-w-0 flex-1 truncate">{org.name}</span>
                        {me.activeOrg?.orgId === org.orgId && <span className="text-xs text-muted-foreground">Active</span>}
                        <Badge variant={org.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(org.role)}</Badge>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
