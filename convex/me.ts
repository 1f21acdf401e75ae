import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { parseOrgClaims } from "./lib/claims";
import { clerkSync } from "./lib/clerkSync";
import { userQuery } from "./lib/tenant";

/**
 * The signed-in user, their organizations and the active one. Public by
 * design for users without an org: it only reads the caller's own records.
 * `activeOrg` is null when the token names no org or the membership is gone.
 */
export const get = userQuery({
  args: {},
  handler: async (ctx) => {
    const { identity } = ctx;
    const userId = identity.subject;
    const claims = parseOrgClaims(identity);
    const [user, orgs] = await Promise.all([
      clerkSync.getUser(ctx, userId),
      clerkSync.listOrganizationsForUser(ctx, userId),
    ]);
    const active = claims && orgs.find((o) => o.organization.clerkId === claims.orgId);
    return {
      userId,
      name: identity.name ?? null,
      email: identity.email ?? null,
      user: user && {
        firstName: user.firstName ?? null,
        lastName: user.lastName ?? null,
        email: user.primaryEmail ?? null,
        imageUrl: user.imageUrl ?? null,
        lastSignInAt: user.lastSignInAt ?? null,
      },
      activeOrg: active
        ? {
            orgId: active.organization.clerkId,
            slug: active.organization.slug ?? null,
            name: active.organization.name,
            role: active.role,
            permissions: active.permissions,
          }
        : null,
      orgs: orgs.map((o) => ({
        orgId: o.organization.clerkId,
        slug: o.organization.slug ?? null,
        name: o.organization.name,
        role: o.role,
      })),
    };
  },
});

export type LostAccess = { kind: Doc<"departures">["kind"]; orgName: string | null; by: string | null; at: number };

/**
 * Why the caller lost access to an organization (its id or slug): removed
 * (by whom, when the app did it) or the organization deleted. Null when
 * there is nothing to tell, including for an org the caller never belonged
 * to: it answers only about the caller's own past memberships.
 */
export const lostAccess = userQuery({
  args: { org: v.string() },
  handler: async (ctx, args): Promise<LostAccess | null> => {
    const userId = ctx.identity.subject;
    const org = (await clerkSync.getOrganizationBySlug(ctx, args.org)) ?? (await clerkSync.getOrganization(ctx, args.org));
    const orgId = org?.clerkId ?? args.org;
    const departure: Doc<"departures"> | null = await ctx.runQuery(internal.departures.forUser, { orgId, userId });
    if (!departure) return null;
    const actor = departure.actorId ? await clerkSync.getUser(ctx, departure.actorId) : null;
    const actorName = actor && ([actor.firstName, actor.lastName].filter(Boolean).join(" ") || actor.primaryEmail || null);
    return {
      kind: departure.kind,
      orgName: org?.name ?? departure.orgName ?? null,
      by: actorName ?? null,
      at: departure.at,
    };
  },
});
