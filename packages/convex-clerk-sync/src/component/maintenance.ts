import { v } from "convex/values";
import { mutation } from "./_generated/server.js";

/**
 * Deletes up to `limit` delivery records received before `before` (oldest
 * first), the refusal counters of those hours, and up to `limit` sessions
 * last updated before it. Returns whether more are left. svix stops retrying
 * a message within days, so ids older than the retention window can no
 * longer come back; a session that long untouched has ended.
 */
export const prune = mutation({
  args: { before: v.number(), limit: v.number() },
  returns: v.object({ deleted: v.number(), more: v.boolean() }),
  handler: async (ctx, { before, limit }) => {
    const n = Math.min(Math.max(limit, 0), 1000);
    const old = await ctx.db
      .query("webhookEvents")
      .withIndex("by_received_at", (q) => q.lt("receivedAt", before))
      .take(n);
    for (const event of old) await ctx.db.delete("webhookEvents", event._id);
    const counters = await ctx.db
      .query("webhookRejections")
      .withIndex("by_hour_reason", (q) => q.lt("hour", Math.floor(before / 3_600_000)))
      .take(100);
    for (const counter of counters) await ctx.db.delete("webhookRejections", counter._id);
    const sessions = await ctx.db
      .query("sessions")
      .withIndex("by_updated_at", (q) => q.lt("updatedAt", before))
      .take(n);
    for (const session of sessions) await ctx.db.delete("sessions", session._id);
    return {
      deleted: old.length + counters.length + sessions.length,
      more: old.length === n || counters.length === 100 || sessions.length === n,
    };
  },
});
