/**
 * Reconciliation with the Clerk Backend API (see ClerkSync.startReconciliation).
 *
 *   npx convex run reconcile:start            # from a terminal
 *
 * Admins start it from the app (syncHealth.reconcile), crons.ts daily.
 */
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation } from "./_generated/server";
import { clerkSync } from "./lib/clerkSync";

export const start = internalMutation({
  args: { trigger: v.optional(v.string()) },
  handler: async (ctx, { trigger = "cli" }): Promise<{ started: boolean }> => {
    const result = await clerkSync.startReconciliation(ctx, { trigger, step: internal.reconcile.step });
    if (!result.started) console.log(`reconciliation already running (${result.active.phase}), not started`);
    return { started: result.started };
  },
});

export const step = internalAction({
  args: { runId: v.string() },
  handler: async (ctx, { runId }): Promise<void> => {
    await clerkSync.reconcileStep(ctx, runId, internal.reconcile.step);
  },
});
