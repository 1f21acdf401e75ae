/**
 * The app-side client of the clerkSync component: mounts the webhook route
 * and reads the synced users, organizations, memberships and invitations.
 *
 *   const clerkSync = new ClerkSync(components.clerkSync, {
 *     webhookSecret: () => env.CLERK_WEBHOOK_SECRET,
 *     callbacks: { onOrganizationDeleted: internal.sync.onOrganizationDeleted },
 *   });
 *   clerkSync.registerRoutes(http, { path: "/clerk-webhook" });
 */
import type { ClerkClient } from "@clerk/backend";
import type {
  FunctionReference,
  GenericActionCtx,
  GenericDataModel,
  GenericMutationCtx,
  HttpRouter,
  PaginationOptions,
} from "convex/server";
import type { ComponentApi } from "../clerkSync/_generated/component";
import { parseClerkEvent, type ParsedEvent } from "./events";
import { ingestEvent, type ClerkSyncCallbacks, type RunMutationCtx } from "./ingest";
import { reconcileStep, type StepCtx } from "./reconcile";
import { webhookHandler } from "./webhook";

export type { ClerkSyncCallbacks } from "./ingest";
export { SUBSCRIBED_EVENTS } from "./events";

/** Queries, mutations and actions all have this `runQuery`. */
type RunQueryCtx = Pick<GenericActionCtx<GenericDataModel>, "runQuery">;
type SchedulerCtx = RunMutationCtx & Pick<GenericMutationCtx<GenericDataModel>, "scheduler">;
/** The app's action that calls `reconcileStep`; it schedules itself until the run is over. */
export type ReconcileStepRef = FunctionReference<"action", "internal", { runId: string }>;

export class ClerkSync {
  constructor(
    public readonly component: ComponentApi,
    private readonly options: {
      /** Read per request, so a rotated secret applies without a redeploy. */
      webhookSecret: () => string | undefined;
      callbacks?: ClerkSyncCallbacks;
      /** The Backend API client reconciliation reads from (`createClerkClient`). */
      clerkClient?: () => ClerkClient;
    },
  ) {}

  registerRoutes(http: HttpRouter, { path = "/clerk-webhook" }: { path?: string } = {}) {
    http.route({
      path,
      method: "POST",
      handler: webhookHandler(
        this.options.webhookSecret,
        (ctx, svixId, event) => this.ingest(ctx, svixId, event),
        (ctx, reason) => ctx.runMutation(this.component.health.recordRejection, { reason }),
      ),
    });
  }

  /**
   * Writes through an object the Clerk Backend API just returned (its `raw`
   * JSON, which has the webhook payload's shape), so the app sees an admin's
   * change at once. The webhook that follows carries the same `updated_at`
   * and is a no-op; if it never comes, the state is already right.
   * `actorId`, the user the app acted for, reaches the callbacks.
   */
  async applyFromApi(ctx: RunMutationCtx, type: string, data: unknown, actorId: string) {
    const now = Date.now();
    const parsed = parseClerkEvent({ type, data, timestamp: now }, now);
    if (!parsed.ok) throw new Error(`Clerk API returned an unexpected ${type} object: ${parsed.error}`);
    return await this.ingest(ctx, `api_${crypto.randomUUID()}`, parsed.event, actorId);
  }

  private ingest(ctx: RunMutationCtx, svixId: string, event: ParsedEvent, actorId?: string) {
    return ingestEvent(ctx, this.component, this.options.callbacks ?? {}, svixId, event, actorId);
  }

  /** Deletes a batch of delivery records older than `before`; returns how many. */
  pruneWebhookEvents(ctx: RunMutationCtx, before: number, limit: number) {
    return ctx.runMutation(this.component.maintenance.pruneWebhookEvents, { before, limit });
  }

  /**
   * Starts a reconciliation run (all users, organizations, memberships and
   * pending invitations read back from Clerk, then what Clerk no longer has
   * swept), unless one is already running: then returns that one.
   */
  async startReconciliation(
    ctx: SchedulerCtx,
    args: { trigger: string; requestedBy?: string; step: ReconcileStepRef },
  ) {
    const result = await ctx.runMutation(this.component.reconcile.start, {
      trigger: args.trigger,
      requestedBy: args.requestedBy,
    });
    if (result.started) await ctx.scheduler.runAfter(0, args.step, { runId: result.runId });
    return result;
  }

  /** One batch of the run; schedules `step` again until the run is over. */
  async reconcileStep(ctx: StepCtx & Pick<GenericActionCtx<GenericDataModel>, "scheduler">, runId: string, step: ReconcileStepRef) {
    const clerkClient = this.options.clerkClient;
    if (!clerkClient) throw new Error("ClerkSync: reconciliation needs the `clerkClient` option");
    const delay = await reconcileStep(ctx, this.component, this.options.callbacks ?? {}, clerkClient, runId);
    if (delay !== null) await ctx.scheduler.runAfter(delay, step, { runId });
  }

  /** The last webhook applied and the deliveries refused over the last `hours` hours, by reason. */
  webhookHealth(ctx: RunQueryCtx, hours = 24) {
    return ctx.runQuery(this.component.health.webhooks, { hours });
  }

  /** The active run (phase, done, total, progress) and the last finished one. */
  reconciliationStatus(ctx: RunQueryCtx) {
    return ctx.runQuery(this.component.reconcile.status, {});
  }

  getUser(ctx: RunQueryCtx, clerkId: string) {
    return ctx.runQuery(this.component.users.getByClerkId, { clerkId });
  }

  getUserByEmail(ctx: RunQueryCtx, email: string) {
    return ctx.runQuery(this.component.users.getByEmail, { email });
  }

  getOrganization(ctx: RunQueryCtx, orgId: string) {
    return ctx.runQuery(this.component.organizations.getById, { orgId });
  }

  getOrganizationBySlug(ctx: RunQueryCtx, slug: string) {
    return ctx.runQuery(this.component.organizations.getBySlug, { slug });
  }

  listOrganizationsForUser(ctx: RunQueryCtx, userId: string) {
    return ctx.runQuery(this.component.organizations.listForUser, { userId });
  }

  getMembership(ctx: RunQueryCtx, orgId: string, userId: string) {
    return ctx.runQuery(this.component.memberships.get, { orgId, userId });
  }

  listMembers(
    ctx: RunQueryCtx,
    args: { orgId: string; search?: string; paginationOpts: PaginationOptions },
  ) {
    return ctx.runQuery(this.component.memberships.list, args);
  }

  listMembersWithRole(ctx: RunQueryCtx, orgId: string, role: string, limit: number) {
    return ctx.runQuery(this.component.memberships.listByRole, { orgId, role, limit });
  }

  getInvitation(ctx: RunQueryCtx, invitationId: string) {
    return ctx.runQuery(this.component.invitations.get, { invitationId });
  }

  listPendingInvitations(ctx: RunQueryCtx, orgId: string) {
    return ctx.runQuery(this.component.invitations.listPending, { orgId });
  }
}
