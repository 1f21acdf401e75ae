"use client";

import { useState } from "react";
import { useParams, useRouter } from "next/navigation";
import { ChevronsUpDownIcon, MailIcon, PlusIcon } from "lucide-react";
import { roleLabel } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { loadOnOpen } from "@/components/ui/load-on-open";
import { orgPath, useMe } from "./me-provider";
import { OrgAvatar } from "./org-avatar";
import { usePendingInvitations } from "./pending-invitations";

const CreateOrgDialog = loadOnOpen(() => import("./create-org-dialog").then((m) => m.CreateOrgDialog));

/** The header's org picker: the current org with the user's role, every other org, pending invitations, and "create". */
export function OrgSwitcher() {
  const me = useMe();
  const pending = usePendingInvitations();
  const router = useRouter();
  const params = useParams<{ slug?: string }>();
  const [creating, setCreating] = useState(false);

  const segment = params.slug ? decodeURIComponent(params.slug) : null;
  const current =
    (segment ? me.orgs.find((o) => o.slug === segment || o.orgId === segment) : undefined) ??
    me.orgs.find((o) => o.orgId === me.activeOrg?.orgId) ??
    null;

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          data-testid="org-switcher"
          title={current?.name}
          className="flex h-8 min-w-0 max-w-64 items-center gap-2 rounded-md px-2 text-sm font-medium outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=open]:bg-accent pointer-coarse:h-11"
        >
          <span className="sr-only">Switch organization. Current: </span>
          {pending.invitations.length > 0 && (
            <span className="sr-only">
              {pending.invitations.length} pending invitation{pending.invitations.length === 1 ? "" : "s"}.
            </span>
          )}
          {current ? (
            <>
              <OrgAvatar orgId={current.orgId} name={current.name} />
              <span className="truncate">{current.name}</span>
              <Badge variant={current.role === "org:admin" ? "brand" : "secondary"} className="px-1.5 py-0 text-[11px]">
                {roleLabel(current.role)}
              </Badge>
            </>
          ) : (
            <span className="text-muted-foreground">Choose organization</span>
          )}
          <ChevronsUpDownIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72 max-w-[calc(100vw-1.5rem)]">
          <DropdownMenuLabel>Organizations</DropdownMenuLabel>
          {me.orgs.length > 0 && (
            <DropdownMenuRadioGroup
              value={current?.orgId ?? ""}
              onValueChange={(orgId) => {
                const org = me.orgs.find((o) => o.orgId === orgId);
                if (org) router.push(orgPath(org));
              }}
            >
              {me.orgs.map((org) => (
                <DropdownMenuRadioItem key={org.orgId} value={org.orgId}>
                  <OrgAvatar orgId={org.orgId} name={org.name} />
                  <span className="min-w-0 truncate" title={org.name}>
                    {org.name}
                  </span>
                  <span className="ml-auto shrink-0 pl-2 text-xs text-muted-foreground">{roleLabel(org.role)}</span>
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
          )}
          {pending.invitations.length > 0 && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>Invitations</DropdownMenuLabel>
              {pending.invitations.map((invitation) => (
                <DropdownMenuItem key={invitation.id} disabled={pending.joining !== null} onSelect={() => void pending.join(invitation)}>
                  <MailIcon aria-hidden />
                  <span className="truncate">Join {invitation.orgName}</span>
                  <span className="ml-auto pl-2 text-xs text-muted-foreground">{roleLabel(invitation.role)}</span>
                </DropdownMenuItem>
              ))}
            </>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            Create organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <CreateOrgDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
