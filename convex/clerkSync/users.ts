import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server";
import { findUser } from "./lib/users";
import schema from "./schema";

const user = doc(schema, "users");

export const getByClerkId = query({
  args: { clerkId: v.string() },
  returns: v.union(user, v.null()),
  handler: (ctx, { clerkId }) => findUser(ctx.db, clerkId),
});

export const getByEmail = query({
  args: { email: v.string() },
  returns: v.union(user, v.null()),
  handler: (ctx, { email }) =>
    ctx.db
      .query("users")
      .withIndex("by_email", (q) => q.eq("primaryEmail", email.trim().toLowerCase()))
      .first(),
});
