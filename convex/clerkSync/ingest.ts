import { v } from "convex/values";
import { mutation } from "./_generated/server";
import { applyChange, notifier } from "./lib/apply";
import { callbacks, change, outcome } from "./validators";

/**
 * Applies one verified Clerk event. The `svix-id` is recorded in the same
 * transaction as the write, so a redelivery is a no-op; each entity keeps
 * Clerk's `updated_at` and tombstones, so delivery order does not matter.
 *
 * With `actorId` it is the app writing through what the Backend API just
 * returned for that user's request: not a delivery, so no `svix-id` is
 * kept, and the callbacks learn who acted.
 */
export const ingest = mutation({
  args: {
    svixId: v.string(),
    type: v.string(),
    occurredAt: v.number(),
    change,
    callbacks: v.optional(callbacks),
    actorId: v.optional(v.string()),
  },
  returns: v.object({ outcome }),
  handler: async (ctx, args) => {
    const notify = notifier(ctx, args.callbacks ?? {}, args.actorId);
    if (args.actorId) return { outcome: await applyChange(ctx, args.change, args.occurredAt, notify) };
    const seen = await ctx.db
      .query("webhookEvents")
      .withIndex("by_svix_id", (q) => q.eq("svixId", args.svixId))
      .unique();
    if (seen) return { outcome: "duplicate" as const };

    const result = await applyChange(ctx, args.change, args.occurredAt, notify);
    await ctx.db.insert("webhookEvents", {
      svixId: args.svixId,
      type: args.type,
      outcome: result,
      occurredAt: args.occurredAt,
      receivedAt: Date.now(),
    });
    return { outcome: result };
  },
});
