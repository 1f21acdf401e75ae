/** Callbacks the clerkSync component runs inside its ingest transaction. */
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { clerkSync } from "./lib/clerkSync";
import { deleteOrgData, PURGE_BATCH } from "./lib/purge";

/** An organization deleted in Clerk takes its lists and todos with it. */
export const onOrganizationDeleted = internalMutation({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) => {
    if (await deleteOrgData(ctx.db, orgId)) {
      await ctx.scheduler.runAfter(0, internal.sync.onOrganizationDeleted, { orgId });
    }
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
