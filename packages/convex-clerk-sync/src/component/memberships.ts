import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server.js";
import { findMembership } from "./lib/memberships.js";
import { permissionsReader } from "./lib/roles.js";
import { isBuried } from "./lib/tombstones.js";
import schema from "./schema.js";

const membership = doc(schema, "memberships");

/**
 * One membership, with its effective permissions. Null once the user or the
 * organization is deleted, even while the deletion's batches are removing
 * the rows.
 */
export const get = query({
  args: { orgId: v.string(), userId: v.string() },
  returns: v.union(membership, v.null()),
  handler: async (ctx, { orgId, userId }) => {
    const m = await findMembership(ctx.db, orgId, userId);
    if (!m || (await isBuried(ctx.db, "organization", orgId)) || (await isBuried(ctx.db, "user", userId))) return null;
    return await permissionsReader(ctx.db)(m);
  },
});

/**
 * A page of an organization's members, each row carrying role, name, email
 * and image. With `search`, rows are matched on name or email words.
 */
export const list = query({
  args: {
    orgId: v.string(),
    search: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(membership),
  handler: async (ctx, { orgId, search, paginationOpts }) => {
    const term = search?.trim().toLowerCase();
    const result = term
      ? await ctx.db
          .query("memberships")
          .withSearchIndex("search_members", (q) => q.search("searchText", term).eq("orgId", orgId))
          .paginate(paginationOpts)
      : await ctx.db
          .query("memberships")
          .withIndex("by_org_user", (q) => q.eq("orgId", orgId))
          .paginate(paginationOpts);
    if (await isBuried(ctx.db, "organization", orgId)) return { ...result, page: [] };
    const effective = permissionsReader(ctx.db);
    return { ...result, page: await Promise.all(result.page.map(effective)) };
  },
});

/** Up to `limit` members of an organization with one role, e.g. its admins. */
export const listByRole = query({
  args: { orgId: v.string(), role: v.string(), limit: v.number() },
  returns: v.array(membership),
  handler: async (ctx, { orgId, role, limit }) => {
    if (await isBuried(ctx.db, "organization", orgId)) return [];
    const rows = await ctx.db
      .query("memberships")
      .withIndex("by_org_role", (q) => q.eq("orgId", orgId).eq("role", role))
      .take(Math.min(Math.max(limit, 0), 100));
    return await Promise.all(rows.map(permissionsReader(ctx.db)));
  },
});
