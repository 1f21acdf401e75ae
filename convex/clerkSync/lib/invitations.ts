import type { MutationCtx } from "../_generated/server";
import type { InvitationFields, Outcome } from "../validators";
import { bury, isBuried } from "./tombstones";

export async function upsertInvitation(
  ctx: MutationCtx,
  invitation: InvitationFields,
): Promise<Outcome> {
  if (
    (await isBuried(ctx.db, "organization", invitation.orgId)) ||
    (await isBuried(ctx.db, "invitation", invitation.clerkId))
  ) {
    return "stale";
  }
  const existing = await ctx.db
    .query("invitations")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", invitation.clerkId))
    .unique();
  if (existing && existing.updatedAt >= invitation.updatedAt) return "stale";
  if (existing) {
    await ctx.db.replace("invitations", existing._id, invitation);
  } else {
    await ctx.db.insert("invitations", invitation);
  }
  return "applied";
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
