/**
 * Clerk's Frontend API (what clerk-js, Clerk's components and Clerk's
 * middleware call), under `${emulator}/fapi`: the app's
 * `NEXT_PUBLIC_CLERK_PROXY_URL`. clerk-js sends every non-GET as a POST
 * with `_method`, form-encoded; the server turns `_method` back into the
 * method before routing.
 *
 *   GET  /v1/environment
 *   GET  /v1/client · PUT|POST /v1/client · DELETE /v1/client · DELETE /v1/client/sessions
 *   POST /v1/client/sign_ins[/{id}/prepare_first_factor|attempt_first_factor] · GET /v1/client/sign_ins/{id}
 *   POST /v1/client/sign_ups · PATCH /v1/client/sign_ups/{id} · POST …/prepare_verification|attempt_verification
 *   POST /v1/client/sessions/{id}/touch|tokens[/{template}]|end|remove
 *   GET  /v1/client/handshake · GET /v1/tickets/accept
 *   /v1/me… and POST /v1/organizations (me.ts)
 */
import type { Directory } from "../directory";
import { ClerkError } from "../errors";
import { json, redirect, type Request, type Router } from "../http";
import type { Frontend } from "./frontend";
import { environmentJson } from "./environment";
import { Handshakes } from "./handshake";
import { signInJson, signUpJson, sessionJson } from "./json";
import { meRoutes } from "./me";
import { SignIns } from "./signIn";
import { SignUps } from "./signUp";

export const FAPI_BASE = "/fapi/v1";

export function frontendRoutes(router: Router, fapi: Frontend, logger: Pick<Console, "info">): Handshakes {
  const dir: Directory = fapi.dir;
  const base = FAPI_BASE;
  const signIns = new SignIns(fapi, logger);
  const signUps = new SignUps(fapi, logger);
  const handshakes = new Handshakes(fapi);

  router.add("GET", `${base}/environment`, () =>
    json(200, environmentJson(dir.settings, { appUrl: fapi.options.appUrl }), { "cache-control": "no-store" }),
  );

  // ── client ───────────────────────────────────────────────────────────

  const createClient = async (req: Request) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, await fapi.clientJson(req, client));
  };
  router.add("GET", `${base}/client`, createClient);
  router.add("PUT", `${base}/client`, createClient);
  router.add("POST", `${base}/client`, createClient);

  /** Signs every session of this client out (clerk-js `signOut()`), keeping the client. */
  router.add("DELETE", `${base}/client/sessions`, async (req) => {
    const client = fapi.ensureClient(req);
    for (const session of fapi.sessions(client)) dir.endSession(session.id, "removed");
    client.last_active_session_id = null;
    fapi.markChanged(client);
    return await fapi.reply(req, client, await fapi.clientJson(req, client));
  });

  /** Ends the client itself; the browser gets a new one on its next request. */
  router.add("DELETE", `${base}/client`, async (req) => {
    const client = fapi.client(req);
    if (!client) return await fapi.reply(req, undefined, null);
    for (const session of fapi.sessions(client)) dir.endSession(session.id, "ended");
    const gone = await fapi.clientJson(req, client);
    dir.state.clients = dir.state.clients.filter((c) => c !== client);
    dir.commit();
    const reply = await fapi.reply(req, undefined, { ...gone, sessions: [] });
    return { ...reply, headers: { ...reply.headers, "set-cookie": [...fapi.uatCookies(undefined), "__client=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"] } };
  });

  // ── sign-in and sign-up attempts ─────────────────────────────────────

  router.add("POST", `${base}/client/sign_ins`, async (req) => {
    const client = fapi.ensureClient(req);
    const attempt = signIns.create(client, req.body);
    return await fapi.reply(req, client, signInJson(dir, attempt));
  });
  router.add("GET", `${base}/client/sign_ins/:id`, async (req) => {
    const client = fapi.ensureClient(req);
    const attempt = client.sign_in;
    if (attempt?.id !== req.params.id) throw new ClerkError(404, "resource_not_found", "Sign in not found.");
    return await fapi.reply(req, client, signInJson(dir, attempt!));
  });
  router.add("POST", `${base}/client/sign_ins/:id/prepare_first_factor`, async (req) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, signInJson(dir, signIns.prepareFirstFactor(client, req.params.id!, req.body)));
  });
  router.add("POST", `${base}/client/sign_ins/:id/attempt_first_factor`, async (req) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, signInJson(dir, signIns.attemptFirstFactor(client, req.params.id!, req.body)));
  });

  router.add("POST", `${base}/client/sign_ups`, async (req) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, signUpJson(signUps.create(client, req.body), dir.settings));
  });
  router.add("GET", `${base}/client/sign_ups/:id`, async (req) => {
    const client = fapi.ensureClient(req);
    const attempt = client.sign_up;
    if (attempt?.id !== req.params.id) throw new ClerkError(404, "resource_not_found", "Sign up not found.");
    return await fapi.reply(req, client, signUpJson(attempt!, dir.settings));
  });
  router.add("PATCH", `${base}/client/sign_ups/:id`, async (req) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, signUpJson(signUps.update(client, req.params.id!, req.body), dir.settings));
  });
  router.add("POST", `${base}/client/sign_ups/:id/prepare_verification`, async (req) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, signUpJson(signUps.prepareVerification(client, req.params.id!, req.body), dir.settings));
  });
  router.add("POST", `${base}/client/sign_ups/:id/attempt_verification`, async (req) => {
    const client = fapi.ensureClient(req);
    return await fapi.reply(req, client, signUpJson(signUps.attemptVerification(client, req.params.id!, req.body), dir.settings));
  });

  // ── sessions ─────────────────────────────────────────────────────────

  router.add("POST", `${base}/client/sessions/:id/touch`, async (req) => {
    const client = fapi.ensureClient(req);
    let session = fapi.clientSession(client, req.params.id!);
    if ("active_organization_id" in req.body) {
      const wanted = req.body.active_organization_id;
      session = dir.setActiveOrganization(session.id, typeof wanted === "string" && wanted !== "" && wanted !== "null" ? wanted : null);
    }
    session.last_active_at = dir.store.now();
    client.last_active_session_id = session.id;
    dir.commit();
    return await fapi.reply(req, client, sessionJson(dir, session, await fapi.sessionToken(session, req.headers.origin)));
  });

  /** A fresh session token: the bare `{ object: "token", jwt }` clerk-js expects (no envelope). */
  router.add("POST", `${base}/client/sessions/:id/tokens`, async (req) => {
    const session = signedInSession(req);
    const orgId = typeof req.body.organization_id === "string" && req.body.organization_id !== "" ? req.body.organization_id : undefined;
    return json(200, { object: "token", jwt: await fapi.sessionToken(session, req.headers.origin, orgId) }, { "cache-control": "no-store" });
  });
  router.add("POST", `${base}/client/sessions/:id/tokens/:template`, async (req) => {
    const session = signedInSession(req);
    return json(200, { object: "token", jwt: await fapi.templateToken(session, req.params.template!) }, { "cache-control": "no-store" });
  });

  /** A token request for a session this browser does not (or no longer) hold: Clerk's 401, which signs clerk-js out. */
  function signedInSession(req: Request) {
    const client = fapi.client(req);
    const session = client && fapi.sessions(client).find((s) => s.id === req.params.id);
    if (!session) throw new ClerkError(401, "signed_out", "You are signed out.", "The session has ended or does not belong to this browser.");
    return session;
  }

  for (const action of ["end", "remove"] as const) {
    router.add("POST", `${base}/client/sessions/:id/${action}`, async (req) => {
      const client = fapi.ensureClient(req);
      const session = dir.endSession(fapi.clientSession(client, req.params.id!).id, action === "end" ? "ended" : "removed");
      if (client.last_active_session_id === session.id) client.last_active_session_id = null;
      fapi.markChanged(client);
      return await fapi.reply(req, client, sessionJson(dir, session, null));
    });
  }

  router.add("GET", `${base}/client/handshake`, (req) => handshakes.handle(req));

  /**
   * An invitation email's link: back to the invitation's `redirect_url`
   * (else the app's sign-up or sign-in page) with `__clerk_ticket` and
   * `__clerk_status`, which Clerk's `<SignIn/>` and `<SignUp/>` complete.
   */
  router.add("GET", `${base}/tickets/accept`, (req) => {
    const invitation = dir.invitationByTicket(req.url.searchParams.get("ticket") ?? "");
    if (!invitation || invitation.status !== "pending" || invitation.expires_at < Date.now()) {
      throw new ClerkError(400, "ticket_invalid", "This invitation link is no longer valid.", "The invitation was accepted, revoked or has expired.");
    }
    const existing = dir.userByEmail(invitation.email_address);
    const status = existing ? "sign_in" : "sign_up";
    const target = new URL(invitation.redirect_url ?? `${fapi.options.appUrl}/${existing ? "sign-in" : "sign-up"}`);
    target.searchParams.set("__clerk_ticket", invitation.ticket);
    target.searchParams.set("__clerk_status", status);
    return redirect(target.href);
  });

  meRoutes(router, fapi, base, logger);
  return handshakes;
}
