import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { auditFields } from "./lib/audit";
import { departureFields } from "./lib/departures";
import { todoFields } from "./lib/todoFields";

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

  /**
   * `order` is the list's own order (a fractional key, lib/order.ts);
   * `priority` 1 (high) … 4 (none); `dueDate` a calendar day "YYYY-MM-DD";
   * `searchText` title and notes, for the search index.
   */
  todos: defineTable(todoFields)
    // The list in its own order, done or not (appending, purging).
    .index("by_org_list", ["orgId", "listId", "order"])
    // One index per view of a list: open or done, by own order, due date or priority…
    .index("by_org_list_done", ["orgId", "listId", "done", "order"])
    .index("by_org_list_done_due", ["orgId", "listId", "done", "dueDate", "order"])
    .index("by_org_list_done_priority", ["orgId", "listId", "done", "priority", "order"])
    // …and the same for one assignee ("Mine").
    .index("by_org_list_assignee", ["orgId", "listId", "assigneeId", "done", "order"])
    .index("by_org_list_assignee_due", ["orgId", "listId", "assigneeId", "done", "dueDate", "order"])
    .index("by_org_list_assignee_priority", ["orgId", "listId", "assigneeId", "done", "priority", "order"])
    // One member's todos across the org's lists, by due date ("My todos", a member's page).
    .index("by_org_assignee_due", ["orgId", "assigneeId", "done", "dueDate"])
    .searchIndex("search_text", { searchField: "searchText", filterFields: ["orgId"] }),

  /** Deleted todos kept for a few minutes so "Undo" restores them exactly (lib/trash.ts). */
  deletedTodos: defineTable({
    orgId: v.string(),
    batchId: v.string(),
    deletedBy: v.string(),
    todo: v.object(todoFields),
  }).index("by_org_batch", ["orgId", "batchId"]),

  /** Why a user lost access to an organization: told on their next look at it (lib/departures.ts). */
  departures: defineTable(departureFields).index("by_org_user", ["orgId", "userId"]),

  /** Who changed what in the organization (lib/audit.ts); newest first by creation time. */
  auditEvents: defineTable(auditFields)
    // Kept beside by_org_kind for its order: creation time across kinds.
    // eslint-disable-next-line @convex-dev/no-duplicate-indexes
    .index("by_org", ["orgId"])
    .index("by_org_kind", ["orgId", "kind"])
    // A member's entries: an invitation's acceptance replaces the join logged before it (sync.ts).
    .index("by_org_user", ["orgId", "userId"]),
});
