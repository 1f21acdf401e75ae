"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useOrganizationList } from "@clerk/nextjs";
import { MailIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { roleLabel } from "@/lib/format";
import { errorMessage } from "@/lib/errors";
import { openOrg, useAuth } from "@/lib/auth";
import { Button } from "@/components/ui/button";
import { OrgAvatar } from "./org-avatar";

export type PendingInvitation = { id: string; orgId: string; orgName: string; orgSlug: string | null; role: string };

/**
 * The signed-in user's pending organization invitations, from Clerk
 * (`/v1/me/organization_invitations`), and `join`: accept one in place
 * through Clerk's client, make its organization active and open it. The
 * membership itself reaches the app by webhook, as any other.
 */
export function usePendingInvitations() {
  const auth = useAuth();
  const router = useRouter();
  const { userInvitations } = useOrganizationList({ userInvitations: { status: "pending", pageSize: 20 } });
  const [joining, setJoining] = useState<string | null>(null);
  const invitations: PendingInvitation[] = (userInvitations.data ?? []).map((i) => ({
    id: i.id,
    orgId: i.publicOrganizationData.id,
    orgName: i.publicOrganizationData.name,
    orgSlug: i.publicOrganizationData.slug ?? null,
    role: i.role,
  }));

  async function join(invitation: PendingInvitation) {
    const resource = userInvitations.data?.find((i) => i.id === invitation.id);
    if (!resource) return;
    setJoining(invitation.id);
    try {
      await resource.accept();
      const wasPending = auth.isPending;
      await auth.switchOrg(invitation.orgId);
      await userInvitations.revalidate?.();
      toast.success(`Joined ${invitation.orgName}`);
      openOrg(`/orgs/${encodeURIComponent(invitation.orgSlug ?? invitation.orgId)}`, wasPending, router);
    } catch (error) {
      toast.error(errorMessage(error, "Couldn't accept the invitation."));
    } finally {
      setJoining(null);
    }
  }

  return { invitations, join, joining };
}

/** The invitations as a list with a Join button each (onboarding). */
export function PendingInvitationList({ invitations, join, joining }: ReturnType<typeof usePendingInvitations>) {
  return (
    <ul className="divide-y" aria-label="Invitations">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex items-center gap-3 px-5 py-3 text-sm">
          <OrgAvatar orgId={invitation.orgId} name={invitation.orgName} className="size-7 rounded-md text-xs" />
          <span className="flex flex-1 flex-col">
            <span className="font-medium">{invitation.orgName}</span>
            <span className="text-xs text-muted-foreground">Invited as {roleLabel(invitation.role)}</span>
          </span>
          <Button size="sm" disabled={joining !== null} onClick={() => void join(invitation)} aria-label={`Join ${invitation.orgName}`}>
            <MailIcon aria-hidden />
            {joining === invitation.id ? "Joining…" : "Join"}
          </Button>
        </li>
      ))}
    </ul>
  );
}
