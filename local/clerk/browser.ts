/**
 * What the browser talks to: the sign-in page (which sets the session
 * cookie on this origin and redirects back to the app) and the JSON
 * endpoints the app calls with credentials to read the session, get a fresh
 * token, switch the active organization, edit the profile and sign out.
 */
import type { Directory } from "./directory";
import { ClerkError } from "./errors";
import { corsHeaders, html, isLocalOrigin, json, redirect, type Reply, type Request, type Router } from "./http";
import { fullName, primaryEmail } from "./shapes";
import { renderMessage, renderSignIn } from "./signIn";
import type { SessionRecord } from "./store";
import type { Tokens } from "./tokens";

export const SESSION_COOKIE = "__local_session";
const COOKIE_MAX_AGE = 30 * 86_400;

const setCookie = (value: string) => `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE}`;
const clearCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

export function browserRoutes(router: Router, dir: Directory, tokens: Tokens): void {
  const currentSession = (req: Request) => dir.sessionByCookie(req.cookies[SESSION_COOKIE]);

  /** The session behind the cookie, or a 401 the app treats as "signed out". */
  const requireSession = (req: Request): SessionRecord => {
    const session = currentSession(req);
    if (!session) throw new ClerkError(401, "signed_out", "You are signed out.");
    return session;
  };

  /** What `GET /session` answers: the user, the active org and every org with the user's role. */
  const sessionView = (session: SessionRecord) => {
    const user = dir.user(session.user_id);
    const organizations = dir.store.state.memberships
      .filter((m) => m.user_id === user.id)
      .map((m) => {
        const org = dir.organization(m.organization_id);
        return { id: org.id, name: org.name, slug: org.slug, role: m.role };
      });
    const active = organizations.find((o) => o.id === session.last_active_organization_id) ?? null;
    return {
      sessionId: session.id,
      user: { id: user.id, firstName: user.first_name, lastName: user.last_name, fullName: fullName(user), email: primaryEmail(user) },
      activeOrganization: active,
      organizations,
    };
  };

  const signInPage = (req: Request, status = 200, error?: string, values?: Record<string, string>): Reply => {
    const state = dir.store.state;
    const current = currentSession(req);
    const currentUser = current && dir.user(current.user_id);
    const currentOrg = current?.last_active_organization_id ? state.organizations.find((o) => o.id === current.last_active_organization_id) : undefined;
    const page = renderSignIn({
      users: state.users.map((u) => ({
        id: u.id,
        name: fullName(u),
        email: primaryEmail(u) ?? "",
        orgs: state.memberships
          .filter((m) => m.user_id === u.id)
          .map((m) => ({ id: m.organization_id, name: dir.organization(m.organization_id).name, role: m.role })),
      })),
      invitations: dir.pendingInvitations().map((i) => ({
        id: i.id,
        email: i.email_address,
        orgName: dir.organization(i.organization_id).name,
        role: i.role,
      })),
      redirectUrl: redirectTarget(req),
      current: currentUser ? { name: fullName(currentUser) || (primaryEmail(currentUser) ?? currentUser.id), orgName: currentOrg?.name ?? null } : null,
      error,
      values,
    });
    return html(status, page);
  };

  router.add("GET", "/sign-in", (req) => {
    const target = req.url.searchParams.get("redirect_url");
    if (target && !isLocalOrigin(target)) {
      return html(400, renderMessage("Redirect not allowed", `Only http://localhost:* and http://127.0.0.1:* targets are allowed, not ${target}.`));
    }
    return signInPage(req);
  });

  router.add("POST", "/sign-in", (req) => {
    const values = Object.fromEntries(Object.entries(req.body).map(([k, v]) => [k, text(v)]));
    try {
      const session = signIn(dir, values);
      const previous = currentSession(req);
      if (previous) dir.endSession(previous.id);
      return redirect(redirectTarget(req) ?? "/sign-in", { "set-cookie": setCookie(session.cookie) });
    } catch (error) {
      if (error instanceof ClerkError) return signInPage(req, error.status, error.longMessage, values);
      throw error;
    }
  });

  /** A link-friendly sign-out for the app's menu: `/sign-out?redirect_url=…`. */
  router.add("GET", "/sign-out", (req) => {
    const session = currentSession(req);
    if (session) dir.endSession(session.id);
    return redirect(redirectTarget(req) ?? "/sign-in", { "set-cookie": clearCookie() });
  });

  router.add("GET", "/session", (req) => json(200, sessionView(requireSession(req))));

  router.add("POST", "/session/token", async (req) => {
    const session = requireSession(req);
    return json(200, { jwt: await tokens.mint(dir.claims(session)) });
  });

  router.add("POST", "/session/active-org", async (req) => {
    const orgId = req.body.orgId;
    if (orgId !== null && typeof orgId !== "string") throw new ClerkError(422, "form_param_missing", "orgId must be an organization id or null.");
    const session = dir.setActiveOrganization(requireSession(req).id, orgId);
    return json(200, { ...sessionView(session), jwt: await tokens.mint(dir.claims(session)) });
  });

  router.add("POST", "/session/profile", (req) => {
    const session = requireSession(req);
    const { firstName, lastName } = req.body;
    dir.updateUser(session.user_id, {
      ...(typeof firstName === "string" ? { first_name: firstName.trim() } : {}),
      ...(typeof lastName === "string" ? { last_name: lastName.trim() } : {}),
    });
    return json(200, sessionView(session));
  });

  router.add("POST", "/session/sign-out", (req) => {
    const session = currentSession(req);
    if (session) dir.endSession(session.id);
    return json(200, { signedOut: true }, { "set-cookie": clearCookie() });
  });

  // CORS preflight for the JSON endpoints (the app sends JSON with credentials).
  router.add("OPTIONS", "/session", (req) => ({ status: 204, headers: corsHeaders(req.headers.origin) }));
  router.add("OPTIONS", "/session/:action", (req) => ({ status: 204, headers: corsHeaders(req.headers.origin) }));
}

/** The validated `redirect_url` (query or form), or null. */
function redirectTarget(req: Request): string | null {
  const target = text(req.body.redirect_url) || req.url.searchParams.get("redirect_url");
  return target && isLocalOrigin(target) ? target : null;
}

/** Resolves the form into a session: existing or new user, then an org to make active. */
function signIn(dir: Directory, form: Record<string, string>): SessionRecord {
  const userId = form.user_id;
  let user;
  if (!userId || userId === "new") {
    if (!form.email) throw new ClerkError(422, "form_param_missing", "Enter an email address for the new user.");
    if (dir.userByEmail(form.email)) {
      throw new ClerkError(422, "form_identifier_exists", `${form.email} already belongs to a user: pick them from the list.`);
    }
    user = dir.createUser({ first_name: form.first_name, last_name: form.last_name, email_address: [form.email] });
    form.user_id = user.id; // should the org step fail, the page comes back with this user selected
  } else {
    user = dir.user(userId);
  }

  const choice = form.org ?? "";
  let orgId: string | null = null;
  if (choice === "new") {
    if (!form.org_name) throw new ClerkError(422, "form_param_missing", "Enter a name for the new organization.");
    orgId = dir.createOrganization({ name: form.org_name, created_by: user.id }).id;
  } else if (choice.startsWith("inv:")) {
    orgId = dir.acceptInvitation(choice.slice(4), user.id).membership.organization_id;
  } else if (choice) {
    orgId = choice;
  }
  return dir.createSession(user.id, orgId);
}
