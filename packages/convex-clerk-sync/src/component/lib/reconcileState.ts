import { v, type Infer } from "convex/values";
import type { Doc } from "../_generated/dataModel.js";

/**
 * A run reads everything Clerk has (users, organizations, memberships,
 * pending invitations of each organization), marking each row it reads,
 * then sweeps each table for rows older than the run that it never read.
 */
export const PHASES = [
  "users",
  "organizations",
  "memberships",
  "invitations",
  "sweepOrganizations",
  "sweepUsers",
  "sweepMemberships",
  "sweepInvitations",
] as const;
export type Phase = (typeof PHASES)[number];
export const phase = v.union(...PHASES.map((p) => v.literal(p)));

const count = v.number();
export const reconcileCounts = v.object({ added: count, updated: count, unchanged: count, removed: count });
export type ReconcileCounts = Infer<typeof reconcileCounts>;

/** How many of each Clerk had when its list phase read it: the sweeps' progress totals. */
export const clerkTotals = v.object({ users: count, organizations: count, memberships: count, invitations: count });

/** Where a run is: the phase, its position (a Clerk offset, or the last Clerk id done) and progress. */
export const position = v.object({
  phase,
  cursor: v.optional(v.string()),
  offset: v.number(),
  done: v.number(),
  total: v.number(),
});
export type Position = Infer<typeof position>;

export const reconciliationFields = {
  status: v.union(v.literal("running"), v.literal("succeeded"), v.literal("failed")),
  /** Who asked: "cron", "admin", "cli"… */
  trigger: v.string(),
  requestedBy: v.optional(v.string()),
  ...position.fields,
  clerkTotals,
  counts: reconcileCounts,
  /** Bumped by every committed batch, so a duplicate or late step cannot apply twice. */
  step: v.number(),
  /** Consecutive failures of the current step. */
  attempts: v.number(),
  startedAt: v.number(),
  heartbeatAt: v.number(),
  finishedAt: v.optional(v.number()),
  error: v.optional(v.string()),
};

/** A run's public face: where it is, and how far along as a whole (0..1). */
export function summary(run: Doc<"reconciliations">) {
  const index = PHASES.indexOf(run.phase);
  const within = run.total > 0 ? Math.min(1, run.done / run.total) : 0;
  const progress = run.status === "running" ? (index + within) / PHASES.length : 1;
  return {
    runId: run._id,
    status: run.status,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    phase: run.phase,
    done: run.done,
    total: run.total,
    progress,
    counts: run.counts,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.finishedAt === undefined ? undefined : run.finishedAt - run.startedAt,
    error: run.error,
  };
}

export const runSummary = v.object({
  runId: v.id("reconciliations"),
  status: reconciliationFields.status,
  trigger: v.string(),
  requestedBy: v.optional(v.string()),
  phase,
  done: v.number(),
  total: v.number(),
  progress: v.number(),
  counts: reconcileCounts,
  startedAt: v.number(),
  finishedAt: v.optional(v.number()),
  durationMs: v.optional(v.number()),
  error: v.optional(v.string()),
});
