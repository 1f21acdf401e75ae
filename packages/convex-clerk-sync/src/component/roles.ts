import { v } from "convex/values";
import { doc } from "convex-helpers/validators";
import { query } from "./_generated/server.js";
import schema from "./schema.js";

const role = doc(schema, "roles");

/** Clerk caps custom roles per instance far below this. */
const MAX_ROLES = 200;

/** A role by key (`org:admin`, `org:editor`), with its permissions. */
export const get = query({
  args: { key: v.string() },
  returns: v.union(role, v.null()),
  handler: (ctx, { key }) =>
    ctx.db
      .query("roles")
      .withIndex("by_key", (q) => q.eq("key", key))
      .first(),
});

/** Every synced role, by key. */
export const list = query({
  args: {},
  returns: v.array(role),
  handler: (ctx) => ctx.db.query("roles").withIndex("by_key").take(MAX_ROLES),
});
