import { v } from "convex/values";
import { internalMutation } from "./_generated/server.js";
import { cascade, startCascade } from "./lib/cascade.js";

/** The next batch of a cascade (see lib/cascade.ts); schedules itself until done. */
export const next = internalMutation({
  args: { task: cascade },
  returns: v.null(),
  handler: async (ctx, { task }) => {
    await startCascade(ctx, task);
    return null;
  },
});
