import type { MutationCtx } from "../_generated/server";
import type { InvitationFields, Outcome } from "../validators";
import { bury, isBuried } from "./tombstones";

/** An invitation that appeared or changed status (created, accepted, revoked, expired). */
export type InvitationChange = {
  orgId: string;
  invitationId: string;
  email: string;
  role: string;
  status: InvitationFields["status"];
  previousStatus: InvitationFields["status"] | null;
  userId?: string;
};

export async function upsertInvitation(
  ctx: MutationCtx,
  invitation: InvitationFields,
): Promise<{ outcome: Outcome; change?: InvitationChange }> {
  if (
    (await isBuried(ctx.db, "organization", invitation.orgId)) ||
    (await isBuried(ctx.db, "invitation", invitation.clerkId))
  ) {
    return { outcome: "stale" };
  }
  const existing = await ctx.db
    .query("invitations")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", invitation.clerkId))
    .unique();
  if (existing && existing.updatedAt >= invitation.updatedAt) return { outcome: "stale" };
  if (existing) {
    await ctx.db.replace("invitations", existing._id, invitation);
  } else {
    await ctx.db.insert("invitations", invitation);
  }
  if (existing?.status === invitation.status) return { outcome: "applied" };
  const { orgId, clerkId: invitationId, email, role, status, userId } = invitation;
  return {
    outcome: "applied",
    change: { orgId, invitationId, email, role, status, previousStatus: existing?.status ?? null, ...(userId ? { userId } : {}) },
  };
}

/** An invitation Clerk no longer has (its organization is gone): forget it for good. */
export async function removeInvitation(ctx: MutationCtx, clerkId: string, deletedAt: number) {
  await bury(ctx.db, "invitation", clerkId, deletedAt);
  const existing = await ctx.db
    .query("invitations")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
  if (existing) await ctx.db.delete("invitations", existing._id);
}
