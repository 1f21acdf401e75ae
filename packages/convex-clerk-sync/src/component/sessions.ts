import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server.js";
import schema from "./schema.js";

const session = doc(schema, "sessions");

/** A session as Clerk last reported it; `actorId` is set for an impersonation session. */
export const get = query({
  args: { sessionId: v.string() },
  returns: v.union(session, v.null()),
  handler: (ctx, { sessionId }) =>
    ctx.db
      .query("sessions")
      .withIndex("by_clerk_id", (q) => q.eq("clerkId", sessionId))
      .unique(),
});
