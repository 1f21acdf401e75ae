/** Callbacks the clerkSync component runs inside its ingest transaction. */
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { recordAudit, sourceOf, type AuditKind } from "./lib/audit";
import { clerkSync } from "./lib/clerkSync";
import { forgetDeparture, recordDeparture } from "./lib/departures";
import { deleteOrgData, PURGE_BATCH } from "./lib/purge";

/** An organization deleted in Clerk takes its lists and todos with it. */
export const onOrganizationDeleted = internalMutation({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) => {
    if (await deleteOrgData(ctx, orgId)) {
      await ctx.scheduler.runAfter(0, internal.sync.onOrganizationDeleted, { orgId });
    }
  },
});

const role = v.union(v.string(), v.null());
const status = v.union(v.literal("pending"), v.literal("accepted"), v.literal("revoked"), v.literal("expired"));

/** Audit log: a member added, removed, or given another role (from the app or from Clerk). */
export const onMembershipChanged = internalMutation({
  args: { orgId: v.string(), userId: v.string(), role, previousRole: role, actorId: v.optional(v.string()) },
  handler: async (ctx, { orgId, userId, role, previousRole, actorId }) => {
    const kind: AuditKind | null =
      role === null ? "member.removed" : previousRole === null ? "member.added" : role !== previousRole ? "member.roleChanged" : null;
    if (!kind) return; // same role: a profile or timestamp change
    if (kind === "member.added") await forgetDeparture(ctx.db, orgId, userId);
    // Leaving on one's own needs no explanation later.
    if (kind === "member.removed" && actorId !== userId) {
      const org = await clerkSync.getOrganization(ctx, orgId);
      await recordDeparture(ctx.db, { orgId, userId, kind: "removed", actorId, orgName: org?.name, at: Date.now() });
    }
    await recordAudit(ctx.db, {
      orgId,
      kind,
      source: sourceOf(actorId),
      actorId,
      userId,
      role: role ?? undefined,
      previousRole: previousRole ?? undefined,
    });
  },
});

const INVITATION_KINDS: Partial<Record<string, AuditKind>> = {
  pending: "invitation.created",
  accepted: "invitation.accepted",
  revoked: "invitation.revoked",
};

/** Audit log: an invitation sent, accepted or revoked. */
export const onInvitationChanged = internalMutation({
  args: {
    orgId: v.string(),
    invitationId: v.string(),
    email: v.string(),
    role: v.string(),
    status,
    previousStatus: v.union(status, v.null()),
    userId: v.optional(v.string()),
    actorId: v.optional(v.string()),
  },
  handler: async (ctx, args) => {
    const kind = INVITATION_KINDS[args.status];
    if (!kind || (kind === "invitation.created" && args.previousStatus !== null)) return;
    await recordAudit(ctx.db, {
      orgId: args.orgId,
      kind,
      source: sourceOf(args.actorId),
      // Whoever accepts an invitation is the one acting.
      actorId: args.actorId ?? (kind === "invitation.accepted" ? args.userId : undefined),
      userId: args.userId,
      email: args.email,
      role: args.role,
    });
  },
});

/** Audit log: the organization renamed. */
export const onOrganizationRenamed = internalMutation({
  args: { orgId: v.string(), name: v.string(), previousName: v.string(), actorId: v.optional(v.string()) },
  handler: async (ctx, { orgId, name, previousName, actorId }) => {
    await recordAudit(ctx.db, { orgId, kind: "org.renamed", source: sourceOf(actorId), actorId, name, previousName });
  },
});

/** Delivery records are kept this long: far beyond svix's retry schedule (days). */
export const WEBHOOK_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Daily (crons.ts): forgets old svix ids in batches, continuing until done. */
export const pruneWebhookEvents = internalMutation({
  args: {},
  handler: async (ctx) => {
    const deleted = await clerkSync.pruneWebhookEvents(ctx, Date.now() - WEBHOOK_RETENTION_MS, PURGE_BATCH);
    if (deleted === PURGE_BATCH) await ctx.scheduler.runAfter(0, internal.sync.pruneWebhookEvents, {});
  },
});
