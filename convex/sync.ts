/** Callbacks the clerkSync component runs inside its ingest transaction. */
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { deleteOrgData } from "./lib/purge";

/** An organization deleted in Clerk takes its lists and todos with it. */
export const onOrganizationDeleted = internalMutation({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) => {
    if (await deleteOrgData(ctx.db, orgId)) {
      await ctx.scheduler.runAfter(0, internal.sync.onOrganizationDeleted, { orgId });
    }
  },
});
