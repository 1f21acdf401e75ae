import type { Id } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import type { Callbacks, Change, EntityKind } from "../validators";
import { applyChange, notifier } from "./apply";
import { removeInvitation } from "./invitations";
import { findMembership, removeMembership } from "./memberships";
import { findOrganization } from "./organizations";
import type { ReconcileCounts } from "./reconcileState";
import { findUser } from "./users";

type Upsert = Extract<Change, { kind: `${string}.upsert` }>;

/** The entity a read from Clerk is about, and whether the component already had it. */
async function target(ctx: MutationCtx, change: Upsert): Promise<{ entity: EntityKind; clerkId: string; existed: boolean }> {
  switch (change.kind) {
    case "user.upsert": {
      const user = await findUser(ctx.db, change.user.clerkId);
      return { entity: "user", clerkId: change.user.clerkId, existed: !!user && !user.stub };
    }
    case "organization.upsert":
      return {
        entity: "organization",
        clerkId: change.organization.clerkId,
        existed: !!(await findOrganization(ctx.db, change.organization.clerkId)),
      };
    case "membership.upsert": {
      const m = change.membership;
      const row = await findMembership(ctx.db, m.organization.clerkId, m.user.clerkId);
      return { entity: "membership", clerkId: m.clerkId, existed: row?.clerkId === m.clerkId };
    }
    case "invitation.upsert":
      return {
        entity: "invitation",
        clerkId: change.invitation.clerkId,
        existed: !!(await findByClerkId(ctx, "invitation", change.invitation.clerkId)),
      };
  }
}

export async function isMarked(ctx: { db: DatabaseReader }, run: Id<"reconciliations">, entity: EntityKind, clerkId: string) {
  const mark = await ctx.db
    .query("reconcileMarks")
    .withIndex("by_run_entity_clerk_id", (q) => q.eq("run", run).eq("entity", entity).eq("clerkId", clerkId))
    .unique();
  return mark !== null;
}

/** Applies what a run read from Clerk through the webhook path, marks it seen, counts the outcome. */
export async function applyRead(
  ctx: MutationCtx,
  run: Id<"reconciliations">,
  change: Upsert,
  hooks: Callbacks,
  counts: ReconcileCounts,
) {
  const { entity, clerkId, existed } = await target(ctx, change);
  const outcome = await applyChange(ctx, change, Date.now(), notifier(ctx, hooks));
  if (outcome === "applied") counts[existed ? "updated" : "added"]++;
  else counts.unchanged++;
  if (!(await isMarked(ctx, run, entity, clerkId))) {
    await ctx.db.insert("reconcileMarks", { run, entity, clerkId });
  }
}

export function findByClerkId(ctx: MutationCtx, entity: EntityKind, clerkId: string) {
  const table = TABLES[entity];
  return ctx.db
    .query(table)
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

export const TABLES = {
  user: "users",
  organization: "organizations",
  membership: "memberships",
  invitation: "invitations",
} as const;

/**
 * Removes a row Clerk answered 404 for, if it is still the row the sweep
 * saw: unmarked and not updated since (a webhook in between means Clerk
 * has it after all). Returns whether it removed anything.
 */
export async function removeUnseen(
  ctx: MutationCtx,
  run: Id<"reconciliations">,
  removal: { entity: EntityKind; clerkId: string; updatedAt: number },
  hooks: Callbacks,
): Promise<boolean> {
  const { entity, clerkId } = removal;
  const row = await findByClerkId(ctx, entity, clerkId);
  if (!row || row.updatedAt !== removal.updatedAt || (await isMarked(ctx, run, entity, clerkId))) return false;
  const now = Date.now();
  const notify = notifier(ctx, hooks);
  switch (entity) {
    case "user":
      await applyChange(ctx, { kind: "user.delete", userId: clerkId }, now, notify);
      return true;
    case "organization":
      await applyChange(ctx, { kind: "organization.delete", orgId: clerkId }, now, notify);
      return true;
    case "membership": {
      const { orgId, userId } = row as { orgId: string; userId: string };
      const change = await removeMembership(ctx, { clerkId, orgId, userId, deletedAt: now });
      if (change) await notify.membershipChanged(change);
      return true;
    }
    case "invitation":
      await removeInvitation(ctx, clerkId, now);
      return true;
  }
}
