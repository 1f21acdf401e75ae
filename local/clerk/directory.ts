/**
 * Every change to users, organizations, memberships, invitations and
 * sessions goes through here: validate, update the records, queue the
 * webhook Clerk would send, then persist both in one write and wake the
 * sender. The Backend API, the Frontend API and the testing routes all
 * call these, so each path emits the same events.
 */
import { ClerkError, invalid, notFound } from "./errors";
import { newId, randomBase62 } from "./ids";
import { hashPassword, type PasswordDigest } from "./passwords";
import { deletedJson, invitationJson, membershipJson, organizationJson, primaryEmail, sessionJson, userJson } from "./shapes";
import type { InvitationRecord, MembershipRecord, Metadata, OrganizationRecord, SessionRecord, Store, UserRecord } from "./store";
import type { Webhooks } from "./webhooks";

export type NewUser = {
  first_name?: string | null;
  last_name?: string | null;
  email_address?: string[];
  username?: string | null;
  external_id?: string | null;
  password?: string | null;
  /** A password already hashed (a finished sign-up): the emulator never keeps the password itself. */
  password_digest?: PasswordDigest | null;
  public_metadata?: Metadata;
  private_metadata?: Metadata;
  unsafe_metadata?: Metadata;
};

export type UserPatch = Omit<NewUser, "email_address" | "password_digest"> & { primary_email_address_id?: string };

export type NewOrganization = {
  name: string;
  slug?: string;
  created_by?: string;
  max_allowed_memberships?: number;
  public_metadata?: Metadata;
  private_metadata?: Metadata;
};

export type OrganizationPatch = Partial<Omit<NewOrganization, "created_by">>;

export type NewInvitation = {
  email_address: string;
  role: string;
  inviter_user_id?: string;
  expires_in_days?: number;
  redirect_url?: string;
  public_metadata?: Metadata;
};

export type SessionTask = { key: "choose-organization" };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY = 86_400_000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "org"
  );
}

export class Directory {
  /** The emulator's base URL (set once the server listens): invitation links point at its Frontend API. */
  publicUrl = "";

  constructor(
    readonly store: Store,
    private readonly webhooks: Webhooks,
  ) {}

  get state() {
    return this.store.state;
  }

  get settings() {
    return this.store.state.settings;
  }

  // ── lookups ────────────────────────────────────────────────────────────

  user(id: string): UserRecord {
    const user = this.state.users.find((u) => u.id === id);
    if (!user) throw notFound("user");
    return user;
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = normalizeEmail(email);
    return this.state.users.find((u) => u.email_addresses.some((e) => e.email_address === wanted));
  }

  /** By id or slug, as Clerk's `GET /organizations/{id_or_slug}` accepts. */
  organization(idOrSlug: string): OrganizationRecord {
    const org = this.state.organizations.find((o) => o.id === idOrSlug || o.slug === idOrSlug);
    if (!org) throw notFound("organization");
    return org;
  }

  membership(orgId: string, userId: string): MembershipRecord | undefined {
    return this.state.memberships.find((m) => m.organization_id === orgId && m.user_id === userId);
  }

  membershipsOf(userId: string): MembershipRecord[] {
    return this.state.memberships.filter((m) => m.user_id === userId);
  }

  invitation(id: string, orgId?: string): InvitationRecord {
    const inv = this.state.invitations.find((i) => i.id === id && (!orgId || i.organization_id === orgId));
    if (!inv) throw notFound("invitation");
    return inv;
  }

  session(id: string): SessionRecord {
    const session = this.state.sessions.find((s) => s.id === id);
    if (!session) throw notFound("session");
    return session;
  }

  /** Pending, unexpired invitations (only those addressed to one of `emails`, if given). */
  pendingInvitations(emails?: string[]): InvitationRecord[] {
    const now = Date.now();
    return this.state.invitations.filter((i) => i.status === "pending" && i.expires_at > now && (!emails || emails.includes(i.email_address)));
  }

  /** The user's verified email addresses (what sign-in and invitations go by). */
  verifiedEmails(user: UserRecord): string[] {
    return user.email_addresses.filter((e) => e.verified !== false).map((e) => e.email_address);
  }

  membershipJson(m: MembershipRecord) {
    return membershipJson(this.state, m, this.organization(m.organization_id), this.user(m.user_id));
  }

  organizationJson(org: OrganizationRecord) {
    return organizationJson(this.state, org);
  }

  invitationJson(inv: InvitationRecord) {
    return invitationJson(this.state, inv, this.state.organizations.find((o) => o.id === inv.organization_id), this.publicUrl);
  }

  // ── users ──────────────────────────────────────────────────────────────

  createUser(input: NewUser): UserRecord {
    const emails = (input.email_address ?? []).map(normalizeEmail);
    for (const email of emails) {
      if (!EMAIL.test(email)) throw invalid(`${email} is not a valid email address`, "form_param_format_invalid", "email_address");
      if (this.userByEmail(email)) throw invalid("That email address is taken. Please try another.", "form_identifier_exists", "email_address");
    }
    if (input.username && this.state.users.some((u) => u.username === input.username)) {
      throw invalid("That username is taken. Please try another.", "form_identifier_exists", "username");
    }
    if (input.password) this.checkPassword(input.password);
    const now = this.store.now();
    const email_addresses = emails.map((email_address) => ({ id: newId("idn"), email_address, verified: true, verification: null, created_at: now }));
    const user: UserRecord = {
      id: newId("user"),
      first_name: input.first_name || null,
      last_name: input.last_name || null,
      username: input.username || null,
      email_addresses,
      primary_email_address_id: email_addresses[0]?.id ?? null,
      external_id: input.external_id || null,
      password: input.password_digest ?? (input.password ? hashPassword(input.password) : null),
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      unsafe_metadata: input.unsafe_metadata ?? {},
      last_active_organization_id: null,
      created_at: now,
      updated_at: now,
      last_sign_in_at: null,
    };
    this.state.users.push(user);
    this.webhooks.enqueue("user.created", userJson(user));
    this.commit();
    return user;
  }

  updateUser(id: string, patch: UserPatch): UserRecord {
    const user = this.user(id);
    if (patch.primary_email_address_id) {
      const email = user.email_addresses.find((e) => e.id === patch.primary_email_address_id);
      if (!email) throw invalid("primary_email_address_id does not belong to this user", "form_param_value_invalid", "primary_email_address_id");
      if (email.verified === false) throw invalid("Only a verified email address can be primary.", "form_param_value_invalid", "primary_email_address_id");
    }
    if (patch.password) this.checkPassword(patch.password);
    if (patch.first_name !== undefined) user.first_name = patch.first_name || null;
    if (patch.last_name !== undefined) user.last_name = patch.last_name || null;
    if (patch.username !== undefined) user.username = patch.username || null;
    if (patch.external_id !== undefined) user.external_id = patch.external_id || null;
    if (patch.public_metadata !== undefined) user.public_metadata = patch.public_metadata;
    if (patch.private_metadata !== undefined) user.private_metadata = patch.private_metadata;
    if (patch.unsafe_metadata !== undefined) user.unsafe_metadata = patch.unsafe_metadata;
    if (patch.primary_email_address_id) user.primary_email_address_id = patch.primary_email_address_id;
    if (patch.password) user.password = hashPassword(patch.password);
    return this.touchUser(user);
  }

  /** Records a change made to the user record itself (e.g. an email address) and sends `user.updated`. */
  touchUser(user: UserRecord): UserRecord {
    user.updated_at = this.store.now();
    this.webhooks.enqueue("user.updated", userJson(user));
    this.commit();
    return user;
  }

  /** Clerk sends only `user.deleted`; receivers cascade memberships themselves. */
  deleteUser(id: string) {
    const user = this.user(id);
    const state = this.state;
    state.users = state.users.filter((u) => u !== user);
    state.memberships = state.memberships.filter((m) => m.user_id !== id);
    for (const s of state.sessions) if (s.user_id === id && s.status === "active") s.status = "ended";
    this.webhooks.enqueue("user.deleted", deletedJson(id, "user"));
    this.commit();
    return deletedJson(id, "user");
  }

  // ── organizations ──────────────────────────────────────────────────────

  createOrganization(input: NewOrganization): OrganizationRecord {
    const name = input.name.trim();
    if (!name) throw invalid("name is required", "form_param_missing", "name");
    const creator = input.created_by ? this.user(input.created_by) : undefined;
    const slug = input.slug ? this.checkSlug(input.slug) : this.freeSlug(slugify(name));
    const now = this.store.now();
    const org: OrganizationRecord = {
      id: newId("org"),
      name,
      slug,
      max_allowed_memberships: input.max_allowed_memberships ?? this.settings.organizations.max_allowed_memberships,
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      created_by: creator?.id ?? null,
      created_at: now,
      updated_at: now,
    };
    this.state.organizations.push(org);
    this.webhooks.enqueue("organization.created", this.organizationJson(org));
    // Clerk makes the creator the organization's first member, with the creator role.
    if (creator) this.insertMembership(org, creator, this.settings.organizations.creator_role);
    this.commit();
    return org;
  }

  updateOrganization(idOrSlug: string, patch: OrganizationPatch): OrganizationRecord {
    const org = this.organization(idOrSlug);
    if (patch.name !== undefined) {
      if (!patch.name.trim()) throw invalid("name must not be empty", "form_param_value_invalid", "name");
      org.name = patch.name.trim();
    }
    if (patch.slug !== undefined && patch.slug !== org.slug) org.slug = this.checkSlug(patch.slug);
    if (patch.max_allowed_memberships !== undefined) org.max_allowed_memberships = patch.max_allowed_memberships;
    if (patch.public_metadata !== undefined) org.public_metadata = patch.public_metadata;
    if (patch.private_metadata !== undefined) org.private_metadata = patch.private_metadata;
    org.updated_at = this.store.now();
    this.webhooks.enqueue("organization.updated", this.organizationJson(org));
    this.commit();
    return org;
  }

  /** Clerk sends only `organization.deleted`; receivers cascade memberships and invitations. */
  deleteOrganization(idOrSlug: string) {
    const org = this.organization(idOrSlug);
    const state = this.state;
    state.organizations = state.organizations.filter((o) => o !== org);
    state.memberships = state.memberships.filter((m) => m.organization_id !== org.id);
    state.invitations = state.invitations.filter((i) => i.organization_id !== org.id);
    for (const s of state.sessions) if (s.last_active_organization_id === org.id) s.last_active_organization_id = null;
    for (const u of state.users) if (u.last_active_organization_id === org.id) u.last_active_organization_id = null;
    this.webhooks.enqueue("organization.deleted", deletedJson(org.id, "organization"));
    this.commit();
    return deletedJson(org.id, "organization");
  }

  // ── memberships ────────────────────────────────────────────────────────

  addMembership(orgId: string, userId: string, role: string): MembershipRecord {
    const org = this.organization(orgId);
    const user = this.user(userId);
    const membership = this.insertMembership(org, user, role);
    this.commit();
    return membership;
  }

  updateMembership(orgId: string, userId: string, role: string): MembershipRecord {
    const org = this.organization(orgId);
    const membership = this.existingMembership(org.id, userId);
    this.checkRole(role);
    if (membership.role !== role) this.keepAnAdmin(org.id, membership);
    membership.role = role;
    membership.updated_at = this.store.now();
    this.webhooks.enqueue("organizationMembership.updated", this.membershipJson(membership));
    this.commit();
    return membership;
  }

  /** Returns the removed membership's JSON, as Clerk's DELETE does. */
  removeMembership(orgId: string, userId: string) {
    const org = this.organization(orgId);
    const membership = this.existingMembership(org.id, userId);
    this.keepAnAdmin(org.id, membership);
    const state = this.state;
    state.memberships = state.memberships.filter((m) => m !== membership);
    for (const s of state.sessions) {
      if (s.user_id === userId && s.last_active_organization_id === org.id) s.last_active_organization_id = null;
    }
    const user = this.user(userId);
    if (user.last_active_organization_id === org.id) user.last_active_organization_id = null;
    membership.updated_at = this.store.now();
    const json = this.membershipJson(membership);
    this.webhooks.enqueue("organizationMembership.deleted", json);
    this.commit();
    return json;
  }

  // ── invitations ────────────────────────────────────────────────────────

  createInvitation(orgId: string, input: NewInvitation): InvitationRecord {
    const org = this.organization(orgId);
    const email = normalizeEmail(input.email_address);
    if (!EMAIL.test(email)) throw invalid(`${input.email_address} is not a valid email address`, "form_param_format_invalid", "email_address");
    this.checkRole(input.role);
    if (input.redirect_url !== undefined && !/^https?:\/\//.test(input.redirect_url)) {
      throw invalid("redirect_url must be an absolute http(s) URL", "form_param_format_invalid", "redirect_url");
    }
    const existing = this.userByEmail(email);
    if (existing && this.membership(org.id, existing.id)) {
      throw new ClerkError(400, "already_a_member_in_organization", `${email} is already a member of ${org.name}.`);
    }
    if (this.pendingInvitations([email]).some((i) => i.organization_id === org.id)) {
      throw new ClerkError(400, "duplicate_record", `${email} already has a pending invitation to ${org.name}.`);
    }
    const now = this.store.now();
    const inv: InvitationRecord = {
      id: newId("orginv"),
      organization_id: org.id,
      email_address: email,
      role: input.role,
      status: "pending",
      inviter_user_id: input.inviter_user_id ?? null,
      user_id: null,
      redirect_url: input.redirect_url ?? null,
      ticket: randomBase62(40),
      public_metadata: input.public_metadata ?? {},
      created_at: now,
      updated_at: now,
      expires_at: now + (input.expires_in_days ?? 30) * DAY,
    };
    this.state.invitations.push(inv);
    this.webhooks.enqueue("organizationInvitation.created", this.invitationJson(inv));
    this.commit();
    return inv;
  }

  revokeInvitation(orgId: string, invId: string): InvitationRecord {
    const org = this.organization(orgId);
    const inv = this.invitation(invId, org.id);
    if (inv.status !== "pending") throw new ClerkError(400, "organization_invitation_not_pending", `The invitation is ${inv.status}.`);
    inv.status = "revoked";
    inv.updated_at = this.store.now();
    this.webhooks.enqueue("organizationInvitation.revoked", this.invitationJson(inv));
    this.commit();
    return inv;
  }

  invitationByTicket(ticket: string): InvitationRecord | undefined {
    return this.state.invitations.find((i) => i.ticket === ticket);
  }

  /**
   * Accepts as `userId`, or as the user with the invited email, signing one
   * up if there is none yet (what Clerk's invitation link does).
   */
  acceptInvitation(invId: string, userId?: string): { invitation: InvitationRecord; membership: MembershipRecord } {
    const inv = this.invitation(invId);
    if (inv.status !== "pending" || inv.expires_at <= Date.now()) {
      throw new ClerkError(400, "organization_invitation_not_pending", `The invitation is ${inv.status === "pending" ? "expired" : inv.status}.`);
    }
    const user = userId ? this.user(userId) : (this.userByEmail(inv.email_address) ?? this.createUser({ email_address: [inv.email_address] }));
    if (!this.verifiedEmails(user).includes(inv.email_address)) {
      throw new ClerkError(403, "invitation_email_mismatch", `The invitation was sent to ${inv.email_address}, not to this user.`);
    }
    const org = this.organization(inv.organization_id);
    const membership = this.insertMembership(org, user, inv.role);
    inv.status = "accepted";
    inv.user_id = user.id;
    inv.updated_at = this.store.now();
    this.webhooks.enqueue("organizationInvitation.accepted", this.invitationJson(inv));
    this.commit();
    return { invitation: inv, membership };
  }

  // ── sessions ───────────────────────────────────────────────────────────

  /**
   * A sign-in: a new active session and `session.created`. Without an
   * explicit org the session starts in the user's last active organization
   * (or their first one); with personal accounts off and no organization at
   * all it is pending until the user picks or creates one.
   */
  createSession(userId: string, options: { clientId?: string | null; orgId?: string | null } = {}): SessionRecord {
    const user = this.user(userId);
    let orgId = options.orgId ?? null;
    if (orgId) orgId = this.requireMember(orgId, userId).id;
    else if (options.orgId === undefined) orgId = this.defaultOrganization(user);
    const now = this.store.now();
    const session: SessionRecord = {
      id: newId("sess"),
      client_id: options.clientId ?? null,
      user_id: user.id,
      status: "active",
      last_active_organization_id: orgId,
      first_factor_verified_at: now,
      created_at: now,
      updated_at: now,
      last_active_at: now,
    };
    // Clerk records the sign-in time on the user without a user.updated event.
    user.last_sign_in_at = now;
    if (orgId) user.last_active_organization_id = orgId;
    this.state.sessions.push(session);
    this.webhooks.enqueue("session.created", sessionJson(session, this.sessionStatus(session)));
    this.commit();
    return session;
  }

  /**
   * `null` means the personal account, which only exists with personal
   * accounts on; without them a `null` leaves the session where it is.
   */
  setActiveOrganization(sessionId: string, orgIdOrSlug: string | null): SessionRecord {
    const session = this.activeSession(sessionId);
    let orgId: string | null = null;
    if (orgIdOrSlug) orgId = this.requireMember(orgIdOrSlug, session.user_id).id;
    else if (!this.settings.organizations.personal_accounts && this.settings.organizations.enabled) return session;
    session.last_active_organization_id = orgId;
    session.updated_at = this.store.now();
    session.last_active_at = session.updated_at;
    if (orgId) this.user(session.user_id).last_active_organization_id = orgId;
    this.commit();
    return session;
  }

  endSession(sessionId: string, status: "ended" | "removed" | "revoked" = "ended"): SessionRecord {
    const session = this.session(sessionId);
    if (session.status === "active") session.status = status;
    session.updated_at = this.store.now();
    this.commit();
    return session;
  }

  activeSession(sessionId: string): SessionRecord {
    const session = this.session(sessionId);
    if (session.status !== "active") throw new ClerkError(401, "session_not_active", `The session is ${session.status}.`);
    return session;
  }

  /** The active organization, when the membership still exists (a removed one no longer counts). */
  activeOrganization(session: SessionRecord): { org: OrganizationRecord; membership: MembershipRecord } | null {
    const orgId = session.last_active_organization_id;
    const membership = orgId ? this.membership(orgId, session.user_id) : undefined;
    return membership ? { org: this.organization(membership.organization_id), membership } : null;
  }

  /** What the user must still do before the session is fully signed in (Clerk's session tasks). */
  sessionTasks(session: SessionRecord): SessionTask[] {
    const { enabled, personal_accounts } = this.settings.organizations;
    return enabled && !personal_accounts && !this.activeOrganization(session) ? [{ key: "choose-organization" }] : [];
  }

  /** `pending` while a task is open, otherwise the stored status. */
  sessionStatus(session: SessionRecord): SessionRecord["status"] | "pending" {
    return session.status === "active" && this.sessionTasks(session).length > 0 ? "pending" : session.status;
  }

  // ── internals ──────────────────────────────────────────────────────────

  /** Persists the change and its webhooks together, then wakes the sender. */
  commit(): void {
    this.store.save();
    this.webhooks.kick();
  }

  private defaultOrganization(user: UserRecord): string | null {
    if (!this.settings.organizations.enabled || this.settings.organizations.personal_accounts) return null;
    const memberships = this.membershipsOf(user.id);
    const last = memberships.find((m) => m.organization_id === user.last_active_organization_id);
    return (last ?? [...memberships].sort((a, b) => a.created_at - b.created_at)[0])?.organization_id ?? null;
  }

  private insertMembership(org: OrganizationRecord, user: UserRecord, role: string): MembershipRecord {
    this.checkRole(role);
    if (this.membership(org.id, user.id)) {
      throw new ClerkError(400, "already_a_member_in_organization", `${primaryEmail(user) ?? user.id} is already a member of ${org.name}.`);
    }
    const count = this.state.memberships.filter((m) => m.organization_id === org.id).length;
    if (org.max_allowed_memberships > 0 && count >= org.max_allowed_memberships) {
      throw new ClerkError(403, "organization_membership_quota_exceeded", `${org.name} has reached its membership limit.`);
    }
    const now = this.store.now();
    const membership: MembershipRecord = {
      id: newId("orgmem"),
      organization_id: org.id,
      user_id: user.id,
      role,
      public_metadata: {},
      created_at: now,
      updated_at: now,
    };
    this.state.memberships.push(membership);
    this.webhooks.enqueue("organizationMembership.created", this.membershipJson(membership));
    return membership;
  }

  private existingMembership(orgId: string, userId: string): MembershipRecord {
    const membership = this.membership(orgId, userId);
    if (!membership) throw notFound("organization membership");
    return membership;
  }

  private requireMember(orgIdOrSlug: string, userId: string): OrganizationRecord {
    const org = this.organization(orgIdOrSlug);
    if (!this.membership(org.id, userId)) {
      throw new ClerkError(403, "not_a_member_in_organization", "The user is not a member of this organization.");
    }
    return org;
  }

  /** Clerk refuses to remove or demote an organization's last admin. */
  private keepAnAdmin(orgId: string, changing: MembershipRecord): void {
    if (changing.role !== "org:admin") return;
    const admins = this.state.memberships.filter((m) => m.organization_id === orgId && m.role === "org:admin");
    if (admins.length <= 1) {
      throw new ClerkError(
        403,
        "organization_minimum_permissions_needed",
        "There has to be at least one organization member with the administrator role.",
      );
    }
  }

  private checkRole(role: string): void {
    if (!(role in this.settings.roles)) {
      throw invalid(`${role} is not a role of this instance (roles: ${Object.keys(this.settings.roles).join(", ")})`, "form_param_value_invalid", "role");
    }
  }

  checkPassword(password: string): void {
    const min = this.settings.password.min_length;
    if (password.length < min) {
      throw invalid(`Passwords must be ${min} characters or more.`, "form_password_length_too_short", "password");
    }
    if (password.length > 72) throw invalid("Passwords must be 72 characters or fewer.", "form_password_length_too_long", "password");
  }

  private checkSlug(slug: string): string {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      throw invalid("slug may contain only lowercase letters, digits and single dashes", "form_param_format_invalid", "slug");
    }
    if (this.state.organizations.some((o) => o.slug === slug)) {
      throw invalid("This slug is already taken, please try another.", "form_identifier_exists", "slug");
    }
    return slug;
  }

  private freeSlug(base: string): string {
    let slug = base;
    for (let n = 2; this.state.organizations.some((o) => o.slug === slug); n++) slug = `${base}-${n}`;
    return slug;
  }
}
