/**
 * Records → the Frontend API's JSON: what clerk-js and Clerk's components
 * read. Every serializer returns one of the JSON types Clerk publishes in
 * `@clerk/shared/types` (`ClientJSON`, `SessionJSON`, `SignInJSON`, …), so
 * an SDK upgrade that changes a shape fails `tsc` here instead of failing in
 * a browser.
 *
 * Where Clerk's published type is stricter than what Clerk itself sends
 * (e.g. `verification.error` is `null` on a successful verification), the
 * value is `CLERK_SENDS_NULL`, which says so at the call site.
 */
import type {
  ClientJSON,
  EmailAddressJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  PublicUserDataJSON,
  SessionJSON,
  SignInFirstFactorJSON,
  SignInJSON,
  SignUpField,
  SignUpJSON,
  SignUpVerificationJSON,
  UserJSON,
  UserOrganizationInvitationJSON,
  VerificationJSON,
} from "@clerk/shared/types";
import type { Directory } from "../directory";
import { publicUserData } from "../shapes";
import type { ClientRecord, CodeVerification, InvitationRecord, MembershipRecord, OrganizationRecord, SessionRecord, SignInAttempt, SignUpAttempt, UserRecord } from "../store";

/** Clerk sends `null` here although its published type names a value. */
export const CLERK_SENDS_NULL = null as never;

const COOKIE_LIFETIME_MS = 365 * 86_400_000;

type Verification =
  | CodeVerification
  | { strategy: "password" | "ticket" | "admin" | "email_code"; status: "verified"; attempts: number | null; expire_at: null };

export function verificationJson(v: Verification | null): VerificationJSON | null {
  if (!v) return null;
  return {
    id: "",
    object: "verification",
    status: v.status,
    strategy: v.strategy,
    attempts: v.attempts ?? CLERK_SENDS_NULL,
    expire_at: v.expire_at ?? CLERK_SENDS_NULL,
    verified_at_client: CLERK_SENDS_NULL,
    error: CLERK_SENDS_NULL,
  };
}

export function emailAddressJson(e: UserRecord["email_addresses"][number]): EmailAddressJSON {
  const verified = e.verified !== false;
  return {
    id: e.id,
    object: "email_address",
    email_address: e.email_address,
    verification: verified
      ? verificationJson({ strategy: e.verification ? "email_code" : "admin", status: "verified", attempts: null, expire_at: null })
      : verificationJson(e.verification ?? null),
    linked_to: [],
    matches_sso_connection: false,
  };
}

export function organizationJson(dir: Directory, org: OrganizationRecord): OrganizationJSON {
  const state = dir.state;
  return {
    object: "organization",
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: "",
    has_image: false,
    public_metadata: org.public_metadata,
    members_count: state.memberships.filter((m) => m.organization_id === org.id).length,
    pending_invitations_count: dir.pendingInvitations().filter((i) => i.organization_id === org.id).length,
    admin_delete_enabled: true,
    max_allowed_memberships: org.max_allowed_memberships,
    created_at: org.created_at,
    updated_at: org.updated_at,
  };
}

/** The Backend API's `public_user_data`, which is also what the Frontend API sends. */
export const publicUserDataJson = (user: UserRecord): PublicUserDataJSON => publicUserData(user);

/** The signed-in user's view of a membership: the role's permissions, system ones included (Clerk's UI gates on them). */
export function membershipJson(dir: Directory, m: MembershipRecord): OrganizationMembershipJSON {
  const role = dir.settings.roles[m.role];
  return {
    object: "organization_membership",
    id: m.id,
    organization: organizationJson(dir, dir.organization(m.organization_id)),
    permissions: role?.permissions ?? [],
    public_metadata: m.public_metadata,
    public_user_data: publicUserDataJson(dir.user(m.user_id)),
    role: m.role,
    role_name: role?.name ?? m.role,
    created_at: m.created_at,
    updated_at: m.updated_at,
  };
}

export function userInvitationJson(dir: Directory, inv: InvitationRecord): UserOrganizationInvitationJSON {
  const org = dir.organization(inv.organization_id);
  return {
    object: "organization_invitation",
    id: inv.id,
    email_address: inv.email_address,
    public_organization_data: { id: org.id, name: org.name, slug: org.slug, image_url: "", has_image: false },
    public_metadata: inv.public_metadata,
    status: inv.status,
    role: inv.role,
    created_at: inv.created_at,
    updated_at: inv.updated_at,
  };
}

export function userJson(dir: Directory, user: UserRecord): UserJSON {
  const orgs = dir.settings.organizations;
  return {
    object: "user",
    id: user.id,
    external_id: user.external_id,
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    image_url: "",
    has_image: false,
    username: user.username,
    email_addresses: user.email_addresses.map(emailAddressJson),
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    passkeys: [],
    organization_memberships: dir.membershipsOf(user.id).map((m) => membershipJson(dir, m)),
    password_enabled: user.password !== null,
    profile_image_id: "",
    first_name: user.first_name,
    last_name: user.last_name,
    totp_enabled: false,
    backup_code_enabled: false,
    two_factor_enabled: false,
    public_metadata: user.public_metadata,
    unsafe_metadata: user.unsafe_metadata,
    last_sign_in_at: user.last_sign_in_at,
    create_organization_enabled: orgs.enabled && orgs.users_can_create,
    create_organizations_limit: null,
    delete_self_enabled: true,
    legal_accepted_at: null,
    timezone: null,
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}

/** `jwt`: the session's current token (`last_active_token`), minted by the caller; null once it has ended. */
export function sessionJson(dir: Directory, session: SessionRecord, jwt: string | null): SessionJSON {
  const user = dir.user(session.user_id);
  const status = dir.sessionStatus(session);
  const tasks = dir.sessionTasks(session);
  return {
    object: "session",
    id: session.id,
    status,
    factor_verification_age: [Math.max(0, Math.floor((Date.now() - session.first_factor_verified_at) / 60_000)), -1],
    expire_at: session.created_at + 7 * 86_400_000,
    abandon_at: session.created_at + 30 * 86_400_000,
    last_active_at: session.last_active_at,
    last_active_token: jwt ? { object: "token", id: "", jwt } : CLERK_SENDS_NULL,
    last_active_organization_id: dir.activeOrganization(session)?.org.id ?? null,
    actor: null,
    tasks: tasks.length > 0 ? tasks : null,
    user: userJson(dir, user),
    public_user_data: publicUserDataJson(user),
    created_at: session.created_at,
    updated_at: session.updated_at,
  };
}

/** The factors a sign-in may use for `user`, in Clerk's order (password first when it is preferred). */
export function firstFactors(dir: Directory, user: UserRecord | undefined): SignInFirstFactorJSON[] {
  if (!user) return [];
  const factors: SignInFirstFactorJSON[] = [];
  if (dir.settings.sign_in.password && user.password) factors.push({ strategy: "password" });
  const email = user.email_addresses.find((e) => e.id === user.primary_email_address_id);
  if (dir.settings.sign_in.email_code && email) {
    factors.push({ strategy: "email_code", email_address_id: email.id, safe_identifier: email.email_address, primary: true });
  }
  return factors;
}

export function signInJson(dir: Directory, attempt: SignInAttempt): SignInJSON {
  const user = attempt.user_id ? dir.state.users.find((u) => u.id === attempt.user_id) : undefined;
  return {
    object: "sign_in",
    id: attempt.id,
    status: attempt.status,
    supported_identifiers: ["email_address"],
    identifier: attempt.identifier ?? CLERK_SENDS_NULL,
    user_data: user ? { first_name: user.first_name ?? undefined, last_name: user.last_name ?? undefined, image_url: "", has_image: false } : CLERK_SENDS_NULL,
    supported_first_factors: firstFactors(dir, user),
    supported_second_factors: CLERK_SENDS_NULL,
    first_factor_verification: verificationJson(attempt.first_factor),
    second_factor_verification: null,
    created_session_id: attempt.created_session_id,
    timezone: null,
  };
}

/** Which sign-up fields the instance asks for: email and password, and the names as the settings say. */
export function signUpFields(attempt: SignUpAttempt, settings: Directory["settings"]): { required: SignUpField[]; optional: SignUpField[]; missing: SignUpField[] } {
  const names: SignUpField[] = ["first_name", "last_name"];
  const required: SignUpField[] = ["email_address", "password", ...(settings.sign_up.names === "required" ? names : [])];
  const optional: SignUpField[] = settings.sign_up.names === "optional" ? names : [];
  const present: Record<string, boolean> = {
    email_address: !!attempt.email_address,
    password: !!attempt.password,
    first_name: !!attempt.first_name,
    last_name: !!attempt.last_name,
  };
  return { required, optional, missing: required.filter((f) => !present[f]) };
}

export function signUpStatus(attempt: SignUpAttempt): SignUpJSON["status"] {
  if (attempt.created_user_id) return "complete";
  return "missing_requirements";
}

export function signUpJson(attempt: SignUpAttempt, settings: Directory["settings"]): SignUpJSON {
  const { required, optional, missing } = signUpFields(attempt, settings);
  const emailVerified = attempt.invitation_id !== null || attempt.email_verification?.status === "verified";
  const verification: Verification = attempt.invitation_id
    ? { strategy: "ticket", status: "verified", attempts: null, expire_at: null }
    : (attempt.email_verification ?? { strategy: "email_code", status: "unverified", attempts: 0, expire_at: attempt.abandon_at });
  const emailVerification: SignUpVerificationJSON | null = attempt.email_address
    ? {
        ...verificationJson(verification)!,
        // No code sent yet: Clerk names no strategy, and the UI asks for one.
        ...(attempt.email_verification || attempt.invitation_id ? {} : { strategy: CLERK_SENDS_NULL }),
        next_action: emailVerified ? "" : attempt.email_verification ? "needs_attempt" : "needs_prepare",
        supported_strategies: settings.sign_in.email_code ? ["email_code"] : [],
      }
    : null;
  return {
    object: "sign_up",
    id: attempt.id,
    status: signUpStatus(attempt),
    required_fields: required,
    optional_fields: optional,
    missing_fields: missing,
    unverified_fields: attempt.email_address && !emailVerified ? ["email_address"] : [],
    username: null,
    first_name: attempt.first_name,
    last_name: attempt.last_name,
    email_address: attempt.email_address,
    phone_number: null,
    web3_wallet: null,
    external_account_strategy: null,
    external_account: null,
    has_password: attempt.password !== null,
    unsafe_metadata: {},
    created_session_id: attempt.created_session_id,
    created_user_id: attempt.created_user_id,
    abandon_at: attempt.abandon_at,
    legal_accepted_at: null,
    locale: null,
    timezone: null,
    verifications: {
      email_address: emailVerification ?? CLERK_SENDS_NULL,
      phone_number: CLERK_SENDS_NULL,
      web3_wallet: CLERK_SENDS_NULL,
      external_account: CLERK_SENDS_NULL,
    },
  };
}

/**
 * The browser's client: its signed-in sessions (each with a fresh token,
 * from `tokenFor`) and its current sign-in and sign-up attempts.
 */
export async function clientJson(
  dir: Directory,
  client: ClientRecord,
  tokenFor: (session: SessionRecord) => Promise<string>,
): Promise<ClientJSON> {
  const sessions = dir.state.sessions.filter((s) => s.client_id === client.id && s.status === "active");
  return {
    object: "client",
    id: client.id,
    sessions: await Promise.all(sessions.map(async (s) => sessionJson(dir, s, await tokenFor(s)))),
    sign_in: client.sign_in ? signInJson(dir, client.sign_in) : null,
    sign_up: client.sign_up ? signUpJson(client.sign_up, dir.settings) : null,
    captcha_bypass: false,
    last_active_session_id: sessions.some((s) => s.id === client.last_active_session_id) ? client.last_active_session_id : null,
    last_authentication_strategy: client.last_authentication_strategy === "ticket" ? null : client.last_authentication_strategy,
    cookie_expires_at: client.created_at + COOKIE_LIFETIME_MS,
    created_at: client.created_at,
    updated_at: client.updated_at,
  };
}
