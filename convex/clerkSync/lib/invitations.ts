import type { MutationCtx } from "../_generated/server";
import type { InvitationFields, Outcome } from "../validators";
import { isBuried } from "./tombstones";

export async function upsertInvitation(
  ctx: MutationCtx,
  invitation: InvitationFields,
): Promise<Outcome> {
  if (await isBuried(ctx.db, "organization", invitation.orgId)) return "stale";
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
