import { v } from "convex/values";
import { internalMutation, internalQuery } from "./_generated/server";
import { findDeparture, recordDeparture } from "./lib/departures";

/** `admin.deleteOrganization`: each member (but the admin deleting it) will be told who deleted it. */
export const recordOrgDeleted = internalMutation({
  args: { orgId: v.string(), orgName: v.string(), actorId: v.string(), userIds: v.array(v.string()) },
  handler: async (ctx, { orgId, orgName, actorId, userIds }) => {
    const at = Date.now();
    for (const userId of userIds) await recordDeparture(ctx.db, { orgId, userId, kind: "orgDeleted", actorId, orgName, at });
  },
});

/** The departures table is tenant data: `me.lostAccess` reads it here, for the one user it is about. */
export const forUser = internalQuery({
  args: { orgId: v.string(), userId: v.string() },
  handler: async (ctx, { orgId, userId }) => await findDeparture(ctx.db, orgId, userId),
});
