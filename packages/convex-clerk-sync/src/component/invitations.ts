import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server.js";
import schema from "./schema.js";

const invitation = doc(schema, "invitations");

/** Clerk caps pending invitations per organization well below this. */
const MAX_PENDING = 500;

export const listPending = query({
  args: { orgId: v.string() },
  returns: v.array(invitation),
  handler: (ctx, { orgId }) =>
    ctx.db
      .query("invitations")
      .withIndex("by_org_status", (q) => q.eq("orgId", orgId).eq("status", "pending"))
      .order("desc")
      .take(MAX_PENDING),
});

export const get = query({
  args: { invitationId: v.string() },
  returns: v.union(invitation, v.null()),
  handler: (ctx, { invitationId }) =>
    ctx.db
      .query("invitations")
      .withIndex("by_clerk_id", (q) => q.eq("clerkId", invitationId))
      .unique(),
});
