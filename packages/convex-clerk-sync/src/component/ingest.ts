import { v } from "convex/values";
import { mutation } from "./_generated/server.js";
import { applyChange, notifier } from "./lib/apply.js";
import { actor, change, outcome } from "./validators.js";

/** The app's `clerkSyncEvent` mutation, as a function handle. */
const onEvent = v.optional(v.string());

/**
 * Applies one verified Clerk delivery. The `svix-id` is recorded in the same
 * transaction as the write, so a redelivery is a no-op; each entity keeps
 * Clerk's `updated_at` and tombstones, so delivery order does not matter.
 */
export const delivery = mutation({
  args: {
    svixId: v.string(),
    type: v.string(),
    occurredAt: v.number(),
    instanceId: v.optional(v.string()),
    change,
    onEvent,
  },
  returns: v.object({ outcome }),
  handler: async (ctx, args) => {
    const seen = await ctx.db
      .query("webhookEvents")
      .withIndex("by_svix_id", (q) => q.eq("svixId", args.svixId))
      .unique();
    if (seen) return { outcome: "duplicate" as const };

    const result = await applyChange(ctx, args.change, args.occurredAt, notifier(ctx, args.onEvent));
    await ctx.db.insert("webhookEvents", {
      svixId: args.svixId,
      type: args.type,
      outcome: result,
      instanceId: args.instanceId,
      occurredAt: args.occurredAt,
      receivedAt: Date.now(),
    });
    return { outcome: result };
  },
});

/**
 * The app writing through what the Backend API just returned for a user's
 * request: applied the same guarded way, not a delivery (no `svix-id` is
 * kept), and the events name who acted.
 */
export const writeThrough = mutation({
  args: { occurredAt: v.number(), change, actor, onEvent },
  returns: v.object({ outcome }),
  handler: async (ctx, args) => ({
    outcome: await applyChange(ctx, args.change, args.occurredAt, notifier(ctx, args.onEvent, args.actor)),
  }),
});
