import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { entityKind, invitationStatus, outcome } from "./validators";

const optionalString = v.optional(v.string());

export default defineSchema({
  users: defineTable({
    clerkId: v.string(),
    firstName: optionalString,
    lastName: optionalString,
    username: optionalString,
    imageUrl: optionalString,
    /** Lower-cased, so lookups by email are case-insensitive. */
    primaryEmail: optionalString,
    emails: v.array(v.string()),
    externalId: optionalString,
    publicMetadata: v.any(),
    createdAt: v.number(),
    /** Clerk's `updated_at`; 0 for a stub, so any real event replaces it. */
    updatedAt: v.number(),
    lastSignInAt: v.optional(v.number()),
    lastActiveOrgId: optionalString,
    /** Created from a membership or session that arrived before `user.created`. */
    stub: v.boolean(),
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_email", ["primaryEmail"]),

  organizations: defineTable({
    clerkId: v.string(),
    name: v.string(),
    slug: optionalString,
    imageUrl: optionalString,
    membersCount: v.optional(v.number()),
    maxAllowedMemberships: v.optional(v.number()),
    publicMetadata: v.any(),
    createdBy: optionalString,
    createdAt: v.number(),
    updatedAt: v.number(),
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_slug", ["slug"]),

  /**
   * One row per (organization, user). The user's display fields are copied
   * here so a page of members costs one read per member, and `searchText`
   * makes the list searchable by name or email.
   */
  memberships: defineTable({
    clerkId: v.string(),
    orgId: v.string(),
    userId: v.string(),
    role: v.string(),
    permissions: v.array(v.string()),
    createdAt: v.number(),
    updatedAt: v.number(),
    firstName: optionalString,
    lastName: optionalString,
    email: optionalString,
    imageUrl: optionalString,
    searchText: v.string(),
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_org_user", ["orgId", "userId"])
    .index("by_user", ["userId"])
    .index("by_org_role", ["orgId", "role"])
    .searchIndex("search_members", { searchField: "searchText", filterFields: ["orgId"] }),

  invitations: defineTable({
    clerkId: v.string(),
    orgId: v.string(),
    email: v.string(),
    role: v.string(),
    status: invitationStatus,
    userId: optionalString,
    createdAt: v.number(),
    updatedAt: v.number(),
    expiresAt: v.optional(v.number()),
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_org_status", ["orgId", "status"]),

  /** Every delivery seen, keyed by `svix-id`: a replay is a no-op. */
  webhookEvents: defineTable({
    svixId: v.string(),
    type: v.string(),
    outcome,
    occurredAt: v.number(),
    receivedAt: v.number(),
  }).index("by_svix_id", ["svixId"]),

  /** Deleted entities, so a late `created`/`updated` cannot bring them back. */
  tombstones: defineTable({
    entity: entityKind,
    clerkId: v.string(),
    deletedAt: v.number(),
  }).index("by_entity_clerk_id", ["entity", "clerkId"]),
});
