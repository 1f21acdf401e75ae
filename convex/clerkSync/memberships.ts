import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server";
import { findMembership } from "./lib/memberships";
import schema from "./schema";

const membership = doc(schema, "memberships");

export const get = query({
  args: { orgId: v.string(), userId: v.string() },
  returns: v.union(membership, v.null()),
  handler: (ctx, { orgId, userId }) => findMembership(ctx.db, orgId, userId),
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
    if (term) {
      return await ctx.db
        .query("memberships")
        .withSearchIndex("search_members", (q) => q.search("searchText", term).eq("orgId", orgId))
        .paginate(paginationOpts);
    }
    return await ctx.db
      .query("memberships")
      .withIndex("by_org_user", (q) => q.eq("orgId", orgId))
      .paginate(paginationOpts);
  },
});

/** Up to `limit` members of an organization with one role, e.g. its admins. */
export const listByRole = query({
  args: { orgId: v.string(), role: v.string(), limit: v.number() },
  returns: v.array(membership),
  handler: (ctx, { orgId, role, limit }) =>
    ctx.db
      .query("memberships")
      .withIndex("by_org_role", (q) => q.eq("orgId", orgId).eq("role", role))
      .take(Math.min(Math.max(limit, 0), 100)),
});
