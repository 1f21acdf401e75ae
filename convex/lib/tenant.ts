/**
 * The tenant wrappers every public app function is built with.
 *
 * `tenantQuery` / `tenantMutation` resolve the caller from the verified JWT,
 * require an active org claim, check the membership and role against the
 * synced component on every call (so a membership deleted by webhook is
 * refused even while the token still names the org), and give the handler a
 * database that cannot read or write another org's documents.
 *
 * `tenantAction` does the same checks for actions (which have no database).
 *
 * `userQuery` / `userAction` are for functions that need a signed-in user but
 * no org (`me`, creating an org); their database sees no tenant data at all.
 */
import {
  customAction,
  customCtx,
  customMutation,
  customQuery,
} from "convex-helpers/server/customFunctions";
import {
  wrapDatabaseReader,
  wrapDatabaseWriter,
  type Rules,
} from "convex-helpers/server/rowLevelSecurity";
import type { UserIdentity } from "convex/server";
import type { DataModel } from "../_generated/dataModel";
import { action, mutation, query, type ActionCtx, type QueryCtx } from "../_generated/server";
import schema from "../schema";
import { isPendingSession, parseOrgClaims } from "./claims";
import { clerkSync } from "./clerkSync";
import { appError } from "./errors";
import { can, type Action } from "./permissions";

export type Tenant = {
  userId: string;
  orgId: string;
  orgSlug?: string;
  role: string;
  permissions: string[];
  /** Set when someone else is signed in as `userId` (Clerk impersonation: the token's `act.sub`). */
  impersonatorId?: string;
};

/** The impersonator named by the verified token's `act` claim (`{ sub: "user_…" }`), if any. */
export function impersonatorOf(identity: UserIdentity): string | undefined {
  const act = (identity as { act?: unknown }).act;
  const sub = act && typeof act === "object" ? (act as { sub?: unknown }).sub : undefined;
  return typeof sub === "string" && sub ? sub : undefined;
}

/** How a public function is scoped; read by the wrapper coverage test. */
export const SCOPE = "__tenantScope";
export type Scope = "tenant" | "user";

type Extra = { requires?: Action };

async function requireIdentity(ctx: Pick<QueryCtx, "auth">): Promise<UserIdentity> {
  const identity = await ctx.auth.getUserIdentity();
  if (!identity) throw appError("UNAUTHENTICATED", "Sign in to continue.");
  return identity;
}

export async function resolveTenant(
  // Every kind of function has these two; the action's runQuery is the narrowest.
  ctx: Pick<ActionCtx, "auth" | "runQuery">,
  requires?: Action,
): Promise<Tenant> {
  const identity = await requireIdentity(ctx);
  // A pending session (an open session task) is not let into any organization, whatever its claims say.
  const claims = isPendingSession(identity) ? null : parseOrgClaims(identity);
  if (!claims) throw appError("NO_ACTIVE_ORG", "Choose an organization to continue.");
  // The token's role may predate a demotion or removal: the synced membership decides.
  const membership = await clerkSync.getMembership(ctx, claims.orgId, identity.subject);
  if (!membership) throw appError("FORBIDDEN", "You are not a member of this organization.");
  const tenant: Tenant = {
    userId: identity.subject,
    orgId: claims.orgId,
    orgSlug: claims.orgSlug,
    role: membership.role,
    permissions: membership.permissions,
    ...(impersonatorOf(identity) ? { impersonatorId: impersonatorOf(identity) } : {}),
  };
  if (requires && !can(tenant, requires)) {
    throw appError("FORBIDDEN", `Your role (${tenant.role}) cannot do this.`);
  }
  return tenant;
}

/** Row-level security: every app table is tenant data keyed by `orgId`. */
function orgRules(orgId: string | null): Rules<unknown, DataModel> {
  const sameOrg = async (_ctx: unknown, doc: { orgId: string }) => doc.orgId === orgId;
  const rules: Rules<unknown, DataModel> = {};
  for (const table of Object.keys(schema.tables) as (keyof DataModel)[]) {
    rules[table] = { read: sameOrg, modify: sameOrg, insert: sameOrg };
  }
  return rules;
}

function scoped<Builder extends (...args: never[]) => unknown>(builder: Builder, scope: Scope): Builder {
  return ((definition: never) =>
    Object.assign(builder(definition) as object, { [SCOPE]: scope })) as unknown as Builder;
}

export const tenantQuery = scoped(
  customQuery(
    query,
    customCtx(async (ctx, { requires }: Extra) => {
      const tenant = await resolveTenant(ctx, requires);
      const db = wrapDatabaseReader(ctx, ctx.db, orgRules(tenant.orgId), { defaultPolicy: "deny" });
      return { tenant, db };
    }),
  ),
  "tenant",
);

export const tenantMutation = scoped(
  customMutation(
    mutation,
    customCtx(async (ctx, { requires }: Extra) => {
      const tenant = await resolveTenant(ctx, requires);
      const db = wrapDatabaseWriter(ctx, ctx.db, orgRules(tenant.orgId), { defaultPolicy: "deny" });
      return { tenant, db };
    }),
  ),
  "tenant",
);

export const userQuery = scoped(
  customQuery(
    query,
    customCtx(async (ctx) => {
      const identity = await requireIdentity(ctx);
      const db = wrapDatabaseReader(ctx, ctx.db, orgRules(null), { defaultPolicy: "deny" });
      return { identity, db };
    }),
  ),
  "user",
);

export const tenantAction = scoped(
  customAction(
    action,
    customCtx(async (ctx, { requires }: Extra) => ({ tenant: await resolveTenant(ctx, requires) })),
  ),
  "tenant",
);

export const userAction = scoped(
  customAction(
    action,
    customCtx(async (ctx) => ({ identity: await requireIdentity(ctx) })),
  ),
  "user",
);
