/**
 * Clerk webhook payloads for tests, complete as Clerk sends them: each
 * builder's result has the shape of `@clerk/backend`'s JSON types
 * (`UserJSON`, `OrganizationMembershipJSON`, …; checked at compile time in
 * the package's own tests, so this file needs no `@clerk/backend`), and
 * carries the extra fields Clerk's webhook OpenAPI examples show
 * (`profile_image_url`, `role_name`, `missing_member_with_elevated_permissions`,
 * …), so a test exercises the payload a real delivery would bring.
 *
 *   const org = organization("org_1", { name: "Acme" });
 *   await deliver(event("organizationMembership.created", membership("orgmem_1", org, "user_1")));
 */

let clock = 1_700_000_000_000;
/** A strictly increasing Clerk timestamp (ms). */
export const tick = () => (clock += 1000);

/** Clerk's webhook envelope. */
export type ClerkEvent = {
  type: string;
  object: "event";
  data: Record<string, unknown>;
  timestamp: number;
  instance_id: string;
  event_attributes: { http_request: { client_ip: string; user_agent: string } };
};

/** The envelope: `{ type, object: "event", data, timestamp, instance_id, event_attributes }`. */
export function event(type: string, data: object, o: { timestamp?: number; instanceId?: string } = {}): ClerkEvent {
  return {
    type,
    object: "event" as const,
    data: data as Record<string, unknown>,
    timestamp: o.timestamp ?? tick(),
    instance_id: o.instanceId ?? "ins_test",
    event_attributes: { http_request: { client_ip: "192.168.1.100", user_agent: "Mozilla/5.0 (test)" } },
  };
}

type Verification = "verified" | "unverified";

export function user(
  id: string,
  o: {
    email?: string | null;
    emailVerification?: Verification;
    first?: string | null;
    last?: string | null;
    updatedAt?: number;
    createdAt?: number;
    lastSignInAt?: number | null;
    phone?: string;
    banned?: boolean;
    locked?: boolean;
    hasImage?: boolean;
  } = {},
) {
  const updatedAt = o.updatedAt ?? tick();
  const email = o.email === undefined ? `${id}@example.com` : o.email;
  const verification = (status: Verification, strategy = "email_code") => ({
    object: "verification_otp" as const,
    id: "",
    status,
    strategy,
    attempts: 1,
    expire_at: null,
  });
  return {
    object: "user" as const,
    id,
    username: null,
    first_name: o.first === undefined ? "First" : o.first,
    last_name: o.last === undefined ? "Last" : o.last,
    profile_image_url: `https://img.clerk.com/${id}`,
    image_url: `https://img.clerk.com/${id}`,
    has_image: o.hasImage ?? false,
    primary_email_address_id: email === null ? null : `idn_${id}`,
    primary_phone_number_id: o.phone ? `idn_phone_${id}` : null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses:
      email === null
        ? []
        : [{ object: "email_address" as const, id: `idn_${id}`, email_address: email, verification: verification(o.emailVerification ?? "verified"), linked_to: [] }],
    phone_numbers: o.phone
      ? [
          {
            object: "phone_number" as const,
            id: `idn_phone_${id}`,
            phone_number: o.phone,
            reserved_for_second_factor: false,
            default_second_factor: false,
            reserved: false,
            verification: verification("verified", "phone_code"),
            linked_to: [],
            backup_codes: [],
          },
        ]
      : [],
    web3_wallets: [],
    passkeys: [],
    organization_memberships: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    password_last_updated_at: null,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    external_id: null,
    last_sign_in_at: o.lastSignInAt ?? null,
    banned: o.banned ?? false,
    locked: o.locked ?? false,
    deprovisioned: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
    last_active_at: null,
    create_organization_enabled: true,
    create_organizations_limit: null,
    delete_self_enabled: true,
    legal_accepted_at: null,
    locale: null,
    timezone: null,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
  };
}

export function organization(id: string, o: { name?: string; slug?: string; updatedAt?: number; createdAt?: number; createdBy?: string } = {}) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    object: "organization" as const,
    id,
    name: o.name ?? `Org ${id}`,
    slug: o.slug ?? id.replace(/_/g, "-"),
    image_url: "https://img.clerk.com/default-org",
    has_image: false,
    members_count: 1,
    missing_member_with_elevated_permissions: false,
    pending_invitations_count: 0,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: {},
    private_metadata: {},
    created_by: o.createdBy ?? "user_creator",
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
  };
}

export function membership(
  id: string,
  org: ReturnType<typeof organization>,
  userId: string,
  o: {
    role?: string;
    roleName?: string;
    permissions?: string[];
    updatedAt?: number;
    createdAt?: number;
    email?: string;
    first?: string;
    last?: string;
  } = {},
) {
  const updatedAt = o.updatedAt ?? tick();
  const publicUserData = {
    user_id: userId,
    identifier: o.email ?? `${userId}@example.com`,
    first_name: o.first ?? "First",
    last_name: o.last ?? "Last",
    profile_image_url: `https://img.clerk.com/${userId}`,
    image_url: `https://img.clerk.com/${userId}`,
    has_image: false,
  };
  return {
    object: "organization_membership" as const,
    id,
    role: o.role ?? "org:member",
    role_name: o.roleName ?? (o.role === "org:admin" ? "Admin" : "Member"),
    permissions: o.permissions ?? [],
    public_metadata: {},
    private_metadata: {},
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
    organization: org,
    public_user_data: publicUserData,
  };
}

export function invitation(
  id: string,
  orgId: string,
  email: string,
  o: { status?: string; role?: string; updatedAt?: number; createdAt?: number; userId?: string } = {},
) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    object: "organization_invitation" as const,
    id,
    email_address: email,
    role: o.role ?? "org:member",
    role_name: o.role === "org:admin" ? "Admin" : "Member",
    organization_id: orgId,
    status: o.status ?? "pending",
    public_metadata: {},
    private_metadata: {},
    url: `https://accounts.example.com/accept-invitation?token=${id}`,
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
    expires_at: updatedAt + 30 * 86_400_000,
    ...(o.userId ? { user_id: o.userId } : {}),
  };
}

/** `session.*` data: the session with its user embedded, as Clerk sends it. */
export function session(
  id: string,
  userId: string,
  o: { orgId?: string; createdAt?: number; updatedAt?: number; status?: string; actor?: Record<string, unknown>; user?: ReturnType<typeof user> | null } = {},
) {
  const createdAt = o.createdAt ?? tick();
  return {
    object: "session" as const,
    id,
    client_id: `client_${id}`,
    user_id: userId,
    status: o.status ?? "active",
    last_active_organization_id: o.orgId ?? null,
    actor: o.actor ?? null,
    latest_activity: { object: "session_activity" as const, id: `sess_activity_${id}`, is_mobile: false, browser_name: "Chrome" },
    last_active_at: createdAt,
    expire_at: createdAt + 7 * 86_400_000,
    abandon_at: createdAt + 30 * 86_400_000,
    created_at: createdAt,
    updated_at: o.updatedAt ?? createdAt,
    user: o.user === undefined ? null : o.user,
  };
}

export function permission(id: string, key: string, o: { name?: string; updatedAt?: number; createdAt?: number } = {}) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    object: "permission" as const,
    id,
    key,
    name: o.name ?? key,
    description: `Lets a member ${key}`,
    type: key.includes(":sys_") ? "system" : "user",
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
  };
}

export function role(
  id: string,
  key: string,
  permissions: ReturnType<typeof permission>[],
  o: { name?: string; updatedAt?: number; createdAt?: number } = {},
) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    object: "role" as const,
    id,
    key,
    name: o.name ?? key,
    description: null,
    is_creator_eligible: key === "org:admin",
    permissions,
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
  };
}

/** What `*.deleted` events carry: `{ object, id, deleted: true }`. */
export const deleted = (id: string, object: string) => ({ object, id, deleted: true });
