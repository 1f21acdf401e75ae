import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server.js";
import { findOrganization } from "./lib/organizations.js";
import { permissionsReader } from "./lib/roles.js";
import { isBuried } from "./lib/tombstones.js";
import schema from "./schema.js";

const organization = doc(schema, "organizations");

/** A user belongs to few organizations; this caps a pathological account. */
const MAX_ORGS_PER_USER = 200;

export const getById = query({
  args: { orgId: v.string() },
  returns: v.union(organization, v.null()),
  handler: (ctx, { orgId }) => findOrganization(ctx.db, orgId),
});

export const getBySlug = query({
  args: { slug: v.string() },
  returns: v.union(organization, v.null()),
  handler: (ctx, { slug }) =>
    ctx.db
      .query("organizations")
      .withIndex("by_slug", (q) => q.eq("slug", slug))
      .first(),
});

/** The organizations a user is a member of, with the user's role and effective permissions in each. */
export const listForUser = query({
  args: { userId: v.string() },
  returns: v.array(v.object({ organization, role: v.string(), roleName: v.optional(v.string()), permissions: v.array(v.string()) })),
  handler: async (ctx, { userId }) => {
    if (await isBuried(ctx.db, "user", userId)) return [];
    const memberships = await ctx.db
      .query("memberships")
      .withIndex("by_user", (q) => q.eq("userId", userId))
      .take(MAX_ORGS_PER_USER);
    const effective = permissionsReader(ctx.db);
    const rows = await Promise.all(
      memberships.map(async (m) => {
        const org = await findOrganization(ctx.db, m.orgId);
        if (!org) return null;
        const { role, roleName, permissions } = await effective(m);
        return { organization: org, role, ...(roleName ? { roleName } : {}), permissions };
      }),
    );
    return rows.filter((row) => row !== null).sort((a, b) => a.organization.name.localeCompare(b.organization.name));
  },
});
