import type { MutationCtx } from "../_generated/server.js";
import type { InvitationFields, Outcome } from "../validators.js";
import type { Notify } from "./apply.js";
import { bury, isBuried } from "./tombstones.js";

function findInvitation(ctx: MutationCtx, clerkId: string) {
  return ctx.db
    .query("invitations")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

/**
 * Applies an invitation snapshot and reports a new invitation or a new
 * status. Clerk's schema makes `organization_id` optional: the stored row
 * (or a later event) supplies it, and until then the invitation is listed
 * under no organization.
 *
 * Accepting an invitation also creates a membership, in a separate webhook
 * that may arrive first: whichever of the two lands second links them, so
 * an app can record one join, not two (see `invitationId` and
 * `membershipReported` in the events).
 */
export async function upsertInvitation(ctx: MutationCtx, invitation: InvitationFields, notify: Notify): Promise<Outcome> {
  const existing = await findInvitation(ctx, invitation.clerkId);
  const orgId = invitation.orgId ?? existing?.orgId;
  if ((orgId && (await isBuried(ctx.db, "organization", orgId))) || (await isBuried(ctx.db, "invitation", invitation.clerkId))) {
    return "stale";
  }
  if (existing && existing.updatedAt >= invitation.updatedAt) return "stale";
  const doc = {
    ...invitation,
    orgId,
    userId: invitation.userId ?? existing?.userId,
    membershipId: existing?.membershipId,
  };
  const id = existing ? existing._id : await ctx.db.insert("invitations", doc);
  if (existing) await ctx.db.replace("invitations", id, doc);

  let membershipReported = false;
  if (doc.status === "accepted" && orgId && doc.userId && !doc.membershipId) {
    const userId = doc.userId;
    const membership = await ctx.db
      .query("memberships")
      .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
      .unique();
    if (membership && !membership.invitationId) {
      await ctx.db.patch("memberships", membership._id, { invitationId: doc.clerkId });
      await ctx.db.patch("invitations", id, { membershipId: membership.clerkId });
      membershipReported = true;
    }
  }
  if (existing?.status === doc.status) return "applied";
  await notify({
    kind: "invitation.changed",
    orgId,
    invitationId: doc.clerkId,
    email: doc.email,
    role: doc.role,
    status: doc.status,
    previousStatus: existing?.status ?? null,
    ...(doc.userId ? { userId: doc.userId } : {}),
    ...(membershipReported ? { membershipReported } : {}),
  });
  return "applied";
}

/**
 * A membership that just appeared: the accepted invitation of the same
 * organization and user not yet linked to a membership, if the component
 * has it. Links it and returns its id.
 */
export async function linkAcceptedInvitation(ctx: MutationCtx, orgId: string, userId: string, membershipId: string) {
  const invitations = await ctx.db
    .query("invitations")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .take(20);
  const accepted = invitations.find((i) => i.status === "accepted" && !i.membershipId);
  if (!accepted) return undefined;
  await ctx.db.patch("invitations", accepted._id, { membershipId });
  return accepted.clerkId;
}

/** An invitation Clerk no longer has (its organization is gone): forget it for good. */
export async function removeInvitation(ctx: MutationCtx, clerkId: string, deletedAt: number) {
  await bury(ctx.db, "invitation", clerkId, deletedAt);
  const existing = await findInvitation(ctx, clerkId);
  if (existing) await ctx.db.delete("invitations", existing._id);
}
