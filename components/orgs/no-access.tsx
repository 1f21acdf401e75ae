"use client";

import Link from "next/link";
import { LockIcon, UserRoundXIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { Button } from "@/components/ui/button";
import { formatRelative, roleLabel } from "@/lib/format";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { orgPath, useMe, type MyOrg } from "./me-provider";

/**
 * Shown for an org URL the user is not a member of: no data, ever. When
 * they were one (removed, or the org deleted), it says so, and by whom when
 * the app knows; `known` is the org as this tab last saw it.
 */
export function NoAccess({ segment, known }: { segment: string; known: MyOrg | null }) {
  const me = useMe();
  const lost = useSafeQuery(api.me.lostAccess, { org: known?.orgId ?? segment });
  const why = lost.status === "success" ? lost.data : null;
  const orgName = why?.orgName ?? known?.name ?? null;
  let title = "You don't have access to this organization";
  let text = "It doesn't exist, or you are not one of its members. Ask one of its admins to invite you.";
  if (why?.kind === "removed") {
    title = `You were removed from ${orgName ?? "this organization"}`;
    text = `${why.by ?? "Someone in Clerk"} removed you ${formatRelative(why.at)}. Ask one of its admins if you need to be back.`;
  } else if (why?.kind === "orgDeleted") {
    title = `${orgName ?? "This organization"} was deleted`;
    text = `${why.by ?? "An admin"} deleted it ${formatRelative(why.at)}, with its lists and todos.`;
  } else if (known) {
    title = `You no longer have access to ${known.name}`;
    text = "You are not one of its members any more. Ask one of its admins if you need to be back.";
  }
  const Icon = why || known ? UserRoundXIcon : LockIcon;
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex w-full max-w-md min-w-0 flex-col items-center gap-4 text-center">
        <span className="flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Icon className="size-5" aria-hidden />
        </span>
        <h1 className="max-w-full text-xl font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
        <p className="text-sm text-muted-foreground">{text}</p>
        {me.orgs.length > 0 ? (
          <nav aria-label="Your organizations" className="mt-2 w-full">
            <ul className="divide-y rounded-lg border text-left">
              {me.orgs.map((org) => (
                <li key={org.orgId}>
                  <Link
                    href={orgPath(org)}
                    className="flex min-h-11 items-center justify-between gap-3 px-4 py-2.5 text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                  >
                    <span className="min-w-0 truncate font-medium" title={org.name}>
                      {org.name}
                    </span>
                    <span className="shrink-0 text-xs text-muted-foreground">{roleLabel(org.role)}</span>
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
