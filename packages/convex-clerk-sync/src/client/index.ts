/**
 * The app-side client of the convex-clerk-sync component: mounts the webhook
 * route, generates the app's event handler and reconciliation functions, and
 * reads the synced users, organizations, memberships, invitations, roles and
 * sessions.
 *
 *   // convex/clerkSync.ts
 *   export const clerkSync = new ClerkSync<DataModel>(components.clerkSync, {
 *     webhookSecret: () => process.env.CLERK_WEBHOOK_SECRET,
 *     module: "clerkSync",
 *   });
 *   export const { clerkSyncEvent } = clerkSync.events({
 *     "organization.deleted": async (ctx, { orgId }) => { … },
 *   });
 *
 *   // convex/http.ts
 *   clerkSync.registerRoutes(http, { path: "/clerk-webhook" });
 */
import type { ClerkClient } from "@clerk/backend";
import {
  createFunctionHandle,
  internalActionGeneric,
  internalMutationGeneric,
  makeFunctionReference,
  type FunctionReference,
  type GenericDataModel,
  type HttpRouter,
  type PaginationOptions,
} from "convex/server";
import { v } from "convex/values";
import type { ComponentApi } from "../component/_generated/component.js";
import type { Actor } from "../component/validators.js";
import { EVENT_FUNCTION, eventsMutation, type ClerkSyncEvent, type ClerkSyncEventHandlers } from "./events.js";
import { parseClerkEvent, type ParsedEvent } from "./payloads.js";
import { reconcileStep } from "./reconcile.js";
import type { RunMutationCtx, RunQueryCtx, SchedulerCtx } from "./types.js";
import { webhookHandler } from "./webhook.js";

export type { ClerkSyncEvent, ClerkSyncEventHandlers, ClerkSyncEventKind } from "./events.js";
export { parseClerkEvent, roleKey, SUBSCRIBED_EVENTS, type ParsedEvent } from "./payloads.js";
export { MAX_WEBHOOK_BODY_BYTES } from "./webhook.js";
export type { Actor };

/** The name the app exports the reconciliation step under (see option `module`). */
const STEP_FUNCTION = "reconcileStep";

/**
 * What the `module` exports, as its `internal.<module>` references: a
 * compile-time check the app can keep in a test file (outside `convex/`),
 * `internal.sync satisfies ClerkSyncModule`.
 */
export type ClerkSyncModule = {
  clerkSyncEvent: FunctionReference<"mutation", "internal", { event: ClerkSyncEvent }, null>;
  reconcileStep?: FunctionReference<"action", "internal", { runId: string }, null>;
};

type Setting = string | (() => string | undefined);
const read = (setting: Setting | undefined) => (typeof setting === "function" ? setting() : setting);

export type ClerkSyncOptions = {
  /** The endpoint's signing secret (`whsec_…`); a function is read per request, so a rotated secret applies without a redeploy. */
  webhookSecret: Setting;
  /**
   * Accept only events of this Clerk instance (`ins_…`): a development
   * instance's endpoint pointed at this deployment is refused (403). Unset:
   * any instance.
   */
  instanceId?: Setting;
  /** The Backend API client reconciliation reads from (`createClerkClient`). */
  clerkClient?: () => ClerkClient;
  /**
   * The app module (its path under `convex/`, without extension) that
   * exports what `events()` and `reconciliation()` generate, under the names
   * they give (`clerkSyncEvent`, `reconcile`, `reconcileStep`). The
   * component calls them by reference: naming the module here, rather than
   * passing `internal.…`, keeps this client's type free of the app's API
   * (which is built from every module, this one included).
   */
  module?: string;
};

export class ClerkSync<DataModel extends GenericDataModel = GenericDataModel> {
  constructor(
    public readonly component: ComponentApi,
    private readonly options: ClerkSyncOptions,
  ) {}

  private ref<Type extends "mutation" | "action">(name: string) {
    if (!this.options.module) return undefined;
    return makeFunctionReference<Type, never>(`${this.options.module}:${name}`) as unknown as FunctionReference<Type, "internal">;
  }

  /** The handle the component reports events to, if the app exports `clerkSyncEvent`. */
  private async onEvent() {
    const ref = this.ref<"mutation">(EVENT_FUNCTION);
    return ref ? await createFunctionHandle(ref) : undefined;
  }

  /** POST `path`: svix-verified Clerk webhooks (subscribe the endpoint to `SUBSCRIBED_EVENTS`). */
  registerRoutes(http: HttpRouter, { path = "/clerk-webhook" }: { path?: string } = {}) {
    http.route({
      path,
      method: "POST",
      handler: webhookHandler({
        secret: () => read(this.options.webhookSecret),
        instanceId: () => read(this.options.instanceId),
        ingest: (ctx, svixId, event) => this.deliver(ctx, svixId, event),
        reject: (ctx, reason) => ctx.runMutation(this.component.health.recordRejection, { reason }),
      }),
    });
  }

  private async deliver(ctx: RunMutationCtx, svixId: string, { type, occurredAt, instanceId, change }: ParsedEvent) {
    return await ctx.runMutation(this.component.ingest.delivery, {
      svixId,
      type,
      occurredAt,
      instanceId,
      change,
      onEvent: await this.onEvent(),
    });
  }

  /**
   * The app's event handler: export it from the `module` as
   * `export const { clerkSyncEvent } = clerkSync.events({...})`. Each
   * handler runs in the transaction of the change it reports, with the
   * event validated by the component's own validator.
   */
  events(handlers: ClerkSyncEventHandlers<DataModel>) {
    return { [EVENT_FUNCTION]: eventsMutation<DataModel>(handlers) } as { clerkSyncEvent: ReturnType<typeof eventsMutation<DataModel>> };
  }

  /**
   * Reconciliation with the Backend API, as two functions to export from
   * the `module`: `reconcile` starts a run (`npx convex run <module>:reconcile`,
   * or a cron), `reconcileStep` reads one batch and schedules the next.
   */
  reconciliation() {
    return {
      reconcile: internalMutationGeneric({
        args: { trigger: v.optional(v.string()) },
        returns: v.object({ started: v.boolean() }),
        handler: async (ctx, { trigger = "cli" }) => {
          const result = await this.startReconciliation(ctx, { trigger });
          if (!result.started) console.log(`reconciliation already running (${result.active.phase}), not started`);
          return { started: result.started };
        },
      }),
      reconcileStep: internalActionGeneric({
        args: { runId: v.string() },
        returns: v.null(),
        handler: async (ctx, { runId }) => {
          const clerkClient = this.options.clerkClient;
          if (!clerkClient) throw new Error("ClerkSync: reconciliation needs the `clerkClient` option");
          const delay = await reconcileStep(ctx, this.component, await this.onEvent(), clerkClient, runId);
          if (delay !== null) await ctx.scheduler.runAfter(delay, this.stepRef(), { runId });
          return null;
        },
      }),
    };
  }

  private stepRef() {
    const ref = this.ref<"action">(STEP_FUNCTION);
    if (!ref) throw new Error("ClerkSync: reconciliation needs the `module` option (where `reconciliation()` is exported)");
    return ref;
  }

  /**
   * Starts a reconciliation run (all users, organizations, memberships and
   * pending invitations read back from Clerk, then what Clerk no longer has
   * swept), unless one is already running: then returns that one.
   */
  async startReconciliation(ctx: SchedulerCtx, args: { trigger: string; requestedBy?: string }) {
    const step = this.stepRef();
    const result = await ctx.runMutation(this.component.reconcile.start, { trigger: args.trigger, requestedBy: args.requestedBy });
    if (result.started) await ctx.scheduler.runAfter(0, step, { runId: result.runId });
    return result;
  }

  /**
   * Writes through an object the Clerk Backend API just returned (its `raw`
   * JSON, which has the webhook payload's shape), so the app sees an admin's
   * change at once. The webhook that follows carries the same `updated_at`
   * and is a no-op; if it never comes, the state is already right. `actor`,
   * whom the app acted for, reaches the events.
   */
  async applyFromApi(ctx: RunMutationCtx, type: string, data: unknown, actor: Actor) {
    const now = Date.now();
    const parsed = parseClerkEvent({ type, data, timestamp: now }, now);
    if (!parsed.ok) throw new Error(`Clerk API returned an unexpected ${type} object: ${parsed.error}`);
    return await ctx.runMutation(this.component.ingest.writeThrough, {
      occurredAt: parsed.event.occurredAt,
      change: parsed.event.change,
      actor,
      onEvent: await this.onEvent(),
    });
  }

  /**
   * Deletes a batch of delivery records received before `before` (and the
   * sessions untouched since); `more` says another call has work to do.
   */
  prune(ctx: RunMutationCtx, args: { before: number; limit: number }) {
    return ctx.runMutation(this.component.maintenance.prune, args);
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

  /** The user who verified this address; unverified addresses match nobody. */
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

  /** The membership with its effective permissions (its role's, when the role was edited since). */
  getMembership(ctx: RunQueryCtx, orgId: string, userId: string) {
    return ctx.runQuery(this.component.memberships.get, { orgId, userId });
  }

  listMembers(ctx: RunQueryCtx, args: { orgId: string; search?: string; paginationOpts: PaginationOptions }) {
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

  getRole(ctx: RunQueryCtx, key: string) {
    return ctx.runQuery(this.component.roles.get, { key });
  }

  listRoles(ctx: RunQueryCtx) {
    return ctx.runQuery(this.component.roles.list, {});
  }

  /** A session as Clerk reported it; `actorId` names the impersonator of an impersonation session. */
  getSession(ctx: RunQueryCtx, sessionId: string) {
    return ctx.runQuery(this.component.sessions.get, { sessionId });
  }
}
