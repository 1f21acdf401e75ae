import type { DefaultFunctionArgs, FunctionHandle } from "convex/server";
import { v } from "convex/values";
import { mutation, type MutationCtx } from "./_generated/server";
import { upsertInvitation } from "./lib/invitations";
import { deleteMembership, upsertMembership, type MembershipChange } from "./lib/memberships";
import { deleteOrganization, upsertOrganization } from "./lib/organizations";
import { deleteUser, recordSignIn, upsertUser } from "./lib/users";
import { callbacks, change, outcome, type Callbacks, type Change, type Outcome } from "./validators";

/**
 * Applies one verified Clerk event. The `svix-id` is recorded in the same
 * transaction as the write, so a redelivery is a no-op; each entity keeps
 * Clerk's `updated_at` and tombstones, so delivery order does not matter.
 */
export const ingest = mutation({
  args: {
    svixId: v.string(),
    type: v.string(),
    occurredAt: v.number(),
    change,
    callbacks: v.optional(callbacks),
  },
  returns: v.object({ outcome }),
  handler: async (ctx, args) => {
    const seen = await ctx.db
      .query("webhookEvents")
      .withIndex("by_svix_id", (q) => q.eq("svixId", args.svixId))
      .unique();
    if (seen) return { outcome: "duplicate" as const };

    const result = await apply(ctx, args.change, args.occurredAt, args.callbacks ?? {});
    await ctx.db.insert("webhookEvents", {
      svixId: args.svixId,
      type: args.type,
      outcome: result,
      occurredAt: args.occurredAt,
      receivedAt: Date.now(),
    });
    return { outcome: result };
  },
});

async function apply(
  ctx: MutationCtx,
  change: Change,
  occurredAt: number,
  hooks: Callbacks,
): Promise<Outcome> {
  switch (change.kind) {
    case "user.upsert":
      return await upsertUser(ctx, change.user);
    case "user.delete":
      await deleteUser(ctx, change.userId, occurredAt);
      await notify(ctx, hooks.onUserDeleted, { userId: change.userId });
      return "applied";
    case "organization.upsert":
      return await upsertOrganization(ctx, change.organization);
    case "organization.delete":
      await deleteOrganization(ctx, change.orgId, occurredAt);
      await notify(ctx, hooks.onOrganizationDeleted, { orgId: change.orgId });
      return "applied";
    case "membership.upsert":
    case "membership.delete": {
      const { outcome, change: membershipChange } =
        change.kind === "membership.upsert"
          ? await upsertMembership(ctx, change.membership)
          : await deleteMembership(ctx, change.membership);
      if (membershipChange) {
        await notify<MembershipChange>(ctx, hooks.onMembershipChanged, membershipChange);
      }
      return outcome;
    }
    case "invitation.upsert":
      return await upsertInvitation(ctx, change.invitation);
    case "session.created":
      return await recordSignIn(ctx, change.session);
    case "ignored":
      return "ignored";
  }
}

async function notify<Args extends DefaultFunctionArgs>(
  ctx: MutationCtx,
  handle: string | undefined,
  args: Args,
) {
  if (!handle) return;
  await ctx.runMutation(handle as FunctionHandle<"mutation">, args);
}
