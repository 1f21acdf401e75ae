/** What an operator needs to see the sync is alive: the last delivery, and what was refused. */
import { v } from "convex/values";
import { mutation, query } from "./_generated/server.js";
import { outcome, rejection } from "./validators.js";

const HOUR = 60 * 60 * 1000;

/**
 * Counts a delivery the webhook route refused (bad signature, invalid
 * payload, too large). One document per hour and reason, so a flood of
 * forgeries costs a counter, not a row each.
 */
export const recordRejection = mutation({
  args: { reason: rejection },
  returns: v.null(),
  handler: async (ctx, { reason }) => {
    const hour = Math.floor(Date.now() / HOUR);
    const bucket = await ctx.db
      .query("webhookRejections")
      .withIndex("by_hour_reason", (q) => q.eq("hour", hour).eq("reason", reason))
      .unique();
    if (bucket) await ctx.db.patch("webhookRejections", bucket._id, { count: bucket.count + 1 });
    else await ctx.db.insert("webhookRejections", { hour, reason, count: 1 });
    return null;
  },
});

/** The last delivery applied (type, outcome, when) and refusals over the last `hours` hours. */
export const webhooks = query({
  args: { hours: v.number() },
  returns: v.object({
    last: v.union(v.object({ type: v.string(), outcome, receivedAt: v.number() }), v.null()),
    rejected: v.object({ signature: v.number(), payload: v.number(), size: v.number(), instance: v.number() }),
  }),
  handler: async (ctx, { hours }) => {
    const last = await ctx.db.query("webhookEvents").withIndex("by_received_at").order("desc").first();
    const since = Math.floor(Date.now() / HOUR) - Math.min(Math.max(Math.ceil(hours), 1), 24 * 31) + 1;
    const buckets = await ctx.db
      .query("webhookRejections")
      .withIndex("by_hour_reason", (q) => q.gte("hour", since))
      .collect();
    const rejected = { signature: 0, payload: 0, size: 0, instance: 0 };
    for (const bucket of buckets) rejected[bucket.reason] += bucket.count;
    return { last: last && { type: last.type, outcome: last.outcome, receivedAt: last.receivedAt }, rejected };
  },
});
