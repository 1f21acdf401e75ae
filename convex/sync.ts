/**
 * What the clerkSync component calls back into (lib/clerkSync.ts names this
 * module): its events, handled in the change's transaction, and the
 * reconciliation functions it generates.
 *
 *   npx convex run sync:reconcile      # read everything back from Clerk now
 */
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { DatabaseWriter } from "./_generated/server";
import { internalMutation } from "./_generated/server";
import { recordAudit, sourceOf, type AuditKind } from "./lib/audit";
import { clerkSync } from "./lib/clerkSync";
import { forgetDeparture, recordDeparture } from "./lib/departures";
import { deleteOrgData, PURGE_BATCH } from "./lib/purge";

type Actor = { userId: string; impersonatorId?: string } | undefined;
const byWhom = (actor: Actor) => ({ source: sourceOf(actor?.userId), actorId: actor?.userId, impersonatorId: actor?.impersonatorId });

const INVITATION_KINDS: Partial<Record<string, AuditKind>> = {
  pending: "invitation.created",
  accepted: "invitation.accepted",
  revoked: "invitation.revoked",
};

export const { clerkSyncEvent } = clerkSync.events({
  /** An organization deleted in Clerk takes its lists, todos and audit log with it. */
  "organization.deleted": async (ctx, { orgId }) => {
    if (await deleteOrgData(ctx, orgId)) await ctx.scheduler.runAfter(0, internal.sync.purgeOrganization, { orgId });
  },

  /** Audit log: a member added, removed, or given another role (from the app or from Clerk). */
  "membership.changed": async (ctx, { orgId, userId, role, previousRole, invitationId, actor }) => {
    const kind: AuditKind | null =
      role === null ? "member.removed" : previousRole === null ? "member.added" : role !== previousRole ? "member.roleChanged" : null;
    if (!kind) return; // same role: a profile or timestamp change
    // Why they lost access, for their screen; leaving on one's own needs no explanation (and
    // clears an older removal's). Nothing is read on joins: reconciliation adds members by the batch.
    if (kind === "member.removed" && actor?.userId === userId) await forgetDeparture(ctx.db, orgId, userId);
    else if (kind === "member.removed") {
      const org = await clerkSync.getOrganization(ctx, orgId);
      await recordDeparture(ctx.db, { orgId, userId, kind: "removed", actorId: actor?.userId, orgName: org?.name, at: Date.now() });
    }
    // Joined by accepting an invitation whose acceptance is logged already: one join, one entry.
    if (kind === "member.added" && invitationId) return;
    await recordAudit(ctx.db, { orgId, kind, ...byWhom(actor), userId, role: role ?? undefined, previousRole: previousRole ?? undefined });
  },

  /** Audit log: an invitation sent, accepted or revoked. */
  "invitation.changed": async (ctx, e) => {
    const kind = INVITATION_KINDS[e.status];
    if (!e.orgId || !kind || (kind === "invitation.created" && e.previousStatus !== null)) return;
    const entry = {
      orgId: e.orgId,
      kind,
      ...byWhom(e.actor),
      // Whoever accepts an invitation is the one acting.
      actorId: e.actor?.userId ?? (kind === "invitation.accepted" ? e.userId : undefined),
      userId: e.userId,
      email: e.email,
      role: e.role,
    };
    // The membership it created was logged first (as member.added): that entry becomes this one.
    if (kind === "invitation.accepted" && e.membershipReported && (await replaceJoin(ctx.db, entry))) return;
    await recordAudit(ctx.db, entry);
  },

  /** Audit log: the organization renamed. */
  "organization.renamed": async (ctx, { orgId, name, previousName, actor }) => {
    await recordAudit(ctx.db, { orgId, kind: "org.renamed", ...byWhom(actor), name, previousName });
  },
});

/** Turns the latest `member.added` of this user in this org into the acceptance; false if there is none. */
async function replaceJoin(db: DatabaseWriter, entry: Parameters<typeof recordAudit>[1]) {
  const recent = await db
    .query("auditEvents")
    .withIndex("by_org_user", (q) => q.eq("orgId", entry.orgId).eq("userId", entry.userId))
    .order("desc")
    .take(20);
  const joined = recent.find((e) => e.kind === "member.added");
  if (!joined) return false;
  await db.replace("auditEvents", joined._id, entry);
  return true;
}

export const { reconcile, reconcileStep } = clerkSync.reconciliation();

/** The rest of a deleted organization's data, a batch at a time. */
export const purgeOrganization = internalMutation({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) => {
    if (await deleteOrgData(ctx, orgId)) await ctx.scheduler.runAfter(0, internal.sync.purgeOrganization, { orgId });
  },
});

/** Delivery records are kept this long: far beyond svix's retry schedule (days). */
export const WEBHOOK_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Daily (crons.ts): forgets old svix ids and sessions in batches, continuing until done. */
export const pruneWebhookEvents = internalMutation({
  args: {},
  handler: async (ctx) => {
    const { more } = await clerkSync.prune(ctx, { before: Date.now() - WEBHOOK_RETENTION_MS, limit: PURGE_BATCH });
    if (more) await ctx.scheduler.runAfter(0, internal.sync.pruneWebhookEvents, {});
  },
});
