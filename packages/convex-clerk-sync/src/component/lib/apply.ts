import type { FunctionHandle } from "convex/server";
import type { MutationCtx } from "../_generated/server.js";
import type { Actor, Change, ClerkSyncEvent, Outcome } from "../validators.js";
import { deleteOrganization, upsertOrganization } from "./organizations.js";
import { upsertInvitation } from "./invitations.js";
import { deleteMembership, upsertMembership } from "./memberships.js";
import { deletePermission, deleteRole, upsertPermission, upsertRole } from "./roles.js";
import { recordSession } from "./sessions.js";
import { deleteUser, upsertUser } from "./users.js";

type WithoutActor<E> = E extends unknown ? Omit<E, "actor"> : never;
/** An event as the write path reports it; the notifier adds the actor. */
export type Report = WithoutActor<ClerkSyncEvent>;

/**
 * Reports events to the app's `clerkSyncEvent` mutation (a function handle),
 * in the transaction of the change. `actor` (whom an app write-through acted
 * for) reaches the events an audit log needs; without it the change came
 * from Clerk.
 */
export function notifier(ctx: MutationCtx, onEvent: string | undefined, actor?: Actor) {
  return async (event: Report) => {
    if (!onEvent) return;
    const withActor = actor && event.kind !== "user.deleted" && event.kind !== "organization.deleted" ? { ...event, actor } : event;
    await ctx.runMutation(onEvent as FunctionHandle<"mutation">, { event: withActor });
  };
}
export type Notify = ReturnType<typeof notifier>;

/**
 * The one guarded write path: a webhook, an app write-through and a
 * reconciliation read apply a change the same way (updated_at guards,
 * tombstones, cascades, events).
 */
export async function applyChange(ctx: MutationCtx, change: Change, occurredAt: number, notify: Notify): Promise<Outcome> {
  switch (change.kind) {
    case "user.upsert":
      return await upsertUser(ctx, change.user);
    case "user.delete":
      return await deleteUser(ctx, change.userId, occurredAt, notify);
    case "organization.upsert":
      return await upsertOrganization(ctx, change.organization, notify);
    case "organization.delete":
      return await deleteOrganization(ctx, change.orgId, occurredAt, notify);
    case "membership.upsert":
      return await upsertMembership(ctx, change.membership, notify);
    case "membership.delete":
      return await deleteMembership(ctx, change.membership, notify);
    case "invitation.upsert":
      return await upsertInvitation(ctx, change.invitation, notify);
    case "session.created":
      if (change.user) await upsertUser(ctx, change.user);
      return await recordSession(ctx, change.session, { signIn: true });
    case "session.upsert":
      return await recordSession(ctx, change.session, { signIn: false });
    case "role.upsert":
      return await upsertRole(ctx, change.role);
    case "role.delete":
      return await deleteRole(ctx, change.roleId, occurredAt);
    case "permission.upsert":
      return await upsertPermission(ctx, change.permission);
    case "permission.delete":
      return await deletePermission(ctx, change.permissionId, occurredAt);
    case "ignored":
      return "ignored";
  }
}
