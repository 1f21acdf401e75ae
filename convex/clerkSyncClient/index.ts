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
import type {
  GenericQueryCtx,
  GenericDataModel,
  HttpRouter,
  PaginationOptions,
} from "convex/server";
import type { ComponentApi } from "../clerkSync/_generated/component";
import { webhookHandler, type ClerkSyncCallbacks } from "./webhook";

export type { ClerkSyncCallbacks } from "./webhook";
export { SUBSCRIBED_EVENTS } from "./events";

type RunQueryCtx = Pick<GenericQueryCtx<GenericDataModel>, "runQuery">;

export class ClerkSync {
  constructor(
    public readonly component: ComponentApi,
    private readonly options: {
      /** Read per request, so a rotated secret applies without a redeploy. */
      webhookSecret: () => string | undefined;
      callbacks?: ClerkSyncCallbacks;
    },
  ) {}

  registerRoutes(http: HttpRouter, { path = "/clerk-webhook" }: { path?: string } = {}) {
    http.route({
      path,
      method: "POST",
      handler: webhookHandler(this.component, this.options.webhookSecret, this.options.callbacks ?? {}),
    });
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

  listPendingInvitations(ctx: RunQueryCtx, orgId: string) {
    return ctx.runQuery(this.component.invitations.listPending, { orgId });
  }
}
