/**
 * Sync health for org admins: is Clerk reaching us, is anything being
 * refused, when did a reconciliation last run; and a button to start one.
 *
 * The figures are the deployment's, not the org's: webhooks and runs are
 * instance-wide. A run's counts (how many users the whole instance has) stay
 * out of the answer, since they describe other tenants.
 */
import { clerkSync } from "./lib/clerkSync";
import { appError } from "./lib/errors";
import { tenantMutation, tenantQuery } from "./lib/tenant";
import { enforceRateLimits } from "./rateLimits";

type Run = NonNullable<Awaited<ReturnType<typeof clerkSync.reconciliationStatus>>["last"]>;

const publicRun = (run: Run | null) =>
  run && {
    status: run.status,
    trigger: run.trigger,
    phase: run.phase,
    done: run.done,
    total: run.total,
    progress: run.progress,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
    durationMs: run.durationMs ?? null,
    error: run.error ?? null,
  };

export const get = tenantQuery({
  args: {},
  requires: "org:manage",
  handler: async (ctx) => {
    const webhooks = await clerkSync.webhookHealth(ctx, 24);
    const { active, last } = await clerkSync.reconciliationStatus(ctx);
    return {
      lastWebhook: webhooks.last,
      rejectedLast24h: webhooks.rejected,
      reconciliation: { active: publicRun(active), last: publicRun(last) },
    };
  },
});

/** Reads everything back from Clerk now (the daily cron does it anyway). */
export const reconcile = tenantMutation({
  args: {},
  requires: "org:manage",
  handler: async (ctx) => {
    await enforceRateLimits(ctx, { reconcileByOrg: ctx.tenant.orgId });
    const result = await clerkSync.startReconciliation(ctx, { trigger: "admin", requestedBy: ctx.tenant.userId });
    if (!result.started) {
      throw appError("CONFLICT", `A re-sync is already running (${Math.round(result.active.progress * 100)}% done).`);
    }
  },
});
