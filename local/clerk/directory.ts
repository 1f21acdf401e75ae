/**
 * Every change to users, organizations, memberships, invitations and
 * sessions goes through here: validate, update the records, queue the
 * webhook Clerk would send, then persist both in one write and wake the
 * sender. The Backend API, the sign-in page and the testing endpoints all
 * call these, so each path emits the same events.
 */
import { ClerkError, invalid, notFound } from "./errors";
import { newId, randomBase62 } from "./ids";
import { deletedJson, invitationJson, membershipJson, organizationJson, primaryEmail, sessionJson, userJson } from "./shapes";
import type { InvitationRecord, MembershipRecord, Metadata, OrganizationRecord, SessionRecord, Store, UserRecord } from "./store";
import type { SessionClaims } from "./tokens";
import type { Webhooks } from "./webhooks";

export type NewUser = {
  first_name?: string | null;
  last_name?: string | null;
  email_address?: string[];
  username?: string | null;
  external_id?: string | null;
  public_metadata?: Metadata;
  private_metadata?: Metadata;
};

export type UserPatch = Omit<NewUser, "email_address"> & { primary_email_address_id?: string };

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
  public_metadata?: Metadata;
};

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
  constructor(
    readonly store: Store,
    private readonly webhooks: Webhooks,
  ) {}

  private get state() {
    return this.store.state;
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

  sessionByCookie(cookie: string | undefined): SessionRecord | undefined {
    if (!cookie) return undefined;
    return this.state.sessions.find((s) => s.cookie === cookie && s.status === "active");
  }

  /** Pending, unexpired invitations (only those addressed to one of `emails`, if given). */
  pendingInvitations(emails?: string[]): InvitationRecord[] {
    const now = Date.now();
    return this.state.invitations.filter((i) => i.status === "pending" && i.expires_at > now && (!emails || emails.includes(i.email_address)));
  }

  membershipJson(m: MembershipRecord) {
    return membershipJson(this.state, m, this.organization(m.organization_id), this.user(m.user_id));
  }

  organizationJson(org: OrganizationRecord) {
    return organizationJson(this.state, org);
  }

  invitationJson(inv: InvitationRecord) {
    return invitationJson(inv, this.state.organizations.find((o) => o.id === inv.organization_id));
  }

  // ── users ──────────────────────────────────────────────────────────────

  createUser(input: NewUser): UserRecord {
    const emails = (input.email_address ?? []).map(normalizeEmail);
    for (const email of emails) {
      if (!EMAIL.test(email)) throw invalid(`${email} is not a valid email address`, "form_param_format_invalid");
      if (this.userByEmail(email)) throw invalid("That email address is taken. Please try another.", "form_identifier_exists");
    }
    if (input.username && this.state.users.some((u) => u.username === input.username)) {
      throw invalid("That username is taken. Please try another.", "form_identifier_exists");
    }
    const now = this.store.now();
    const email_addresses = emails.map((email_address) => ({ id: newId("idn"), email_address }));
    const user: UserRecord = {
      id: newId("user"),
      first_name: input.first_name || null,
      last_name: input.last_name || null,
      username: input.username || null,
      email_addresses,
      primary_email_address_id: email_addresses[0]?.id ?? null,
      external_id: input.external_id || null,
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
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
    if (patch.primary_email_address_id && !user.email_addresses.some((e) => e.id === patch.primary_email_address_id)) {
      throw invalid("primary_email_address_id does not belong to this user");
    }
    if (patch.first_name !== undefined) user.first_name = patch.first_name || null;
    if (patch.last_name !== undefined) user.last_name = patch.last_name || null;
    if (patch.username !== undefined) user.username = patch.username || null;
    if (patch.external_id !== undefined) user.external_id = patch.external_id || null;
    if (patch.public_metadata !== undefined) user.public_metadata = patch.public_metadata;
    if (patch.private_metadata !== undefined) user.private_metadata = patch.private_metadata;
    if (patch.primary_email_address_id) user.primary_email_address_id = patch.primary_email_address_id;
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
    for (const s of state.sessions) if (s.user_id === id) s.status = "ended";
    this.webhooks.enqueue("user.deleted", deletedJson(id, "user"));
    this.commit();
    return deletedJson(id, "user");
  }

  // ── organizations ──────────────────────────────────────────────────────

  createOrganization(input: NewOrganization): OrganizationRecord {
    const name = input.name.trim();
    if (!name) throw invalid("name is required", "form_param_missing");
    const creator = input.created_by ? this.user(input.created_by) : undefined;
    const slug = input.slug ? this.checkSlug(input.slug) : this.freeSlug(slugify(name));
    const now = this.store.now();
    const org: OrganizationRecord = {
      id: newId("org"),
      name,
      slug,
      max_allowed_memberships: input.max_allowed_memberships ?? 0,
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      created_by: creator?.id ?? null,
      created_at: now,
      updated_at: now,
    };
    this.state.organizations.push(org);
    this.webhooks.enqueue("organization.created", this.organizationJson(org));
    // Clerk makes the creator the organization's first admin.
    if (creator) this.insertMembership(org, creator, "org:admin");
    this.commit();
    return org;
  }

  updateOrganization(idOrSlug: string, patch: OrganizationPatch): OrganizationRecord {
    const org = this.organization(idOrSlug);
    if (patch.name !== undefined) {
      if (!patch.name.trim()) throw invalid("name must not be empty");
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
    if (!EMAIL.test(email)) throw invalid(`${input.email_address} is not a valid email address`, "form_param_format_invalid");
    this.checkRole(input.role);
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
    if (!user.email_addresses.some((e) => e.email_address === inv.email_address)) {
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

  /** A sign-in: a new active session (optionally with an active org) and `session.created`. */
  createSession(userId: string, orgId: string | null = null): SessionRecord {
    const user = this.user(userId);
    if (orgId) this.requireMember(orgId, userId);
    const now = this.store.now();
    const session: SessionRecord = {
      id: newId("sess"),
      user_id: user.id,
      status: "active",
      last_active_organization_id: orgId ? this.organization(orgId).id : null,
      cookie: randomBase62(40),
      created_at: now,
      updated_at: now,
    };
    // Clerk records the sign-in time on the user without a user.updated event.
    user.last_sign_in_at = now;
    this.state.sessions.push(session);
    this.webhooks.enqueue("session.created", sessionJson(session));
    this.commit();
    return session;
  }

  setActiveOrganization(sessionId: string, orgId: string | null): SessionRecord {
    const session = this.activeSession(sessionId);
    if (orgId) this.requireMember(orgId, session.user_id);
    session.last_active_organization_id = orgId ? this.organization(orgId).id : null;
    session.updated_at = this.store.now();
    this.commit();
    return session;
  }

  endSession(sessionId: string, status: "ended" | "revoked" = "ended"): SessionRecord {
    const session = this.session(sessionId);
    session.status = status;
    session.updated_at = this.store.now();
    this.commit();
    return session;
  }

  activeSession(sessionId: string): SessionRecord {
    const session = this.session(sessionId);
    if (session.status !== "active") throw new ClerkError(401, "session_not_active", `The session is ${session.status}.`);
    return session;
  }

  /**
   * The claims of a fresh token, from the current state: a membership
   * removed since the org was activated yields a token without `o`.
   */
  claims(session: SessionRecord): SessionClaims {
    const user = this.user(session.user_id);
    const claims: SessionClaims = { sub: user.id, sid: session.id };
    const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
    if (name) claims.name = name;
    const email = primaryEmail(user);
    if (email) claims.email = email;
    const orgId = session.last_active_organization_id;
    const membership = orgId ? this.membership(orgId, user.id) : undefined;
    if (orgId && membership) {
      const org = this.organization(orgId);
      const custom = (this.state.roles[membership.role] ?? []).filter((p) => !p.startsWith("org:sys_"));
      claims.o = {
        id: org.id,
        slg: org.slug,
        rol: membership.role.replace(/^org:/, ""),
        per: custom.map((p) => p.replace(/^org:/, "")).join(","),
      };
    }
    return claims;
  }

  // ── internals ──────────────────────────────────────────────────────────

  /** Persists the change and its webhooks together, then wakes the sender. */
  private commit(): void {
    this.store.save();
    this.webhooks.kick();
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

  private requireMember(orgId: string, userId: string): void {
    const org = this.organization(orgId);
    if (!this.membership(org.id, userId)) {
      throw new ClerkError(403, "not_a_member_in_organization", "The user is not a member of this organization.");
    }
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
    if (!(role in this.state.roles)) {
      throw invalid(`${role} is not a role of this instance (roles: ${Object.keys(this.state.roles).join(", ")})`);
    }
  }

  private checkSlug(slug: string): string {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      throw invalid("slug may contain only lowercase letters, digits and single dashes", "form_param_format_invalid");
    }
    if (this.state.organizations.some((o) => o.slug === slug)) {
      throw invalid("This slug is already taken, please try another.", "form_identifier_exists");
    }
    return slug;
  }

  private freeSlug(base: string): string {
    let slug = base;
    for (let n = 2; this.state.organizations.some((o) => o.slug === slug); n++) slug = `${base}-${n}`;
    return slug;
  }
}
