import type { Id } from "../_generated/dataModel.js";
import type { DatabaseReader, MutationCtx } from "../_generated/server.js";
import type { Change, ReconciledKind } from "../validators.js";
import { applyChange, notifier } from "./apply.js";
import { removeInvitation } from "./invitations.js";
import { findMembership, removeMembership } from "./memberships.js";
import { findOrganization } from "./organizations.js";
import type { ReconcileCounts } from "./reconcileState.js";
import { findUser } from "./users.js";

/** What a reconciliation reads: the four entities it mirrors. */
export type Read = Extract<Change, { kind: "user.upsert" | "organization.upsert" | "membership.upsert" | "invitation.upsert" }>;
export const READ_KINDS: readonly string[] = ["user.upsert", "organization.upsert", "membership.upsert", "invitation.upsert"];

/** The entity a read from Clerk is about, and whether the component already had it. */
async function target(ctx: MutationCtx, change: Read): Promise<{ entity: ReconciledKind; clerkId: string; existed: boolean }> {
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
      const row = m.user ? await findMembership(ctx.db, m.organization.clerkId, m.user.clerkId) : await findByClerkId(ctx, "membership", m.clerkId);
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

export async function isMarked(ctx: { db: DatabaseReader }, run: Id<"reconciliations">, entity: ReconciledKind, clerkId: string) {
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
  change: Read,
  onEvent: string | undefined,
  counts: ReconcileCounts,
) {
  const { entity, clerkId, existed } = await target(ctx, change);
  const outcome = await applyChange(ctx, change, Date.now(), notifier(ctx, onEvent));
  if (outcome === "applied") counts[existed ? "updated" : "added"]++;
  else counts.unchanged++;
  if (!(await isMarked(ctx, run, entity, clerkId))) {
    await ctx.db.insert("reconcileMarks", { run, entity, clerkId });
  }
}

export function findByClerkId(ctx: MutationCtx, entity: ReconciledKind, clerkId: string) {
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
  removal: { entity: ReconciledKind; clerkId: string; updatedAt: number },
  onEvent: string | undefined,
): Promise<boolean> {
  const { entity, clerkId } = removal;
  const row = await findByClerkId(ctx, entity, clerkId);
  if (!row || row.updatedAt !== removal.updatedAt || (await isMarked(ctx, run, entity, clerkId))) return false;
  const now = Date.now();
  const notify = notifier(ctx, onEvent);
  switch (entity) {
    case "user":
      await applyChange(ctx, { kind: "user.delete", userId: clerkId }, now, notify);
      return true;
    case "organization":
      await applyChange(ctx, { kind: "organization.delete", orgId: clerkId }, now, notify);
      return true;
    case "membership": {
      const { orgId, userId } = row as { orgId: string; userId: string };
      const report = await removeMembership(ctx, { clerkId, orgId, userId, deletedAt: now });
      if (report) await notify(report);
      return true;
    }
    case "invitation":
      await removeInvitation(ctx, clerkId, now);
      return true;
  }
}
