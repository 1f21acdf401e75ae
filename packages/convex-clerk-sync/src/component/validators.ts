/**
 * Validators for the normalized Clerk changes the component ingests, and for
 * the events it reports to the app.
 *
 * The client turns Clerk's raw webhook payloads (snake_case, nullable fields)
 * into these shapes with zod before calling `ingest`; the component validates
 * them again at its boundary so it never trusts its caller blindly. The app's
 * event handler (`ClerkSync.events`) is generated with `clerkSyncEvent`, so the
 * app never repeats these shapes.
 */
import { v, type Infer } from "convex/values";

const optionalString = v.optional(v.string());

/** One of a user's email addresses, lower-cased; only verified ones answer lookups by email. */
export const emailAddress = v.object({ id: v.string(), email: v.string(), verified: v.boolean() });
export const phoneNumber = v.object({ id: v.string(), phoneNumber: v.string(), verified: v.boolean() });

export const userFields = v.object({
  clerkId: v.string(),
  firstName: optionalString,
  lastName: optionalString,
  username: optionalString,
  imageUrl: optionalString,
  hasImage: v.boolean(),
  /** The primary address, lower-cased (verified or not: see `emailAddresses`). */
  primaryEmail: optionalString,
  emailAddresses: v.array(emailAddress),
  primaryPhoneNumber: optionalString,
  phoneNumbers: v.array(phoneNumber),
  banned: v.boolean(),
  locked: v.boolean(),
  externalId: optionalString,
  publicMetadata: v.any(),
  createdAt: v.number(),
  updatedAt: v.number(),
  lastSignInAt: v.optional(v.number()),
});
export type UserFields = Infer<typeof userFields>;

export const organizationFields = v.object({
  clerkId: v.string(),
  name: v.string(),
  slug: optionalString,
  imageUrl: optionalString,
  hasImage: v.boolean(),
  membersCount: v.optional(v.number()),
  maxAllowedMemberships: v.optional(v.number()),
  publicMetadata: v.any(),
  createdBy: optionalString,
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type OrganizationFields = Infer<typeof organizationFields>;

/** Clerk's `public_user_data`, embedded in membership payloads (optional in Clerk's schema). */
export const publicUserData = v.object({
  clerkId: v.string(),
  identifier: optionalString,
  firstName: optionalString,
  lastName: optionalString,
  imageUrl: optionalString,
  hasImage: v.optional(v.boolean()),
});
export type PublicUserData = Infer<typeof publicUserData>;

export const membershipFields = v.object({
  clerkId: v.string(),
  role: v.string(),
  roleName: optionalString,
  permissions: v.array(v.string()),
  createdAt: v.number(),
  updatedAt: v.number(),
  organization: organizationFields,
  /** Absent when Clerk sends no `public_user_data`: only a membership already known can then be updated. */
  user: v.optional(publicUserData),
});
export type MembershipFields = Infer<typeof membershipFields>;

export const invitationStatus = v.union(
  v.literal("pending"),
  v.literal("accepted"),
  v.literal("revoked"),
  v.literal("expired"),
);
export type InvitationStatus = Infer<typeof invitationStatus>;

export const invitationFields = v.object({
  clerkId: v.string(),
  /** Optional in Clerk's schema; a later event (or the stored row) supplies it. */
  orgId: optionalString,
  email: v.string(),
  role: v.string(),
  roleName: optionalString,
  status: invitationStatus,
  userId: optionalString,
  createdAt: v.number(),
  updatedAt: v.number(),
  expiresAt: v.optional(v.number()),
});
export type InvitationFields = Infer<typeof invitationFields>;

export const sessionFields = v.object({
  clerkId: v.string(),
  userId: v.string(),
  status: v.string(),
  lastActiveOrgId: optionalString,
  /** Clerk's `actor` of an impersonation session (`{ sub: <impersonator's user id>, … }`). */
  actor: v.optional(v.any()),
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type SessionFields = Infer<typeof sessionFields>;

export const permissionFields = v.object({
  clerkId: v.string(),
  key: v.string(),
  name: v.string(),
  description: optionalString,
  type: optionalString,
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type PermissionFields = Infer<typeof permissionFields>;

export const roleFields = v.object({
  clerkId: v.string(),
  key: v.string(),
  name: v.string(),
  description: optionalString,
  isCreatorEligible: v.optional(v.boolean()),
  permissions: v.array(permissionFields),
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type RoleFields = Infer<typeof roleFields>;

/** One verified Clerk event, reduced to what the component stores. */
export const change = v.union(
  v.object({ kind: v.literal("user.upsert"), user: userFields }),
  v.object({ kind: v.literal("user.delete"), userId: v.string() }),
  v.object({ kind: v.literal("organization.upsert"), organization: organizationFields }),
  v.object({ kind: v.literal("organization.delete"), orgId: v.string() }),
  v.object({ kind: v.literal("membership.upsert"), membership: membershipFields }),
  v.object({ kind: v.literal("membership.delete"), membership: membershipFields }),
  v.object({ kind: v.literal("invitation.upsert"), invitation: invitationFields }),
  /** A sign-in: the session, the user embedded in it, the user's last sign-in and active organization. */
  v.object({ kind: v.literal("session.created"), session: sessionFields, user: v.optional(userFields) }),
  /** A later state of a session (ended, removed, revoked, pending). */
  v.object({ kind: v.literal("session.upsert"), session: sessionFields }),
  v.object({ kind: v.literal("role.upsert"), role: roleFields }),
  v.object({ kind: v.literal("role.delete"), roleId: v.string() }),
  v.object({ kind: v.literal("permission.upsert"), permission: permissionFields }),
  v.object({ kind: v.literal("permission.delete"), permissionId: v.string() }),
  v.object({ kind: v.literal("ignored") }),
);
export type Change = Infer<typeof change>;

/** Who made a change through the app (an admin action's write-through), and who impersonated them. */
export const actor = v.object({ userId: v.string(), impersonatorId: optionalString });
export type Actor = Infer<typeof actor>;

const actorField = { actor: v.optional(actor) };

/**
 * What the component reports to the app's `clerkSyncEvent` mutation, in the
 * transaction of the change. `actor` is set for app write-throughs; a change
 * without it came from Clerk.
 */
export const clerkSyncEvent = v.union(
  /** Reported once, however often Clerk delivers it; memberships go with it (in batches). */
  v.object({ kind: v.literal("user.deleted"), userId: v.string() }),
  /** Reported once; memberships and invitations go with it (in batches beyond one transaction). */
  v.object({ kind: v.literal("organization.deleted"), orgId: v.string() }),
  v.object({ kind: v.literal("organization.renamed"), orgId: v.string(), name: v.string(), previousName: v.string(), ...actorField }),
  /**
   * role null: removed; previousRole null: added. `invitationId`: the member
   * joined by accepting this invitation, whose acceptance was reported first.
   */
  v.object({
    kind: v.literal("membership.changed"),
    orgId: v.string(),
    userId: v.string(),
    role: v.union(v.string(), v.null()),
    previousRole: v.union(v.string(), v.null()),
    invitationId: optionalString,
    ...actorField,
  }),
  /**
   * A new invitation (previousStatus null) or a new status. For an
   * acceptance, `membershipReported` says the membership it created was
   * reported first (as `membership.changed` without `invitationId`).
   */
  v.object({
    kind: v.literal("invitation.changed"),
    orgId: optionalString,
    invitationId: v.string(),
    email: v.string(),
    role: v.string(),
    status: invitationStatus,
    previousStatus: v.union(invitationStatus, v.null()),
    userId: optionalString,
    membershipReported: v.optional(v.boolean()),
    ...actorField,
  }),
);
export type ClerkSyncEvent = Infer<typeof clerkSyncEvent>;

export const outcome = v.union(
  v.literal("applied"),
  v.literal("stale"),
  v.literal("duplicate"),
  v.literal("ignored"),
);
export type Outcome = Infer<typeof outcome>;

/** What a tombstone or a reconciliation mark is about. */
export const entityKind = v.union(
  v.literal("user"),
  v.literal("organization"),
  v.literal("membership"),
  v.literal("invitation"),
  v.literal("role"),
  v.literal("permission"),
);
export type EntityKind = Infer<typeof entityKind>;

/** What a reconciliation reads back from Clerk and sweeps. */
export const reconciledKind = v.union(
  v.literal("user"),
  v.literal("organization"),
  v.literal("membership"),
  v.literal("invitation"),
);
export type ReconciledKind = Infer<typeof reconciledKind>;

/** Why a delivery was refused before ingest: the webhook route's 401, 400, 413 and 403 (another instance). */
export const rejection = v.union(v.literal("signature"), v.literal("payload"), v.literal("size"), v.literal("instance"));
export type Rejection = Infer<typeof rejection>;
