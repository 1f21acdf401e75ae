/**
 * The subset of Clerk's Backend API the app uses (plus a few neighbours that
 * make it usable on its own: users with passwords, sessions and session
 * tokens, sign-in tokens, and the handshake payload Clerk's middleware
 * fetches), with Clerk's paths, snake_case bodies, JSON shapes and
 * pagination, so `createClerkClient({ secretKey, apiUrl })` works against it
 * unchanged. The server checks the secret key before any of these run.
 */
import { z } from "zod";
import type { Directory } from "./directory";
import { ClerkError } from "./errors";
import type { Handshakes } from "./fapi/handshake";
import { json, parseBody, type Request, type Router } from "./http";
import { newId, randomBase62 } from "./ids";
import { convexTemplateClaims, sessionClaims } from "./sessionClaims";
import { primaryEmail, sessionJson, userJson } from "./shapes";
import type { SignInTokenRecord, UserRecord } from "./store";
import type { Tokens } from "./tokens";

const metadata = z.record(z.string(), z.unknown());
/** Clerk accepts null for "not set" in most optional fields. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const bodies = {
  createUser: z.object({
    email_address: optional(z.array(z.string())),
    first_name: optional(z.string()),
    last_name: optional(z.string()),
    username: optional(z.string()),
    external_id: optional(z.string()),
    password: optional(z.string()),
    skip_password_checks: optional(z.boolean()),
    public_metadata: optional(metadata),
    private_metadata: optional(metadata),
    unsafe_metadata: optional(metadata),
  }),
  updateUser: z.object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    username: z.string().nullish(),
    external_id: z.string().nullish(),
    password: optional(z.string()),
    skip_password_checks: optional(z.boolean()),
    primary_email_address_id: optional(z.string()),
    public_metadata: optional(metadata),
    private_metadata: optional(metadata),
    unsafe_metadata: optional(metadata),
  }),
  createOrganization: z.object({
    name: z.string(),
    slug: optional(z.string()),
    created_by: optional(z.string()),
    max_allowed_memberships: optional(z.number().int().nonnegative()),
    public_metadata: optional(metadata),
    private_metadata: optional(metadata),
  }),
  updateOrganization: z.object({
    name: optional(z.string()),
    slug: optional(z.string()),
    max_allowed_memberships: optional(z.number().int().nonnegative()),
    public_metadata: optional(metadata),
    private_metadata: optional(metadata),
  }),
  membership: z.object({ user_id: z.string(), role: z.string() }),
  role: z.object({ role: z.string() }),
  createInvitation: z.object({
    email_address: z.string(),
    role: z.string(),
    inviter_user_id: optional(z.string()),
    expires_in_days: optional(z.number().int().positive()),
    redirect_url: optional(z.string()),
    public_metadata: optional(metadata),
  }),
  createSession: z.object({ user_id: z.string() }),
  token: z.object({ expires_in_seconds: optional(z.number().int().positive()) }),
  signInToken: z.object({ user_id: z.string(), expires_in_seconds: optional(z.number().int().positive().max(315_360_000)) }),
};

/** Clerk's SignInToken JSON; `url` is where a browser completes it (the app's sign-in page reads `__clerk_ticket`). */
function signInTokenJson(t: SignInTokenRecord, appSignInUrl: string) {
  return {
    object: "sign_in_token",
    id: t.id,
    user_id: t.user_id,
    token: t.token,
    status: t.status,
    url: `${appSignInUrl}?__clerk_ticket=${t.token}`,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
}


/** Clerk's `limit` (default 10, at most 500) and `offset`. */
function paginate<T>(req: Request, items: T[]): T[] {
  const limit = Math.min(500, Math.max(1, Number(req.url.searchParams.get("limit") ?? 10) || 10));
  const offset = Math.max(0, Number(req.url.searchParams.get("offset") ?? 0) || 0);
  return items.slice(offset, offset + limit);
}

/** Clerk lists newest first (`-created_at`) unless `order_by=+created_at`. */
function ordered<T extends { created_at: number }>(req: Request, items: T[]): T[] {
  const ascending = req.url.searchParams.get("order_by") === "+created_at";
  return [...items].sort((a, b) => (ascending ? a.created_at - b.created_at : b.created_at - a.created_at));
}

const page = <T>(req: Request, items: T[], toJson: (item: T) => unknown) => {
  const slice = paginate(req, items);
  return json(200, { data: slice.map(toJson), total_count: items.length });
};

export function backendRoutes(router: Router, dir: Directory, tokens: Tokens, handshakes: Handshakes, appUrl: string): void {
  const state = () => dir.store.state;
  const all = (req: Request, name: string) => req.url.searchParams.getAll(name);

  // ── users ──────────────────────────────────────────────────────────────

  /** The filters `GET /users` and `GET /users/count` share. */
  const filterUsers = (req: Request): UserRecord[] => {
    const emails = all(req, "email_address").map((e) => e.toLowerCase());
    const ids = all(req, "user_id");
    const orgIds = all(req, "organization_id");
    const externalIds = all(req, "external_id");
    const query = req.url.searchParams.get("query")?.toLowerCase();
    return state().users.filter(
      (u) =>
        (!emails.length || u.email_addresses.some((e) => emails.includes(e.email_address))) &&
        (!ids.length || ids.includes(u.id)) &&
        (!externalIds.length || (u.external_id !== null && externalIds.includes(u.external_id))) &&
        (!orgIds.length || state().memberships.some((m) => m.user_id === u.id && orgIds.includes(m.organization_id))) &&
        (!query ||
          [u.id, u.first_name, u.last_name, u.username, ...u.email_addresses.map((e) => e.email_address)].some((f) =>
            f?.toLowerCase().includes(query),
          )),
    );
  };

  // Clerk answers GET /users with a bare array (the SDK fetches the count separately).
  router.add("GET", "/v1/users", (req) => json(200, paginate(req, ordered(req, filterUsers(req))).map(userJson)));
  router.add("GET", "/v1/users/count", (req) => json(200, { object: "total_count", total_count: filterUsers(req).length }));
  router.add("POST", "/v1/users", (req) => json(200, userJson(dir.createUser(parseBody(bodies.createUser, req.body)))));
  router.add("GET", "/v1/users/:user", (req) => json(200, userJson(dir.user(req.params.user!))));
  router.add("PATCH", "/v1/users/:user", (req) => json(200, userJson(dir.updateUser(req.params.user!, parseBody(bodies.updateUser, req.body)))));
  router.add("DELETE", "/v1/users/:user", (req) => json(200, dir.deleteUser(req.params.user!)));

  router.add("GET", "/v1/users/:user/organization_memberships", (req) => {
    const user = dir.user(req.params.user!);
    const memberships = state().memberships.filter((m) => m.user_id === user.id);
    return page(req, ordered(req, memberships), (m) => dir.membershipJson(m));
  });

  router.add("GET", "/v1/users/:user/organization_invitations", (req) => {
    const user = dir.user(req.params.user!);
    const emails = user.email_addresses.map((e) => e.email_address);
    const statuses = all(req, "status");
    const invitations = state().invitations.filter((i) => emails.includes(i.email_address) && (!statuses.length || statuses.includes(i.status)));
    return page(req, ordered(req, invitations), (i) => dir.invitationJson(i));
  });

  // ── organizations ──────────────────────────────────────────────────────

  router.add("GET", "/v1/organizations", (req) => {
    const query = req.url.searchParams.get("query")?.toLowerCase();
    const ids = all(req, "organization_id");
    const orgs = state().organizations.filter(
      (o) =>
        (!ids.length || ids.includes(o.id)) &&
        (!query || o.id === query || o.name.toLowerCase().includes(query) || o.slug.includes(query)),
    );
    return page(req, ordered(req, orgs), (o) => dir.organizationJson(o));
  });
  router.add("POST", "/v1/organizations", (req) => json(200, dir.organizationJson(dir.createOrganization(parseBody(bodies.createOrganization, req.body)))));
  router.add("GET", "/v1/organizations/:org", (req) => json(200, dir.organizationJson(dir.organization(req.params.org!))));
  router.add("PATCH", "/v1/organizations/:org", (req) =>
    json(200, dir.organizationJson(dir.updateOrganization(req.params.org!, parseBody(bodies.updateOrganization, req.body)))),
  );
  router.add("DELETE", "/v1/organizations/:org", (req) => json(200, dir.deleteOrganization(req.params.org!)));

  // ── memberships ────────────────────────────────────────────────────────

  router.add("GET", "/v1/organizations/:org/memberships", (req) => {
    const org = dir.organization(req.params.org!);
    const userIds = all(req, "user_id");
    const roles = all(req, "role");
    const emails = all(req, "email_address").map((e) => e.toLowerCase());
    const memberships = state().memberships.filter((m) => {
      if (m.organization_id !== org.id) return false;
      if (userIds.length && !userIds.includes(m.user_id)) return false;
      if (roles.length && !roles.includes(m.role)) return false;
      const email = primaryEmail(dir.user(m.user_id));
      return !emails.length || (email !== null && emails.includes(email));
    });
    return page(req, ordered(req, memberships), (m) => dir.membershipJson(m));
  });
  // Every membership of the instance (what reconciliation pages through).
  router.add("GET", "/v1/organization_memberships", (req) => page(req, ordered(req, state().memberships), (m) => dir.membershipJson(m)));
  router.add("POST", "/v1/organizations/:org/memberships", (req) => {
    const { user_id, role } = parseBody(bodies.membership, req.body);
    return json(200, dir.membershipJson(dir.addMembership(req.params.org!, user_id, role)));
  });
  router.add("PATCH", "/v1/organizations/:org/memberships/:user", (req) => {
    const { role } = parseBody(bodies.role, req.body);
    return json(200, dir.membershipJson(dir.updateMembership(req.params.org!, req.params.user!, role)));
  });
  router.add("DELETE", "/v1/organizations/:org/memberships/:user", (req) => json(200, dir.removeMembership(req.params.org!, req.params.user!)));

  // ── invitations ────────────────────────────────────────────────────────

  router.add("GET", "/v1/organizations/:org/invitations", (req) => {
    const org = dir.organization(req.params.org!);
    const statuses = all(req, "status");
    const invitations = state().invitations.filter((i) => i.organization_id === org.id && (!statuses.length || statuses.includes(i.status)));
    return page(req, ordered(req, invitations), (i) => dir.invitationJson(i));
  });
  router.add("POST", "/v1/organizations/:org/invitations", (req) => {
    const input = parseBody(bodies.createInvitation, req.body);
    return json(200, dir.invitationJson(dir.createInvitation(req.params.org!, input)));
  });
  router.add("GET", "/v1/organizations/:org/invitations/:inv", (req) => {
    const org = dir.organization(req.params.org!);
    return json(200, dir.invitationJson(dir.invitation(req.params.inv!, org.id)));
  });
  router.add("POST", "/v1/organizations/:org/invitations/:inv/revoke", (req) =>
    json(200, dir.invitationJson(dir.revokeInvitation(req.params.org!, req.params.inv!))),
  );

  // ── sessions and tokens (what `clerk.sessions.createSession` / `getToken` call) ──

  const session = (s: Parameters<typeof dir.sessionStatus>[0]) => sessionJson(s, dir.sessionStatus(s));
  router.add("POST", "/v1/sessions", (req) => json(200, session(dir.createSession(parseBody(bodies.createSession, req.body).user_id))));
  router.add("GET", "/v1/sessions/:sid", (req) => json(200, session(dir.session(req.params.sid!))));
  router.add("POST", "/v1/sessions/:sid/revoke", (req) => json(200, session(dir.endSession(req.params.sid!, "revoked"))));
  router.add("POST", "/v1/sessions/:sid/tokens", async (req) => {
    const active = dir.activeSession(req.params.sid!);
    const { expires_in_seconds } = parseBody(bodies.token, req.body);
    const jwt = await tokens.mint(sessionClaims(dir, active), expires_in_seconds ?? dir.settings.session_token_lifetime_seconds);
    return json(200, { object: "token", jwt });
  });

  // Clerk's JWT templates; the emulator knows the stock `convex` template.
  router.add("POST", "/v1/sessions/:sid/tokens/:template", async (req) => {
    const active = dir.activeSession(req.params.sid!);
    if (req.params.template !== "convex") throw new ClerkError(404, "resource_not_found", "JWT template not found.");
    return json(200, { object: "token", jwt: await tokens.mint(convexTemplateClaims(dir, active), dir.settings.session_token_lifetime_seconds) });
  });

  // ── sign-in tokens (the `ticket` strategy: one-click sign-in links) ──

  router.add("POST", "/v1/sign_in_tokens", (req) => {
    const { user_id, expires_in_seconds } = parseBody(bodies.signInToken, req.body);
    const user = dir.user(user_id);
    const now = dir.store.now();
    const token: SignInTokenRecord = {
      id: newId("sit"),
      user_id: user.id,
      token: randomBase62(48),
      status: "pending",
      expires_at: now + (expires_in_seconds ?? 30 * 86_400) * 1000,
      created_at: now,
      updated_at: now,
    };
    // Used and expired tokens are of no further use.
    dir.state.sign_in_tokens = [...dir.state.sign_in_tokens.filter((t) => t.status === "pending" && t.expires_at > Date.now()), token];
    dir.commit();
    return json(200, signInTokenJson(token, `${appUrl}/sign-in`));
  });
  router.add("POST", "/v1/sign_in_tokens/:id/revoke", (req) => {
    const token = dir.state.sign_in_tokens.find((t) => t.id === req.params.id);
    if (!token) throw new ClerkError(404, "resource_not_found", "not found", "No sign-in token was found with the given identifier.");
    if (token.status === "pending") token.status = "revoked";
    token.updated_at = dir.store.now();
    dir.commit();
    return json(200, signInTokenJson(token, `${appUrl}/sign-in`));
  });

  // ── what Clerk's middleware fetches ──────────────────────────────────

  router.add("GET", "/v1/jwks", () => json(200, tokens.jwks()));
  router.add("GET", "/v1/clients/handshake_payload", (req) => {
    const directives = handshakes.payload(req.url.searchParams.get("nonce") ?? "");
    if (!directives) throw new ClerkError(404, "resource_not_found", "Handshake not found.", "The handshake nonce is unknown or expired.");
    return json(200, { directives });
  });
}
