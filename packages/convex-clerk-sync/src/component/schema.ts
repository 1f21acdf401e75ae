import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { reconciliationFields } from "./lib/reconcileState.js";
import {
  entityKind,
  invitationFields,
  organizationFields,
  outcome,
  permissionFields,
  reconciledKind,
  rejection,
  roleFields,
  sessionFields,
  userFields,
} from "./validators.js";

const optionalString = v.optional(v.string());

export default defineSchema({
  users: defineTable({
    ...userFields.fields,
    lastActiveOrgId: optionalString,
    /**
     * Made from a membership or session that arrived before `user.created`;
     * its `updatedAt` is 0, so any real user event replaces it.
     */
    stub: v.boolean(),
  }).index("by_clerk_id", ["clerkId"]),

  /** Every address of every user, lower-cased: lookups by email match verified ones only. */
  emailAddresses: defineTable({ clerkId: v.string(), userId: v.string(), email: v.string(), verified: v.boolean() })
    .index("by_email_verified", ["email", "verified"])
    .index("by_user", ["userId"]),

  organizations: defineTable(organizationFields.fields)
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
    roleName: optionalString,
    /** As Clerk last sent them; reads answer the role's current ones when the role changed since. */
    permissions: v.array(v.string()),
    createdAt: v.number(),
    updatedAt: v.number(),
    firstName: optionalString,
    lastName: optionalString,
    email: optionalString,
    imageUrl: optionalString,
    searchText: v.string(),
    /** The accepted invitation the member joined by, once both are synced. */
    invitationId: optionalString,
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_org_user", ["orgId", "userId"])
    .index("by_user", ["userId"])
    .index("by_org_role", ["orgId", "role"])
    .searchIndex("search_members", { searchField: "searchText", filterFields: ["orgId"] }),

  invitations: defineTable({
    ...invitationFields.fields,
    /** The membership an accepted invitation created, once both are synced. */
    membershipId: optionalString,
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_org_status", ["orgId", "status"])
    .index("by_org_user", ["orgId", "userId"]),

  /** Organization roles with their permissions (`role.*`, `permission.*`). */
  roles: defineTable({
    ...roleFields.fields,
    /** When the permission list last changed (a role edit, or a permission renamed or deleted). */
    permissionsAt: v.number(),
  })
    .index("by_clerk_id", ["clerkId"])
    .index("by_key", ["key"]),

  permissions: defineTable(permissionFields.fields).index("by_clerk_id", ["clerkId"]),

  /** Sessions as Clerk reported them; `actorId` names the impersonator of an impersonation session. */
  sessions: defineTable({ ...sessionFields.fields, actorId: optionalString })
    .index("by_clerk_id", ["clerkId"])
    .index("by_user", ["userId"])
    .index("by_updated_at", ["updatedAt"]),

  /** Every delivery seen, keyed by `svix-id`: a replay is a no-op. */
  webhookEvents: defineTable({
    svixId: v.string(),
    type: v.string(),
    outcome,
    instanceId: optionalString,
    occurredAt: v.number(),
    receivedAt: v.number(),
  })
    .index("by_svix_id", ["svixId"])
    .index("by_received_at", ["receivedAt"]),

  /**
   * Deliveries refused before ingest (bad signature, invalid payload),
   * counted per hour and reason: a flood of forgeries costs one document.
   */
  webhookRejections: defineTable({ hour: v.number(), reason: rejection, count: v.number() })
    .index("by_hour_reason", ["hour", "reason"]),

  /** Reconciliation runs: the active one's phase, cursor and counts, then each result. */
  reconciliations: defineTable(reconciliationFields)
    .index("by_status", ["status"])
    .index("by_finished_at", ["finishedAt"]),

  /** What the active run has read from Clerk; anything older and unmarked is swept. */
  reconcileMarks: defineTable({ run: v.id("reconciliations"), entity: reconciledKind, clerkId: v.string() })
    .index("by_run_entity_clerk_id", ["run", "entity", "clerkId"]),

  /** Deleted entities, so a late `created`/`updated` cannot bring them back. */
  tombstones: defineTable({
    entity: entityKind,
    clerkId: v.string(),
    deletedAt: v.number(),
  }).index("by_entity_clerk_id", ["entity", "clerkId"]),
});
