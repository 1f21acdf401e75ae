import type { FunctionHandle } from "convex/server";
import type { MutationCtx } from "../_generated/server";
import type { Callbacks, Change, Outcome } from "../validators";
import { upsertInvitation, type InvitationChange } from "./invitations";
import { deleteMembership, upsertMembership, type MembershipChange } from "./memberships";
import { deleteOrganization, upsertOrganization, type OrganizationRename } from "./organizations";
import { deleteUser, recordSignIn, upsertUser } from "./users";

/**
 * The app's callbacks, called in the transaction of the change. `actorId`
 * (the user an app write-through acted for) reaches the callbacks an audit
 * log needs; without it the change came from Clerk.
 */
export function notifier(ctx: MutationCtx, hooks: Callbacks, actorId?: string) {
  const call = async (handle: string | undefined, args: Record<string, unknown>) => {
    if (handle) await ctx.runMutation(handle as FunctionHandle<"mutation">, args);
  };
  const withActor = <T extends object>(args: T) => (actorId ? { ...args, actorId } : args);
  return {
    userDeleted: (args: { userId: string }) => call(hooks.onUserDeleted, args),
    organizationDeleted: (args: { orgId: string }) => call(hooks.onOrganizationDeleted, args),
    organizationRenamed: (args: OrganizationRename) => call(hooks.onOrganizationRenamed, withActor(args)),
    membershipChanged: (args: MembershipChange) => call(hooks.onMembershipChanged, withActor(args)),
    invitationChanged: (args: InvitationChange) => call(hooks.onInvitationChanged, withActor(args)),
  };
}
export type Notifier = ReturnType<typeof notifier>;

/**
 * The one guarded write path: a webhook, an app write-through and a
 * reconciliation read apply a change the same way (updated_at guards,
 * tombstones, cascades, callbacks).
 */
export async function applyChange(ctx: MutationCtx, change: Change, occurredAt: number, notify: Notifier): Promise<Outcome> {
  switch (change.kind) {
    case "user.upsert":
      return await upsertUser(ctx, change.user);
    case "user.delete":
      await deleteUser(ctx, change.userId, occurredAt);
      await notify.userDeleted({ userId: change.userId });
      return "applied";
    case "organization.upsert":
      return await upsertOrganization(ctx, change.organization, notify);
    case "organization.delete":
      await deleteOrganization(ctx, change.orgId, occurredAt);
      await notify.organizationDeleted({ orgId: change.orgId });
      return "applied";
    case "membership.upsert":
    case "membership.delete": {
      const { outcome, change: membershipChange } =
        change.kind === "membership.upsert"
          ? await upsertMembership(ctx, change.membership, notify)
          : await deleteMembership(ctx, change.membership);
      if (membershipChange) await notify.membershipChanged(membershipChange);
      return outcome;
    }
    case "invitation.upsert": {
      const { outcome, change: invitationChange } = await upsertInvitation(ctx, change.invitation);
      if (invitationChange) await notify.invitationChanged(invitationChange);
      return outcome;
    }
    case "session.created":
      return await recordSignIn(ctx, change.session);
    case "ignored":
      return "ignored";
  }
}
