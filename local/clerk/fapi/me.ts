/**
 * `/v1/me…`: the signed-in user, as clerk-js's `User` resource and Clerk's
 * `<UserProfile/>` use it — names, email addresses (added with an email
 * code), password, active sessions, organization memberships (leave) and
 * invitations (accept) — and `POST /v1/organizations`, a signed-in user
 * creating an organization. Every change emits the webhook Clerk would send.
 */
import type { ClerkPaginatedResponse, DeletedObjectJSON, SessionWithActivitiesJSON } from "@clerk/shared/types";
import type { Directory } from "../directory";
import { ClerkError, invalid } from "../errors";
import { json, type Request, type Router } from "../http";
import { newId } from "../ids";
import { verifyPassword } from "../passwords";
import type { SessionRecord } from "../store";
import type { Frontend } from "./frontend";
import { emailAddressJson, membershipJson, organizationJson, sessionJson, userInvitationJson, userJson } from "./json";
import { checkCode } from "./signIn";

const CODE_LIFETIME_MS = 10 * 60_000;
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Clerk's `limit` / `offset` pagination over `items`. */
function page<T, J>(req: Request, items: T[], toJson: (item: T) => J): ClerkPaginatedResponse<J> {
  const limit = Math.min(500, Math.max(1, Number(req.url.searchParams.get("limit") ?? 10) || 10));
  const offset = Math.max(0, Number(req.url.searchParams.get("offset") ?? 0) || 0);
  return { data: items.slice(offset, offset + limit).map(toJson), total_count: items.length };
}

export function meRoutes(router: Router, fapi: Frontend, base: string, logger: Pick<Console, "info">): void {
  const dir: Directory = fapi.dir;
  const me = (req: Request) => {
    const { client, session } = fapi.currentSession(req);
    return { client, session, user: dir.user(session.user_id) };
  };

  router.add("GET", `${base}/me`, async (req) => {
    const { client, user } = me(req);
    return await fapi.reply(req, client, userJson(dir, user));
  });

  router.add("PATCH", `${base}/me`, async (req) => {
    const { client, user } = me(req);
    const body = req.body;
    dir.updateUser(user.id, {
      ...(str(body.first_name) !== undefined ? { first_name: str(body.first_name)!.trim() } : {}),
      ...(str(body.last_name) !== undefined ? { last_name: str(body.last_name)!.trim() } : {}),
      ...(str(body.primary_email_address_id) ? { primary_email_address_id: str(body.primary_email_address_id) } : {}),
    });
    return await fapi.reply(req, client, userJson(dir, user));
  });

  router.add("DELETE", `${base}/me`, async (req) => {
    const { client, user } = me(req);
    dir.deleteUser(user.id);
    fapi.markChanged(client);
    const deleted: DeletedObjectJSON = { object: "user", id: user.id, deleted: true };
    return await fapi.reply(req, client, deleted);
  });

  router.add("POST", `${base}/me/change_password`, async (req) => {
    const { client, session, user } = me(req);
    const next = str(req.body.new_password);
    if (!next) throw invalid("Enter a new password.", "form_param_missing", "new_password");
    if (user.password && !verifyPassword(user.password, str(req.body.current_password) ?? "")) {
      throw new ClerkError(422, "form_password_incorrect", "Password is incorrect.", undefined, "current_password");
    }
    dir.updateUser(user.id, { password: next });
    if (req.body.sign_out_of_other_sessions === "true" || req.body.sign_out_of_other_sessions === true) {
      for (const other of dir.state.sessions) if (other.user_id === user.id && other.id !== session.id) dir.endSession(other.id, "revoked");
    }
    return await fapi.reply(req, client, userJson(dir, user));
  });

  // ── email addresses ──────────────────────────────────────────────────

  const ownEmail = (req: Request) => {
    const ctx = me(req);
    const email = ctx.user.email_addresses.find((e) => e.id === req.params.id);
    if (!email) throw new ClerkError(404, "resource_not_found", "Email address not found.");
    return { ...ctx, email };
  };

  router.add("POST", `${base}/me/email_addresses`, async (req) => {
    const { client, user } = me(req);
    const address = str(req.body.email_address)?.trim().toLowerCase() ?? "";
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw invalid("Email address must be a valid email address.", "form_param_format_invalid", "email_address");
    if (dir.userByEmail(address)) throw invalid("That email address is taken. Please try another.", "form_identifier_exists", "email_address");
    const email = { id: newId("idn"), email_address: address, verified: false, verification: null, created_at: dir.store.now() };
    user.email_addresses.push(email);
    dir.commit();
    return await fapi.reply(req, client, emailAddressJson(email));
  });

  router.add("GET", `${base}/me/email_addresses/:id`, async (req) => {
    const { client, email } = ownEmail(req);
    return await fapi.reply(req, client, emailAddressJson(email));
  });

  router.add("POST", `${base}/me/email_addresses/:id/prepare_verification`, async (req) => {
    const { client, email } = ownEmail(req);
    if (str(req.body.strategy) !== "email_code") throw invalid("Verify with email_code.", "form_param_value_invalid", "strategy");
    email.verification = { strategy: "email_code", status: "unverified", attempts: 0, expire_at: Date.now() + CODE_LIFETIME_MS };
    logger.info(`clerk emulator: verification code for ${email.email_address} is ${dir.settings.verification_code}`);
    dir.commit();
    return await fapi.reply(req, client, emailAddressJson(email));
  });

  router.add("POST", `${base}/me/email_addresses/:id/attempt_verification`, async (req) => {
    const { client, user, email } = ownEmail(req);
    if (!email.verification) throw new ClerkError(400, "verification_not_prepared", "Ask for a code first.");
    checkCode(email.verification, str(req.body.code), dir.settings.verification_code, () => dir.commit());
    email.verification.status = "verified";
    email.verified = true;
    dir.touchUser(user);
    return await fapi.reply(req, client, emailAddressJson(email));
  });

  router.add("DELETE", `${base}/me/email_addresses/:id`, async (req) => {
    const { client, user, email } = ownEmail(req);
    if (email.id === user.primary_email_address_id) throw new ClerkError(400, "primary_email_address_required", "The primary email address cannot be removed.");
    user.email_addresses = user.email_addresses.filter((e) => e !== email);
    dir.touchUser(user);
    const deleted: DeletedObjectJSON = { object: "email_address", id: email.id, deleted: true };
    return await fapi.reply(req, client, deleted);
  });

  // ── sessions ─────────────────────────────────────────────────────────

  const withActivity = (s: SessionRecord): SessionWithActivitiesJSON => ({
    ...sessionJson(dir, s, null),
    user: null,
    latest_activity: { object: "session_activity", id: `sess_activity_${s.id}`, browser_name: "Browser", device_type: "Desktop", ip_address: "127.0.0.1", city: "Localhost", is_mobile: false },
  });

  /** The user's signed-in sessions on every device (`<UserProfile/>` → Security → Active devices): a bare array, no envelope. */
  router.add("GET", `${base}/me/sessions/active`, (req) => {
    const { user } = me(req);
    const active = dir.state.sessions.filter((s) => s.user_id === user.id && s.status === "active");
    return json(200, active.map(withActivity), { "cache-control": "no-store" });
  });

  /** Signs another device out ("Sign out of device"); its next token request answers 401. */
  router.add("POST", `${base}/me/sessions/:id/revoke`, async (req) => {
    const { client, user } = me(req);
    const target = dir.state.sessions.find((s) => s.id === req.params.id && s.user_id === user.id);
    if (!target) throw new ClerkError(404, "resource_not_found", "Session not found.");
    dir.endSession(target.id, "revoked");
    const owner = dir.state.clients.find((c) => c.id === target.client_id);
    if (owner) fapi.markChanged(owner);
    return await fapi.reply(req, client, withActivity(target));
  });

  // ── organizations ────────────────────────────────────────────────────

  router.add("GET", `${base}/me/organization_memberships`, async (req) => {
    const { client, user } = me(req);
    return await fapi.reply(req, client, page(req, dir.membershipsOf(user.id), (m) => membershipJson(dir, m)));
  });

  router.add("DELETE", `${base}/me/organization_memberships/:org`, async (req) => {
    const { client, user } = me(req);
    const membership = dir.membership(dir.organization(req.params.org!).id, user.id);
    if (!membership) throw new ClerkError(404, "resource_not_found", "You are not a member of this organization.");
    const json = membershipJson(dir, membership);
    dir.removeMembership(membership.organization_id, user.id);
    return await fapi.reply(req, client, { ...json, deleted: true });
  });

  router.add("GET", `${base}/me/organization_invitations`, async (req) => {
    const { client, user } = me(req);
    const statuses = req.url.searchParams.getAll("status").flatMap((s) => s.split(","));
    const emails = dir.verifiedEmails(user);
    const invitations = dir.state.invitations.filter(
      (i) => emails.includes(i.email_address) && (statuses.length === 0 || statuses.includes(i.status)) && (i.status !== "pending" || i.expires_at > Date.now()),
    );
    return await fapi.reply(req, client, page(req, invitations, (i) => userInvitationJson(dir, i)));
  });

  router.add("POST", `${base}/me/organization_invitations/:id/accept`, async (req) => {
    const { client, user } = me(req);
    const invitation = dir.invitation(req.params.id!);
    if (!dir.verifiedEmails(user).includes(invitation.email_address)) throw new ClerkError(404, "resource_not_found", "Invitation not found.");
    dir.acceptInvitation(invitation.id, user.id);
    return await fapi.reply(req, client, userInvitationJson(dir, invitation));
  });

  router.add("GET", `${base}/me/organization_suggestions`, async (req) => {
    const { client } = me(req);
    return await fapi.reply(req, client, { data: [], total_count: 0 } satisfies ClerkPaginatedResponse<never>);
  });

  router.add("POST", `${base}/organizations`, async (req) => {
    const { client, user } = me(req);
    if (!dir.settings.organizations.users_can_create) {
      throw new ClerkError(403, "organization_creation_not_allowed", "You are not allowed to create organizations.");
    }
    const name = str(req.body.name) ?? "";
    const org = dir.createOrganization({ name, slug: str(req.body.slug) || undefined, created_by: user.id });
    return await fapi.reply(req, client, organizationJson(dir, org));
  });
}
