import { v } from "convex/values";
import { mutation, query, type QueryCtx } from "./_generated/server";
import { clerkSync } from "./clerkSync";

/** Members of an organization share its notes; anyone else is refused. */
async function requireMember(ctx: QueryCtx, orgId: string) {
  const identity = await ctx.auth.getUserIdentity();
  const member = identity && (await clerkSync.getMembership(ctx, orgId, identity.subject));
  if (!member) throw new Error("not a member of this organization");
  return member;
}

export const add = mutation({
  args: { orgId: v.string(), text: v.string() },
  handler: async (ctx, { orgId, text }) => {
    await requireMember(ctx, orgId);
    return await ctx.db.insert("notes", { orgId, text });
  },
});

export const list = query({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) => {
    await requireMember(ctx, orgId);
    return await ctx.db.query("notes").withIndex("by_org", (q) => q.eq("orgId", orgId)).take(100);
  },
});
