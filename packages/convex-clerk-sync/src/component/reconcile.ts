/**
 * Reconciliation state and writes. The reading from Clerk happens in the
 * client's action (src/client/reconcile.ts); each batch it reads comes
 * back here as one mutation that applies it through the webhook path.
 */
import { v } from "convex/values";
import { internal } from "./_generated/api.js";
import type { Doc } from "./_generated/dataModel.js";
import { doc } from "convex-helpers/validators";
import { internalMutation, mutation, query, type MutationCtx, type QueryCtx } from "./_generated/server.js";
import { applyRead, isMarked, READ_KINDS, removeUnseen, TABLES, type Read } from "./lib/reconcileApply.js";
import { clerkTotals, position, runSummary, summary } from "./lib/reconcileState.js";
import schema from "./schema.js";
import { change, reconciledKind } from "./validators.js";

/** A run that has not moved for this long is dead (its action crashed for good). */
const STALLED_AFTER_MS = 10 * 60 * 1000;
/** Failed attempts of one step before the run is given up. */
const MAX_ATTEMPTS = 8;
const MARKS_PER_DELETE = 1000;

function activeRun(ctx: QueryCtx) {
  return ctx.db
    .query("reconciliations")
    .withIndex("by_status", (q) => q.eq("status", "running"))
    .first();
}

/** Starts a run, or refuses with the one already active. */
export const start = mutation({
  args: { trigger: v.string(), requestedBy: v.optional(v.string()) },
  returns: v.union(
    v.object({ started: v.literal(true), runId: v.id("reconciliations") }),
    v.object({ started: v.literal(false), active: runSummary }),
  ),
  handler: async (ctx, args) => {
    const now = Date.now();
    const active = await activeRun(ctx);
    if (active && now - active.heartbeatAt < STALLED_AFTER_MS) {
      return { started: false as const, active: summary(active) };
    }
    if (active) await finish(ctx, active, "failed", "stalled: no progress for 10 minutes");
    const runId = await ctx.db.insert("reconciliations", {
      status: "running",
      trigger: args.trigger,
      requestedBy: args.requestedBy,
      phase: "users",
      offset: 0,
      done: 0,
      total: 0,
      clerkTotals: { users: 0, organizations: 0, memberships: 0, invitations: 0 },
      counts: { added: 0, updated: 0, unchanged: 0, removed: 0 },
      step: 0,
      attempts: 0,
      startedAt: now,
      heartbeatAt: now,
    });
    return { started: true as const, runId };
  },
});

/** The run's full state, for the action that drives it. */
export const get = query({
  args: { runId: v.id("reconciliations") },
  returns: v.union(doc(schema, "reconciliations"), v.null()),
  handler: (ctx, { runId }) => ctx.db.get("reconciliations", runId),
});

/** The active run (if any) and the last finished one. */
export const status = query({
  args: {},
  returns: v.object({ active: v.union(runSummary, v.null()), last: v.union(runSummary, v.null()) }),
  handler: async (ctx) => {
    const active = await activeRun(ctx);
    const last = await ctx.db
      .query("reconciliations")
      .withIndex("by_finished_at", (q) => q.gte("finishedAt", 0))
      .order("desc")
      .first();
    return { active: active && summary(active), last: last && summary(last) };
  },
});

/**
 * One batch: what was read from Clerk (applied through the webhook path and
 * marked), what the sweep confirmed gone, and where the run goes next.
 * Refused (false) unless the run is still at `step`, so a retried or
 * duplicated action cannot apply a batch twice or move the run backwards.
 */
export const applyBatch = mutation({
  args: {
    runId: v.id("reconciliations"),
    step: v.number(),
    reads: v.array(change),
    removals: v.array(v.object({ entity: reconciledKind, clerkId: v.string(), updatedAt: v.number() })),
    next: position,
    clerkTotals: v.optional(clerkTotals),
    finished: v.boolean(),
    /** The app's `clerkSyncEvent` mutation, as a function handle. */
    onEvent: v.optional(v.string()),
  },
  returns: v.boolean(),
  handler: async (ctx, args) => {
    const run = await ctx.db.get("reconciliations", args.runId);
    if (!run || run.status !== "running" || run.step !== args.step) return false;
    const counts = { ...run.counts };
    for (const read of args.reads) {
      if (!READ_KINDS.includes(read.kind)) throw new Error(`a reconciliation reads users, organizations, memberships and invitations, not ${read.kind}`);
      await applyRead(ctx, run._id, read as Read, args.onEvent, counts);
    }
    for (const removal of args.removals) {
      if (await removeUnseen(ctx, run._id, removal, args.onEvent)) counts.removed++;
    }
    await ctx.db.patch("reconciliations", run._id, {
      ...args.next,
      cursor: args.next.cursor, // undefined clears the previous phase's cursor
      clerkTotals: args.clerkTotals ?? run.clerkTotals,
      counts,
      step: run.step + 1,
      attempts: 0,
      heartbeatAt: Date.now(),
    });
    if (args.finished) await finish(ctx, { ...run, counts }, "succeeded");
    return true;
  },
});

/**
 * Rows a sweep must check with Clerk: created before the run started (a
 * webhook may add rows meanwhile) and not read by it. Walks the table by
 * Clerk id from `after`, `limit` rows at a time.
 */
export const sweepCandidates = query({
  args: { runId: v.id("reconciliations"), entity: reconciledKind, after: v.optional(v.string()), limit: v.number() },
  returns: v.object({
    candidates: v.array(
      v.object({ clerkId: v.string(), updatedAt: v.number(), orgId: v.optional(v.string()), userId: v.optional(v.string()) }),
    ),
    last: v.union(v.string(), v.null()),
    scanned: v.number(),
  }),
  handler: async (ctx, { runId, entity, after, limit }) => {
    const run = await ctx.db.get("reconciliations", runId);
    if (!run) throw new Error("no such reconciliation run");
    const rows: Doc<(typeof TABLES)[keyof typeof TABLES]>[] = await ctx.db
      .query(TABLES[entity])
      .withIndex("by_clerk_id", (q) => (after === undefined ? q : q.gt("clerkId", after)))
      .take(Math.min(Math.max(limit, 1), 500));
    const candidates = [];
    for (const row of rows) {
      if (row._creationTime >= run.startedAt) continue;
      if ("status" in row && row.status !== "pending") continue;
      // Clerk reads an invitation through its organization: one that names none cannot be checked.
      if (entity === "invitation" && !("orgId" in row && row.orgId)) continue;
      if (await isMarked(ctx, runId, entity, row.clerkId)) continue;
      candidates.push({
        clerkId: row.clerkId,
        updatedAt: row.updatedAt,
        orgId: "orgId" in row ? row.orgId : undefined,
        userId: "userId" in row && entity === "membership" ? row.userId : undefined,
      });
    }
    return { candidates, last: rows.length === limit ? rows[rows.length - 1]!.clerkId : null, scanned: rows.length };
  },
});

/** The organizations after `after` (by Clerk id), for the per-organization invitation reads. */
export const organizationsAfter = query({
  args: { after: v.optional(v.string()), limit: v.number() },
  returns: v.array(v.string()),
  handler: async (ctx, { after, limit }) => {
    const orgs = await ctx.db
      .query("organizations")
      .withIndex("by_clerk_id", (q) => (after === undefined ? q : q.gt("clerkId", after)))
      .take(Math.min(Math.max(limit, 1), 100));
    return orgs.map((o) => o.clerkId);
  },
});

/**
 * A step failed (Clerk unreachable, rate limited…): returns when to retry,
 * or null once the run has failed for good.
 */
export const recordFailure = mutation({
  args: {
    runId: v.id("reconciliations"),
    step: v.number(),
    error: v.string(),
    retryAfterMs: v.optional(v.number()),
    /** Retrying cannot help (Clerk returned something unusable). */
    final: v.boolean(),
  },
  returns: v.union(v.number(), v.null()),
  handler: async (ctx, { runId, step, error, retryAfterMs, final }) => {
    const run = await ctx.db.get("reconciliations", runId);
    if (!run || run.status !== "running" || run.step !== step) return null;
    const attempts = run.attempts + 1;
    if (final) {
      await finish(ctx, run, "failed", error);
      return null;
    }
    if (attempts >= MAX_ATTEMPTS) {
      await finish(ctx, run, "failed", `${error} (gave up after ${attempts} attempts)`);
      return null;
    }
    await ctx.db.patch("reconciliations", runId, { attempts, heartbeatAt: Date.now(), error });
    return Math.max(retryAfterMs ?? 0, Math.min(60_000, 1000 * 2 ** (attempts - 1)));
  },
});

async function finish(
  ctx: MutationCtx,
  run: Doc<"reconciliations">,
  status: "succeeded" | "failed",
  error?: string,
) {
  await ctx.db.patch("reconciliations", run._id, { status, finishedAt: Date.now(), error, counts: run.counts });
  await ctx.scheduler.runAfter(0, internal.reconcile.dropMarks, { runId: run._id });
}

/** A finished run's marks are of no more use: delete them in batches. */
export const dropMarks = internalMutation({
  args: { runId: v.id("reconciliations") },
  handler: async (ctx, { runId }) => {
    const marks = await ctx.db
      .query("reconcileMarks")
      .withIndex("by_run_entity_clerk_id", (q) => q.eq("run", runId))
      .take(MARKS_PER_DELETE);
    for (const mark of marks) await ctx.db.delete("reconcileMarks", mark._id);
    if (marks.length === MARKS_PER_DELETE) await ctx.scheduler.runAfter(0, internal.reconcile.dropMarks, { runId });
  },
});
