/**
 * The example app's one module for the component: the client, the event
 * handler it generates (the component calls it by the name `module` gives)
 * and the reconciliation functions.
 */
import { createClerkClient } from "@clerk/backend";
import { ClerkSync } from "convex-clerk-sync";
import { components } from "./_generated/api";
import type { DataModel } from "./_generated/dataModel";

export const clerkSync = new ClerkSync<DataModel>(components.clerkSync, {
  webhookSecret: () => process.env.CLERK_WEBHOOK_SECRET,
  instanceId: () => process.env.CLERK_INSTANCE_ID,
  // Throws when unconfigured: a run then fails at once, saying why, instead of retrying.
  clerkClient: () => {
    const secretKey = process.env.CLERK_SECRET_KEY;
    if (!secretKey) throw new Error("CLERK_SECRET_KEY is not set: reconciliation reads Clerk's Backend API");
    return createClerkClient({ secretKey, apiUrl: process.env.CLERK_API_URL });
  },
  module: "clerkSync",
});

export const { clerkSyncEvent } = clerkSync.events({
  "organization.deleted": async (ctx, { orgId }) => {
    for (const note of await ctx.db.query("notes").withIndex("by_org", (q) => q.eq("orgId", orgId)).take(1000)) {
      await ctx.db.delete("notes", note._id);
    }
    await ctx.db.insert("activity", { kind: "organization.deleted", orgId });
  },
  "user.deleted": async (ctx, { userId }) => {
    await ctx.db.insert("activity", { kind: "user.deleted", userId });
  },
  "organization.renamed": async (ctx, { orgId, name, actor }) => {
    await ctx.db.insert("activity", { kind: "organization.renamed", orgId, detail: name, actorId: actor?.userId, impersonatorId: actor?.impersonatorId });
  },
  "membership.changed": async (ctx, { orgId, userId, role, previousRole, invitationId, actor }) => {
    const detail = `${previousRole ?? "none"} -> ${role ?? "none"}${invitationId ? ` via ${invitationId}` : ""}`;
    await ctx.db.insert("activity", { kind: "membership.changed", orgId, userId, detail, actorId: actor?.userId, impersonatorId: actor?.impersonatorId });
  },
  "invitation.changed": async (ctx, { orgId, invitationId, status, previousStatus, membershipReported, actor }) => {
    const detail = `${invitationId} ${previousStatus ?? "none"} -> ${status}${membershipReported ? " (member reported)" : ""}`;
    await ctx.db.insert("activity", { kind: "invitation.changed", orgId, detail, actorId: actor?.userId, impersonatorId: actor?.impersonatorId });
  },
});

export const { reconcile, reconcileStep } = clerkSync.reconciliation();
