/**
 * Records → Clerk's Backend API JSON (responses and webhook `data`). Field
 * names follow Clerk's payloads; `@clerk/backend` deserializes these and the
 * sync component validates them, so constant fields Clerk always sends
 * (`object`, `has_image`, `linked_to`, …) are filled in here. The Frontend
 * API's shapes (what clerk-js reads) are in fapi/json.ts.
 */
import type { InvitationRecord, MembershipRecord, OrganizationRecord, SessionRecord, State, UserRecord } from "./store";

export function primaryEmail(user: UserRecord): string | null {
  return user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? null;
}

export function fullName(user: UserRecord): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}

export function userJson(user: UserRecord) {
  return {
    id: user.id,
    object: "user",
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    image_url: "",
    has_image: false,
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: user.password !== null,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: user.email_addresses.map((e) => ({
      id: e.id,
      object: "email_address",
      email_address: e.email_address,
      reserved: false,
      verification:
        e.verified === false
          ? { status: "unverified", strategy: "email_code", attempts: e.verification?.attempts ?? 0, expire_at: e.verification?.expire_at ?? null }
          : { status: "verified", strategy: e.verification ? "email_code" : "admin", attempts: null, expire_at: null },
      linked_to: [],
    })),
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    external_id: user.external_id,
    public_metadata: user.public_metadata,
    private_metadata: user.private_metadata,
    unsafe_metadata: user.unsafe_metadata,
    banned: false,
    locked: false,
    last_sign_in_at: user.last_sign_in_at,
    last_active_at: user.last_sign_in_at,
    create_organization_enabled: true,
    delete_self_enabled: true,
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}

export function organizationJson(state: State, org: OrganizationRecord) {
  return {
    id: org.id,
    object: "organization",
    name: org.name,
    slug: org.slug,
    image_url: "",
    has_image: false,
    members_count: state.memberships.filter((m) => m.organization_id === org.id).length,
    pending_invitations_count: state.invitations.filter((i) => i.organization_id === org.id && i.status === "pending").length,
    max_allowed_memberships: org.max_allowed_memberships,
    admin_delete_enabled: true,
    public_metadata: org.public_metadata,
    private_metadata: org.private_metadata,
    created_by: org.created_by,
    created_at: org.created_at,
    updated_at: org.updated_at,
  };
}

export function publicUserData(user: UserRecord) {
  return {
    user_id: user.id,
    identifier: primaryEmail(user) ?? user.username ?? user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    image_url: "",
    has_image: false,
  };
}

export function membershipJson(state: State, m: MembershipRecord, org: OrganizationRecord, user: UserRecord) {
  return {
    id: m.id,
    object: "organization_membership",
    role: m.role,
    role_name: roleName(state, m.role),
    permissions: state.settings.roles[m.role]?.permissions ?? [],
    public_metadata: m.public_metadata,
    private_metadata: {},
    created_at: m.created_at,
    updated_at: m.updated_at,
    organization: organizationJson(state, org),
    public_user_data: publicUserData(user),
  };
}

/** `publicUrl`: the Frontend API's base, where the invitation link (`url`) checks the ticket. */
export function invitationJson(state: State, inv: InvitationRecord, org: OrganizationRecord | undefined, publicUrl: string) {
  return {
    id: inv.id,
    object: "organization_invitation",
    email_address: inv.email_address,
    role: inv.role,
    role_name: roleName(state, inv.role),
    organization_id: inv.organization_id,
    public_organization_data: org ? { id: org.id, name: org.name, slug: org.slug, image_url: "", has_image: false } : null,
    status: inv.status,
    url: inv.status === "pending" ? `${publicUrl}/v1/tickets/accept?ticket=${inv.ticket}` : null,
    user_id: inv.user_id,
    public_metadata: inv.public_metadata,
    private_metadata: {},
    created_at: inv.created_at,
    updated_at: inv.updated_at,
    expires_at: inv.expires_at,
  };
}

export function sessionJson(s: SessionRecord, status: SessionRecord["status"] | "pending") {
  return {
    id: s.id,
    object: "session",
    client_id: s.client_id ?? "",
    user_id: s.user_id,
    status,
    last_active_organization_id: s.last_active_organization_id,
    last_active_at: s.last_active_at,
    expire_at: s.created_at + 7 * 86_400_000,
    abandon_at: s.created_at + 30 * 86_400_000,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

export const deletedJson = (id: string, object: string) => ({ id, object, deleted: true });

/** The role's display name from the settings ("org:admin" → "Admin"). */
export function roleName(state: State, role: string): string {
  return state.settings.roles[role]?.name ?? role.replace(/^org:/, "");
}
