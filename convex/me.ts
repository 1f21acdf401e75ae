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
