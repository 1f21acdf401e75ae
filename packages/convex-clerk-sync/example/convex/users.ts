import { v } from "convex/values";
import { query } from "./_generated/server";
import { clerkSync } from "./clerkSync";

/** The signed-in user as Clerk last reported them, with their organizations. */
export const me = query({
  args: {},
  handler: async (ctx) => {
    const identity = await ctx.auth.getUserIdentity();
    if (!identity) return null;
    const [user, organizations] = await Promise.all([
      clerkSync.getUser(ctx, identity.subject),
      clerkSync.listOrganizationsForUser(ctx, identity.subject),
    ]);
    return user && { user, organizations };
  },
});

/** The signed-in user's membership of an organization, with its effective permissions; null for anyone else's. */
export const membership = query({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) => {
    const identity = await ctx.auth.getUserIdentity();
    return identity && (await clerkSync.getMembership(ctx, orgId, identity.subject));
  },
});
