/**
 * Clerk webhook payloads, validated with zod and reduced to the component's
 * `Change` shapes.
 *
 * Validate what the component needs, accept everything Clerk's published
 * schemas allow: a 400 makes Clerk retry for days and the data never syncs.
 * So fields Clerk marks optional or nullable may be absent or null, unknown
 * fields are ignored, and email addresses are not held to ASCII
 * (`josé@bücher.de` is an address). A payload missing what the component
 * cannot do without (an id, a timestamp) is refused before a single write.
 */
import { z } from "zod";
import { normalizeEmail } from "../component/lib/display.js";
import type { Change, InvitationStatus } from "../component/validators.js";

const id = z.string().min(1);
const timestamp = z.number().int().nonnegative();
/** Clerk sends null or "" for absent names and images. */
const text = z
  .string()
  .nullish()
  .transform((s) => (s ? s : undefined));
const metadata = z.record(z.string(), z.unknown()).nullish().transform((m) => m ?? {});
const flag = z.boolean().nullish().transform((b) => b ?? false);
const verified = z
  .object({ status: z.string().nullish() })
  .nullish()
  .transform((v) => v?.status === "verified");

/** Organization roles created before custom roles have legacy keys. */
const LEGACY_ROLES: Record<string, string> = { admin: "org:admin", basic_member: "org:member" };
export const roleKey = (key: string) => LEGACY_ROLES[key] ?? key;
const role = z.string().min(1).transform(roleKey);

const user = z
  .object({
    id,
    first_name: text,
    last_name: text,
    username: text,
    image_url: text,
    has_image: z.boolean().nullish(),
    primary_email_address_id: z.string().nullish(),
    email_addresses: z
      .array(z.object({ id, email_address: z.string(), verification: verified }))
      .nullish()
      .transform((a) => a ?? []),
    primary_phone_number_id: z.string().nullish(),
    phone_numbers: z
      .array(z.object({ id, phone_number: z.string(), verification: verified }))
      .nullish()
      .transform((a) => a ?? []),
    banned: flag,
    locked: flag,
    external_id: text,
    public_metadata: metadata,
    created_at: timestamp,
    updated_at: timestamp,
    last_sign_in_at: timestamp.nullish(),
  })
  .transform((u) => {
    const emailAddresses = u.email_addresses
      .filter((e) => e.email_address.trim())
      .map((e) => ({ id: e.id, email: normalizeEmail(e.email_address), verified: e.verification }));
    const phoneNumbers = u.phone_numbers.map((p) => ({ id: p.id, phoneNumber: p.phone_number, verified: p.verification }));
    return {
      clerkId: u.id,
      firstName: u.first_name,
      lastName: u.last_name,
      username: u.username,
      imageUrl: u.image_url,
      hasImage: u.has_image ?? false,
      primaryEmail: emailAddresses.find((e) => e.id === u.primary_email_address_id)?.email,
      emailAddresses,
      primaryPhoneNumber: phoneNumbers.find((p) => p.id === u.primary_phone_number_id)?.phoneNumber,
      phoneNumbers,
      banned: u.banned,
      locked: u.locked,
      externalId: u.external_id,
      publicMetadata: u.public_metadata,
      createdAt: u.created_at,
      updatedAt: u.updated_at,
      lastSignInAt: u.last_sign_in_at ?? undefined,
    };
  });

const organization = z
  .object({
    id,
    name: z.string(),
    slug: text,
    image_url: text,
    has_image: z.boolean().nullish(),
    members_count: z.number().int().nullish(),
    max_allowed_memberships: z.number().int().nullish(),
    public_metadata: metadata,
    created_by: text,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform((o) => ({
    clerkId: o.id,
    name: o.name,
    slug: o.slug,
    imageUrl: o.image_url,
    hasImage: o.has_image ?? false,
    membersCount: o.members_count ?? undefined,
    maxAllowedMemberships: o.max_allowed_memberships ?? undefined,
    publicMetadata: o.public_metadata,
    createdBy: o.created_by,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  }));

const publicUserData = z
  .object({
    user_id: id,
    identifier: text,
    first_name: text,
    last_name: text,
    image_url: text,
    has_image: z.boolean().nullish(),
  })
  .transform((p) => ({
    clerkId: p.user_id,
    identifier: p.identifier,
    firstName: p.first_name,
    lastName: p.last_name,
    imageUrl: p.image_url,
    hasImage: p.has_image ?? undefined,
  }));

const membership = z
  .object({
    id,
    role,
    role_name: text,
    permissions: z.array(z.string()).nullish(),
    created_at: timestamp,
    updated_at: timestamp,
    organization,
    // Not required by Clerk's schema.
    public_user_data: publicUserData.nullish(),
  })
  .transform((m) => ({
    clerkId: m.id,
    role: m.role,
    roleName: m.role_name,
    permissions: m.permissions ?? [],
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    organization: m.organization,
    user: m.public_user_data ?? undefined,
  }));

const invitationStatus = z.enum(["pending", "accepted", "revoked", "expired"]);

/** `status` is optional in Clerk's schema: the event type says it. */
const invitation = (statusOfEvent: InvitationStatus) =>
  z
    .object({
      id,
      email_address: z.string().trim().min(1),
      role,
      role_name: text,
      organization_id: text,
      status: invitationStatus.nullish(),
      user_id: text,
      created_at: timestamp,
      updated_at: timestamp,
      expires_at: timestamp.nullish(),
    })
    .transform((i) => ({
      clerkId: i.id,
      orgId: i.organization_id,
      email: normalizeEmail(i.email_address),
      role: i.role,
      roleName: i.role_name,
      status: i.status ?? statusOfEvent,
      userId: i.user_id,
      createdAt: i.created_at,
      updatedAt: i.updated_at,
      expiresAt: i.expires_at ?? undefined,
    }));

const session = z
  .object({
    id,
    user_id: id,
    status: z.string().nullish(),
    last_active_organization_id: text,
    actor: z.record(z.string(), z.unknown()).nullish(),
    created_at: timestamp,
    updated_at: timestamp.nullish(),
    user: user.nullish(),
  })
  .transform((s) => ({
    session: {
      clerkId: s.id,
      userId: s.user_id,
      status: s.status ?? "active",
      lastActiveOrgId: s.last_active_organization_id,
      ...(s.actor ? { actor: s.actor } : {}),
      createdAt: s.created_at,
      updatedAt: s.updated_at ?? s.created_at,
    },
    user: s.user ?? undefined,
  }));

const permission = z
  .object({
    id,
    key: z.string().min(1),
    name: z.string(),
    description: text,
    type: text,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform((p) => ({
    clerkId: p.id,
    key: p.key,
    name: p.name,
    description: p.description,
    type: p.type,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }));

const roleObject = z
  .object({
    id,
    key: role,
    name: z.string(),
    description: text,
    is_creator_eligible: z.boolean().nullish(),
    permissions: z.array(permission).nullish(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform((r) => ({
    clerkId: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    isCreatorEligible: r.is_creator_eligible ?? undefined,
    permissions: r.permissions ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));

const deleted = z.object({ id, deleted: z.literal(true).optional() });

/** How each known event type's `data` becomes a change. */
const handlers: Record<string, z.ZodType<Change>> = {
  "user.created": user.transform((u) => ({ kind: "user.upsert" as const, user: u })),
  "user.updated": user.transform((u) => ({ kind: "user.upsert" as const, user: u })),
  "user.deleted": deleted.transform((d) => ({ kind: "user.delete" as const, userId: d.id })),
  "organization.created": organization.transform((o) => ({ kind: "organization.upsert" as const, organization: o })),
  "organization.updated": organization.transform((o) => ({ kind: "organization.upsert" as const, organization: o })),
  "organization.deleted": deleted.transform((d) => ({ kind: "organization.delete" as const, orgId: d.id })),
  "organizationMembership.created": membership.transform((m) => ({ kind: "membership.upsert" as const, membership: m })),
  "organizationMembership.updated": membership.transform((m) => ({ kind: "membership.upsert" as const, membership: m })),
  "organizationMembership.deleted": membership.transform((m) => ({ kind: "membership.delete" as const, membership: m })),
  "organizationInvitation.created": invitation("pending").transform((i) => ({ kind: "invitation.upsert" as const, invitation: i })),
  "organizationInvitation.accepted": invitation("accepted").transform((i) => ({ kind: "invitation.upsert" as const, invitation: i })),
  "organizationInvitation.revoked": invitation("revoked").transform((i) => ({ kind: "invitation.upsert" as const, invitation: i })),
  "session.created": session.transform((s) => ({ kind: "session.created" as const, ...s })),
  ...Object.fromEntries(
    ["session.pending", "session.ended", "session.removed", "session.revoked"].map((type) => [
      type,
      session.transform((s) => ({ kind: "session.upsert" as const, session: s.session })),
    ]),
  ),
  "role.created": roleObject.transform((r) => ({ kind: "role.upsert" as const, role: r })),
  "role.updated": roleObject.transform((r) => ({ kind: "role.upsert" as const, role: r })),
  "role.deleted": deleted.transform((d) => ({ kind: "role.delete" as const, roleId: d.id })),
  "permission.created": permission.transform((p) => ({ kind: "permission.upsert" as const, permission: p })),
  "permission.updated": permission.transform((p) => ({ kind: "permission.upsert" as const, permission: p })),
  "permission.deleted": deleted.transform((d) => ({ kind: "permission.delete" as const, permissionId: d.id })),
};

/** The event types to subscribe the Clerk webhook endpoint to. */
export const SUBSCRIBED_EVENTS = Object.keys(handlers);

const envelope = z.object({
  type: z.string().min(1),
  object: z.literal("event").optional(),
  data: z.unknown(),
  timestamp: timestamp.optional(),
  instance_id: z.string().nullish(),
});

/**
 * Real deliveries give `timestamp` in milliseconds; some of Clerk's
 * published examples give seconds. Anything before 1973 in milliseconds is
 * taken as seconds.
 */
const toMillis = (t: number) => (t < 1e11 ? t * 1000 : t);

export type ParsedEvent = { type: string; occurredAt: number; instanceId?: string; change: Change };

/** Returns the change, or a message saying why the payload is invalid (fields and reasons, never values). */
export function parseClerkEvent(
  json: unknown,
  now: number,
): { ok: true; event: ParsedEvent } | { ok: false; error: string } {
  const env = envelope.safeParse(json);
  if (!env.success) return { ok: false, error: `invalid envelope: ${z.prettifyError(env.error)}` };
  const { type, data, timestamp } = env.data;
  const occurredAt = timestamp === undefined ? now : toMillis(timestamp);
  const instanceId = env.data.instance_id ?? undefined;
  const handler = handlers[type];
  if (!handler) return { ok: true, event: { type, occurredAt, instanceId, change: { kind: "ignored" } } };
  const parsed = handler.safeParse(data);
  if (!parsed.success) return { ok: false, error: `invalid ${type}: ${z.prettifyError(parsed.error)}` };
  return { ok: true, event: { type, occurredAt, instanceId, change: parsed.data } };
}
