import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { auditFields } from "./lib/audit";

/**
 * Tenant data. Every table has `orgId` (Clerk organization id) and every
 * index starts with it, so a query can only ever range over one org.
 */
export default defineSchema({
  lists: defineTable({
    orgId: v.string(),
    name: v.string(),
    archived: v.boolean(),
    createdBy: v.string(),
  }).index("by_org_archived", ["orgId", "archived"]),

  todos: defineTable({
    orgId: v.string(),
    listId: v.id("lists"),
    title: v.string(),
    notes: v.optional(v.string()),
    done: v.boolean(),
    assigneeId: v.optional(v.string()),
    createdBy: v.string(),
    completedAt: v.optional(v.number()),
  })
    // Kept beside by_org_list_done for its order: creation time, not done-then-creation.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org_list", ["orgId", "listId"])
    .index("by_org_list_done", ["orgId", "listId", "done"])
    .index("by_org_list_assignee", ["orgId", "listId", "assigneeId"]),

  /** Who changed what in the organization (lib/audit.ts); newest first by creation time. */
  auditEvents: defineTable(auditFields)
    // Kept beside by_org_kind for its order: creation time across kinds.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_kind", ["orgId", "kind"])
    // A member's entries: an invitation's acceptance replaces the join logged before it (sync.ts).
    .index("by_org_user", ["orgId", "userId"]),
});
