import type { DefaultFunctionArgs, FunctionHandle } from "convex/server";
import type { MutationCtx } from "../_generated/server";
import type { Callbacks, Change, Outcome } from "../validators";
import { upsertInvitation } from "./invitations";
import { deleteMembership, upsertMembership, type MembershipChange } from "./memberships";
import { deleteOrganization, upsertOrganization } from "./organizations";
import { deleteUser, recordSignIn, upsertUser } from "./users";

/**
 * The one guarded write path: a webhook and a reconciliation read apply a
 * change the same way (updated_at guards, tombstones, cascades, callbacks).
 */
export async function applyChange(
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
      if (membershipChange) await notifyMembershipChanged(ctx, hooks, membershipChange);
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

export async function notifyMembershipChanged(ctx: MutationCtx, hooks: Callbacks, change: MembershipChange) {
  await notify<MembershipChange>(ctx, hooks.onMembershipChanged, change);
}

export async function notify<Args extends DefaultFunctionArgs>(
  ctx: MutationCtx,
  handle: string | undefined,
  args: Args,
) {
  if (!handle) return;
  await ctx.runMutation(handle as FunctionHandle<"mutation">, args);
}
