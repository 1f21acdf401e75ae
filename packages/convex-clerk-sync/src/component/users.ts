import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server.js";
import { normalizeEmail } from "./lib/display.js";
import { findUser, findUserByVerifiedEmail } from "./lib/users.js";
import schema from "./schema.js";

const user = doc(schema, "users");

export const getByClerkId = query({
  args: { clerkId: v.string() },
  returns: v.union(user, v.null()),
  handler: (ctx, { clerkId }) => findUser(ctx.db, clerkId),
});

/**
 * The user who has verified this address (any of theirs, primary or not),
 * matched case-insensitively. An unverified address matches nobody: anyone
 * can add one to their account.
 */
export const getByEmail = query({
  args: { email: v.string() },
  returns: v.union(user, v.null()),
  handler: (ctx, { email }) => findUserByVerifiedEmail(ctx.db, normalizeEmail(email)),
});
