/**
 * One step of a reconciliation run: read a batch from the Clerk Backend API,
 * hand it to the component (applied through the webhook path, marked seen),
 * and say when the next step should run. The run's state lives in the
 * component, so a step is stateless and any step can be retried.
 */
import type { ClerkClient } from "@clerk/backend";
import type { FunctionReturnType } from "convex/server";
import type { ComponentApi } from "../component/_generated/component.js";
import type { Phase, Position } from "../component/lib/reconcileState.js";
import type { Change, ReconciledKind } from "../component/validators.js";
import { parseClerkEvent } from "./payloads.js";
import type { RunMutationCtx } from "./types.js";

/** Objects per Backend API page and per batch mutation: a few hundred document reads, far below Convex's limits. */
const PAGE = 100;
/**
 * Rows one sweep step looks at: each costs a read and a mark lookup; only
 * the few the run never read are checked with Clerk.
 */
const SWEEP_PAGE = 500;
/** Organizations whose pending invitations one step reads. */
const ORGS_PER_STEP = 10;

type Run = NonNullable<FunctionReturnType<ComponentApi["reconcile"]["get"]>>;

type Batch = {
  reads: Change[];
  removals: { entity: ReconciledKind; clerkId: string; updatedAt: number }[];
  next: Position;
  clerkTotals?: Run["clerkTotals"];
  finished: boolean;
};

/** A failure retrying cannot fix: an object of unexpected shape from Clerk, no secret key. */
class Unusable extends Error {}

type StepCtx = RunMutationCtx;

/**
 * Clerk's API errors, told the way `isClerkAPIResponseError` tells them
 * (the class's static `kind`), so the package does not load `@clerk/backend`
 * itself: the app's `clerkClient` brings its own copy.
 */
function clerkError(error: unknown): { status: number; retryAfter?: number } | null {
  const kind = (error as { constructor?: { kind?: unknown } } | null)?.constructor?.kind;
  if (kind !== "ClerkAPIResponseError") return null;
  const { status, retryAfter } = error as { status: number; retryAfter?: number };
  return { status, retryAfter };
}

/** Runs one step; returns the delay before the next one, or null when the run is over. */
export async function reconcileStep(
  ctx: StepCtx,
  component: ComponentApi,
  onEvent: string | undefined,
  clerk: () => ClerkClient,
  runId: string,
): Promise<number | null> {
  const run = await ctx.runQuery(component.reconcile.get, { runId });
  if (!run || run.status !== "running") return null;
  try {
    const batch = await readBatch(ctx, component, configured(clerk), run);
    const applied = await ctx.runMutation(component.reconcile.applyBatch, {
      runId,
      step: run.step,
      ...batch,
      onEvent,
    });
    return applied && !batch.finished ? 0 : null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAfterSeconds = clerkError(error)?.retryAfter;
    const retryAfter = retryAfterSeconds ? retryAfterSeconds * 1000 : undefined;
    return await ctx.runMutation(component.reconcile.recordFailure, {
      runId,
      step: run.step,
      error: message,
      retryAfterMs: retryAfter,
      final: error instanceof Unusable,
    });
  }
}

/** A missing secret key is not going to appear by retrying. */
function configured(clerk: () => ClerkClient): ClerkClient {
  try {
    return clerk();
  } catch (error) {
    throw new Unusable(error instanceof Error ? error.message : String(error));
  }
}

async function readBatch(ctx: StepCtx, component: ComponentApi, clerk: ClerkClient, run: Run): Promise<Batch> {
  const page = { limit: PAGE, offset: run.offset, orderBy: "+created_at" as const };
  switch (run.phase) {
    case "users": {
      const { data, totalCount } = await clerk.users.getUserList(page);
      return listed(run, "user.created", data.map((u) => u.raw), totalCount, "users");
    }
    case "organizations": {
      const { data, totalCount } = await clerk.organizations.getOrganizationList(page);
      return listed(run, "organization.created", data.map((o) => o.raw), totalCount, "organizations");
    }
    case "memberships": {
      const { data, totalCount } = await clerk.organizations.getInstanceOrganizationMembershipList(page);
      return listed(run, "organizationMembership.created", data.map((m) => m.raw), totalCount, "memberships");
    }
    case "invitations":
      return await pendingInvitations(ctx, component, clerk, run);
    case "sweepOrganizations":
      return await sweep(ctx, component, run, "organization", async ({ clerkId }) =>
        found("organization.updated", await clerk.organizations.getOrganization({ organizationId: clerkId })),
      );
    case "sweepUsers":
      return await sweep(ctx, component, run, "user", async ({ clerkId }) =>
        found("user.updated", await clerk.users.getUser(clerkId)),
      );
    case "sweepMemberships":
      return await sweep(ctx, component, run, "membership", async ({ orgId, userId }) => {
        const { data } = await clerk.organizations.getOrganizationMembershipList({ organizationId: orgId!, userId: [userId!] });
        return data[0] ? found("organizationMembership.updated", data[0]) : null;
      });
    case "sweepInvitations":
      return await sweep(ctx, component, run, "invitation", async ({ clerkId, orgId }) =>
        found(
          "organizationInvitation.created",
          await clerk.organizations.getOrganizationInvitation({ organizationId: orgId!, invitationId: clerkId }),
        ),
      );
  }
}

const NEXT: Record<Phase, Phase | null> = {
  users: "organizations",
  organizations: "memberships",
  memberships: "invitations",
  invitations: "sweepOrganizations",
  sweepOrganizations: "sweepUsers",
  sweepUsers: "sweepMemberships",
  sweepMemberships: "sweepInvitations",
  sweepInvitations: null,
};

const SWEEP_TOTAL: Partial<Record<Phase, keyof Run["clerkTotals"]>> = {
  invitations: "organizations",
  sweepOrganizations: "organizations",
  sweepUsers: "users",
  sweepMemberships: "memberships",
  sweepInvitations: "invitations",
};

/** The position at the start of the phase after `run`'s, or null when the run is done. */
function nextPhase(run: Run, totals: Run["clerkTotals"]): Position | null {
  const phase = NEXT[run.phase];
  if (!phase) return null;
  const totalOf = SWEEP_TOTAL[phase];
  return { phase, offset: 0, done: 0, total: totalOf ? totals[totalOf] : 0 };
}

function finishOr(run: Run, batch: Omit<Batch, "next" | "finished">, next: Position | null): Batch {
  return next ? { ...batch, next, finished: false } : { ...batch, next: positionOf(run), finished: true };
}

const positionOf = (run: Run): Position => ({
  phase: run.phase,
  cursor: run.cursor,
  offset: run.offset,
  done: run.done,
  total: run.total,
});

function parse(type: string, raw: unknown): Change {
  const now = Date.now();
  const parsed = parseClerkEvent({ type, data: raw, timestamp: now }, now);
  if (!parsed.ok) throw new Unusable(`Clerk API returned an unexpected object: ${parsed.error}`);
  return parsed.event.change;
}

/** One page of a Clerk list (offset pagination, oldest first, so new objects land on later pages). */
function listed(run: Run, type: string, raws: unknown[], totalCount: number, total: keyof Run["clerkTotals"]): Batch {
  const reads = raws.map((raw) => parse(type, raw));
  const offset = run.offset + raws.length;
  const totals = { ...run.clerkTotals, [total]: totalCount };
  if (raws.length === PAGE && offset < totalCount) {
    return { reads, removals: [], next: { phase: run.phase, offset, done: offset, total: totalCount }, clerkTotals: totals, finished: false };
  }
  return finishOr(run, { reads, removals: [], clerkTotals: totals }, nextPhase(run, totals));
}

/** Pending invitations of the next few organizations (Clerk lists them per organization). */
async function pendingInvitations(ctx: StepCtx, component: ComponentApi, clerk: ClerkClient, run: Run): Promise<Batch> {
  const orgIds = await ctx.runQuery(component.reconcile.organizationsAfter, { after: run.cursor, limit: ORGS_PER_STEP });
  const reads: Change[] = [];
  for (const organizationId of orgIds) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await gone(() =>
        clerk.organizations.getOrganizationInvitationList({ organizationId, status: ["pending"], limit: PAGE, offset }),
      );
      // An organization deleted in Clerk meanwhile has none; its sweep removes it.
      for (const invitation of page?.data ?? []) reads.push(parse("organizationInvitation.created", invitation.raw));
      if (!page || page.data.length < PAGE) break;
    }
  }
  const totals = { ...run.clerkTotals, invitations: run.clerkTotals.invitations + reads.length };
  if (orgIds.length === ORGS_PER_STEP) {
    const done = run.done + orgIds.length;
    return {
      reads,
      removals: [],
      next: { phase: run.phase, cursor: orgIds[orgIds.length - 1], offset: 0, done, total: Math.max(done, run.total) },
      clerkTotals: totals,
      finished: false,
    };
  }
  return finishOr(run, { reads, removals: [], clerkTotals: totals }, nextPhase(run, totals));
}

type Candidate = { clerkId: string; updatedAt: number; orgId?: string; userId?: string };

/**
 * Checks rows the run never read one by one with Clerk (offset pages can
 * shift while they are read, so "not listed" is not proof): what Clerk
 * still has is applied, what it answers 404 for is removed.
 */
async function sweep(
  ctx: StepCtx,
  component: ComponentApi,
  run: Run,
  entity: ReconciledKind,
  lookup: (candidate: Candidate) => Promise<Change | null>,
): Promise<Batch> {
  const { candidates, last, scanned } = await ctx.runQuery(component.reconcile.sweepCandidates, {
    runId: run._id,
    entity,
    after: run.cursor,
    limit: SWEEP_PAGE,
  });
  const reads: Change[] = [];
  const removals: Batch["removals"] = [];
  for (const candidate of candidates) {
    const read = await gone(() => lookup(candidate));
    if (read) reads.push(read);
    else removals.push({ entity, clerkId: candidate.clerkId, updatedAt: candidate.updatedAt });
  }
  if (last !== null) {
    const done = run.done + scanned;
    return { reads, removals, next: { phase: run.phase, cursor: last, offset: 0, done, total: Math.max(done, run.total) }, finished: false };
  }
  return finishOr(run, { reads, removals }, nextPhase(run, run.clerkTotals));
}

function found(type: string, resource: { raw: unknown }) {
  return parse(type, resource.raw);
}

/** Clerk's 404 as null: the object (or its organization) is gone. */
async function gone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (clerkError(error)?.status === 404) return null;
    throw error;
  }
}
