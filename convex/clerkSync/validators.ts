/**
 * Validators for the normalized Clerk changes the component ingests.
 *
 * The client turns Clerk's raw webhook payloads (snake_case, nullable fields)
 * into these shapes with zod before calling `ingest`; the component validates
 * them again at its boundary so it never trusts its caller blindly.
 */
import { v, type Infer } from "convex/values";

const optionalString = v.optional(v.string());

export const userFields = v.object({
  clerkId: v.string(),
  firstName: optionalString,
  lastName: optionalString,
  username: optionalString,
  imageUrl: optionalString,
  primaryEmail: optionalString,
  emails: v.array(v.string()),
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
  membersCount: v.optional(v.number()),
  maxAllowedMemberships: v.optional(v.number()),
  publicMetadata: v.any(),
  createdBy: optionalString,
  createdAt: v.number(),
  updatedAt: v.number(),
});
export type OrganizationFields = Infer<typeof organizationFields>;

/** Clerk's `public_user_data`, embedded in every membership payload. */
export const publicUserData = v.object({
  clerkId: v.string(),
  identifier: optionalString,
  firstName: optionalString,
  lastName: optionalString,
  imageUrl: optionalString,
});
export type PublicUserData = Infer<typeof publicUserData>;

export const membershipFields = v.object({
  clerkId: v.string(),
  role: v.string(),
  permissions: v.array(v.string()),
  createdAt: v.number(),
  updatedAt: v.number(),
  organization: organizationFields,
  user: publicUserData,
});
export type MembershipFields = Infer<typeof membershipFields>;

export const invitationStatus = v.union(
  v.literal("pending"),
  v.literal("accepted"),
  v.literal("revoked"),
  v.literal("expired"),
);

export const invitationFields = v.object({
  clerkId: v.string(),
  orgId: v.string(),
  email: v.string(),
  role: v.string(),
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
  lastActiveOrgId: optionalString,
  createdAt: v.number(),
});

/** One verified Clerk event, reduced to what the component stores. */
export const change = v.union(
  v.object({ kind: v.literal("user.upsert"), user: userFields }),
  v.object({ kind: v.literal("user.delete"), userId: v.string() }),
  v.object({ kind: v.literal("organization.upsert"), organization: organizationFields }),
  v.object({ kind: v.literal("organization.delete"), orgId: v.string() }),
  v.object({ kind: v.literal("membership.upsert"), membership: membershipFields }),
  v.object({ kind: v.literal("membership.delete"), membership: membershipFields }),
  v.object({ kind: v.literal("invitation.upsert"), invitation: invitationFields }),
  v.object({ kind: v.literal("session.created"), session: sessionFields }),
  v.object({ kind: v.literal("ignored") }),
);
export type Change = Infer<typeof change>;

/**
 * Function handles (from `createFunctionHandle`) of app mutations the
 * component calls inside the ingest transaction.
 */
export const callbacks = v.object({
  onUserDeleted: v.optional(v.string()),
  onOrganizationDeleted: v.optional(v.string()),
  onOrganizationRenamed: v.optional(v.string()),
  onMembershipChanged: v.optional(v.string()),
  onInvitationChanged: v.optional(v.string()),
});
export type Callbacks = Infer<typeof callbacks>;

export const outcome = v.union(
  v.literal("applied"),
  v.literal("stale"),
  v.literal("duplicate"),
  v.literal("ignored"),
);
export type Outcome = Infer<typeof outcome>;

export const entityKind = v.union(
  v.literal("user"),
  v.literal("organization"),
  v.literal("membership"),
  v.literal("invitation"),
);
export type EntityKind = Infer<typeof entityKind>;

/** Why a delivery was refused before ingest: the webhook route's 401, 400 and 413. */
export const rejection = v.union(v.literal("signature"), v.literal("payload"), v.literal("size"));
export type Rejection = Infer<typeof rejection>;
