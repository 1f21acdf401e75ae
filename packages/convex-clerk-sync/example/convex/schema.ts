import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

/** The example app's own data: notes per organization, and what Clerk reported. */
export default defineSchema({
  notes: defineTable({ orgId: v.string(), text: v.string() }).index("by_org", ["orgId"]),
  /** One row per event the component reported (see clerkSync.ts). */
  activity: defineTable({
    kind: v.string(),
    orgId: v.optional(v.string()),
    userId: v.optional(v.string()),
    detail: v.optional(v.string()),
    actorId: v.optional(v.string()),
    impersonatorId: v.optional(v.string()),
  }).index("by_org", ["orgId"]),
});
