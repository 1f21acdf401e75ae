/**
 * Clerk webhook payloads, validated with zod and reduced to the component's
 * `Change` shapes. Field names and nullability follow Clerk's payloads;
 * anything that does not fit is rejected before a single write.
 */
import { z } from "zod";
import type { Change } from "../clerkSync/validators";

const id = z.string().min(1);
const timestamp = z.number().int().nonnegative();
/** Clerk sends null or "" for absent names and images. */
const text = z
  .string()
  .nullish()
  .transform((s) => (s ? s : undefined));
const metadata = z.record(z.string(), z.unknown()).nullish().transform((m) => m ?? {});

const user = z
  .object({
    id,
    first_name: text,
    last_name: text,
    username: text,
    image_url: text,
    primary_email_address_id: z.string().nullish(),
    email_addresses: z.array(z.object({ id, email_address: z.string() })).default([]),
    external_id: text,
    public_metadata: metadata,
    created_at: timestamp,
    updated_at: timestamp,
    last_sign_in_at: timestamp.nullish(),
  })
  .transform((u) => ({
    clerkId: u.id,
    firstName: u.first_name,
    lastName: u.last_name,
    username: u.username,
    imageUrl: u.image_url,
    primaryEmail: u.email_addresses.find((e) => e.id === u.primary_email_address_id)?.email_address,
    emails: u.email_addresses.map((e) => e.email_address),
    externalId: u.external_id,
    publicMetadata: u.public_metadata,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
    lastSignInAt: u.last_sign_in_at ?? undefined,
  }));

const organization = z
  .object({
    id,
    name: z.string(),
    slug: text,
    image_url: text,
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
    membersCount: o.members_count ?? undefined,
    maxAllowedMemberships: o.max_allowed_memberships ?? undefined,
    publicMetadata: o.public_metadata,
    createdBy: o.created_by,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  }));

const membership = z
  .object({
    id,
    role: z.string().min(1),
    permissions: z.array(z.string()).nullish(),
    created_at: timestamp,
    updated_at: timestamp,
    organization,
    public_user_data: z.object({
      user_id: id,
      identifier: text,
      first_name: text,
      last_name: text,
      image_url: text,
    }),
  })
  .transform((m) => ({
    clerkId: m.id,
    role: m.role,
    permissions: m.permissions ?? [],
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    organization: m.organization,
    user: {
      clerkId: m.public_user_data.user_id,
      identifier: m.public_user_data.identifier,
      firstName: m.public_user_data.first_name,
      lastName: m.public_user_data.last_name,
      imageUrl: m.public_user_data.image_url,
    },
  }));

const invitation = z
  .object({
    id,
    email_address: z.email(),
    role: z.string().min(1),
    organization_id: id,
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    user_id: text,
    created_at: timestamp,
    updated_at: timestamp,
    expires_at: timestamp.nullish(),
  })
  .transform((i) => ({
    clerkId: i.id,
    orgId: i.organization_id,
    email: i.email_address.toLowerCase(),
    role: i.role,
    status: i.status,
    userId: i.user_id,
    createdAt: i.created_at,
    updatedAt: i.updated_at,
    expiresAt: i.expires_at ?? undefined,
  }));

const session = z
  .object({ id, user_id: id, last_active_organization_id: text, created_at: timestamp })
  .transform((s) => ({
    clerkId: s.id,
    userId: s.user_id,
    lastActiveOrgId: s.last_active_organization_id,
    createdAt: s.created_at,
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
  "organizationInvitation.created": invitation.transform((i) => ({ kind: "invitation.upsert" as const, invitation: i })),
  "organizationInvitation.accepted": invitation.transform((i) => ({ kind: "invitation.upsert" as const, invitation: i })),
  "organizationInvitation.revoked": invitation.transform((i) => ({ kind: "invitation.upsert" as const, invitation: i })),
  "session.created": session.transform((s) => ({ kind: "session.created" as const, session: s })),
};

export const SUBSCRIBED_EVENTS = Object.keys(handlers);

const envelope = z.object({
  type: z.string().min(1),
  object: z.literal("event").optional(),
  data: z.unknown(),
  timestamp: timestamp.optional(),
});

export type ParsedEvent = { type: string; occurredAt: number; change: Change };

/** Returns the change, or a message saying why the payload is invalid. */
export function parseClerkEvent(
  json: unknown,
  now: number,
): { ok: true; event: ParsedEvent } | { ok: false; error: string } {
  const env = envelope.safeParse(json);
  if (!env.success) return { ok: false, error: `invalid envelope: ${z.prettifyError(env.error)}` };
  const { type, data, timestamp: occurredAt = now } = env.data;
  const handler = handlers[type];
  if (!handler) return { ok: true, event: { type, occurredAt, change: { kind: "ignored" } } };
  const parsed = handler.safeParse(data);
  if (!parsed.success) return { ok: false, error: `invalid ${type}: ${z.prettifyError(parsed.error)}` };
  return { ok: true, event: { type, occurredAt, change: parsed.data } };
}
