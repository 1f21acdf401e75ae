import { v } from "convex/values";
import { mutation } from "./_generated/server";

/**
 * Deletes up to `limit` delivery records received before `before`, oldest
 * first; returns how many it deleted. svix stops retrying a message within
 * days, so ids older than the retention window can no longer come back.
 */
export const pruneWebhookEvents = mutation({
  args: { before: v.number(), limit: v.number() },
  returns: v.number(),
  handler: async (ctx, { before, limit }) => {
    const old = await ctx.db
      .query("webhookEvents")
      .withIndex("by_received_at", (q) => q.lt("receivedAt", before))
      .take(Math.min(Math.max(limit, 0), 1000));
    for (const event of old) await ctx.db.delete("webhookEvents", event._id);
    // Refusal counters (one per hour and reason) go with them.
    const counters = await ctx.db
      .query("webhookRejections")
      .withIndex("by_hour_reason", (q) => q.lt("hour", Math.floor(before / 3_600_000)))
      .take(100);
    for (const counter of counters) await ctx.db.delete("webhookRejections", counter._id);
    return old.length;
  },
});
