/**
 * The Frontend API as clerk-js and Clerk's components use it: one client per
 * browser (cookie), sign-in with a password, an email code or a ticket,
 * sign-up with an email code, session touch and tokens, sign-out, the
 * middleware's handshake, and /v1/me. Response bodies are read as Clerk's
 * published JSON types.
 */
import type { ClientJSON, EnvironmentJSON, SessionJSON, SignInJSON, SignUpJSON, UserJSON, UserOrganizationInvitationJSON } from "@clerk/shared/types";
import { getCookieSuffix } from "@clerk/shared/keys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "./seed";
import { APP_ORIGIN, demo, FapiBrowser, startHarness, type Harness } from "./testkit";

let h: Harness;
let ids: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  h = await startHarness();
  ids = await demo(h);
});
afterAll(() => h.close());

type Envelope<T> = { response: T; client: ClientJSON };
type ErrorBody = { errors: { code: string; message: string; long_message: string; meta?: { param_name?: string } }[] };
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

describe("environment and client", () => {
  it("describes a production instance with email + password, email codes, required names and Organizations, personal accounts off", async () => {
    const env = (await new FapiBrowser(h).call<EnvironmentJSON>("GET", "/environment")).body;
    expect(env.display_config.instance_environment_type).toBe("production");
    expect(env.user_settings.attributes.email_address).toMatchObject({ enabled: true, required: true, used_for_first_factor: true, first_factors: ["email_code"] });
    expect(env.user_settings.attributes.password).toMatchObject({ enabled: true, required: true });
    expect(env.user_settings.attributes.first_name).toMatchObject({ enabled: true, required: true });
    expect(env.user_settings.sign_up.mode).toBe("public");
    expect(env.organization_settings).toMatchObject({ enabled: true, force_organization_selection: true });
  });

  it("gives each browser its own client, kept by an HttpOnly cookie, with CORS for the app's origin only", async () => {
    const a = new FapiBrowser(h);
    const b = new FapiBrowser(h);
    const first = await a.call<Envelope<ClientJSON>>("GET", "/client");
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(first.headers.get("access-control-allow-credentials")).toBe("true");
    expect(first.headers.getSetCookie().find((c) => c.startsWith("__client="))).toMatch(/HttpOnly; SameSite=Lax/);
    const again = await a.call<Envelope<ClientJSON>>("GET", "/client");
    expect(again.body.response.id).toBe(first.body.response.id);
    expect((await b.call<Envelope<ClientJSON>>("GET", "/client")).body.response.id).not.toBe(first.body.response.id);

    const foreign = await fetch(`${h.clerk.frontendApiUrl}/v1/client`, { headers: { origin: "https://evil.example" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("sign-in", () => {
  it("signs in with email and password in one step; __client_uat moves on the app's site", async () => {
    const browser = new FapiBrowser(h);
    const res = await browser.signIn("ada@acme.test", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const body = res.body as unknown as Envelope<SignInJSON>;
    expect(body.response).toMatchObject({ object: "sign_in", status: "complete", identifier: "ada@acme.test" });
    const [session] = body.client.sessions;
    expect(session).toMatchObject({ id: body.response.created_session_id, status: "active", last_active_organization_id: ids.acme });
    expect(body.client.last_active_session_id).toBe(session!.id);
    // The session starts in the user's organization, and its token says so.
    expect(claims(session!.last_active_token.jwt)).toMatchObject({ sub: ids.ada, sid: session!.id, v: 2, sts: "active", azp: APP_ORIGIN, o: { id: ids.acme, slg: "acme", rol: "admin" } });
    const suffix = await getCookieSuffix(h.clerk.publishableKey);
    expect(Number(browser.cookies.get("__client_uat"))).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(browser.cookies.get(`__client_uat_${suffix}`)).toBe(browser.cookies.get("__client_uat"));
  });

  it("refuses a wrong password and an unknown email in Clerk's error shape, under the right field", async () => {
    const browser = new FapiBrowser(h);
    const wrong = await browser.call<ErrorBody>("POST", "/client/sign_ins", { strategy: "password", identifier: "ada@acme.test", password: "nope-nope" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ code: "form_password_incorrect", meta: { param_name: "password" } });
    const unknown = await browser.call<ErrorBody>("POST", "/client/sign_ins", { identifier: "nobody@nowhere.test" });
    expect(unknown.body.errors[0]).toMatchObject({ code: "form_identifier_not_found", meta: { param_name: "identifier" } });
    expect(browser.cookies.get("__client_uat")).toBe("0");
  });

  it("signs in with an email code: identifier, prepare, attempt (wrong code counted, then 424242)", async () => {
    const browser = new FapiBrowser(h);
    const start = await browser.call<Envelope<SignInJSON>>("POST", "/client/sign_ins", { identifier: "bob@acme.test" });
    expect(start.body.response.status).toBe("needs_first_factor");
    const emailFactor = start.body.response.supported_first_factors.find((f) => f.strategy === "email_code") as { email_address_id: string; safe_identifier: string };
    expect(emailFactor.safe_identifier).toBe("bob@acme.test");
    expect(start.body.response.supported_first_factors.map((f) => f.strategy)).toEqual(["password", "email_code"]);

    const id = start.body.response.id;
    const prepared = await browser.call<Envelope<SignInJSON>>("POST", `/client/sign_ins/${id}/prepare_first_factor`, { strategy: "email_code", email_address_id: emailFactor.email_address_id });
    expect(prepared.body.response.first_factor_verification).toMatchObject({ strategy: "email_code", status: "unverified" });
    const wrong = await browser.call<ErrorBody>("POST", `/client/sign_ins/${id}/attempt_first_factor`, { strategy: "email_code", code: "111111" });
    expect(wrong.body.errors[0]).toMatchObject({ code: "form_code_incorrect", meta: { param_name: "code" } });
    const done = await browser.call<Envelope<SignInJSON>>("POST", `/client/sign_ins/${id}/attempt_first_factor`, { strategy: "email_code", code: "424242" });
    expect(done.body.response.status).toBe("complete");
    expect(done.body.client.sessions).toHaveLength(1);
    expect(done.body.client.last_authentication_strategy).toBe("email_code");
  });

  it("create with strategy email_code sends the code at once", async () => {
    const browser = new FapiBrowser(h);
    const start = await browser.call<Envelope<SignInJSON>>("POST", "/client/sign_ins", { identifier: "sam@both.test", strategy: "email_code" });
    expect(start.body.response.first_factor_verification).toMatchObject({ strategy: "email_code", status: "unverified" });
    const done = await browser.call<Envelope<SignInJSON>>("POST", `/client/sign_ins/${start.body.response.id}/attempt_first_factor`, { strategy: "email_code", code: "424242" });
    expect(done.body.response.status).toBe("complete");
  });

  it("signs in with a sign-in token (the ticket strategy), once", async () => {
    const { token } = await h.client.signInTokens.createSignInToken({ userId: ids.grace, expiresInSeconds: 60 });
    const browser = new FapiBrowser(h);
    const done = await browser.call<Envelope<SignInJSON>>("POST", "/client/sign_ins", { strategy: "ticket", ticket: token });
    expect(done.body.response).toMatchObject({ status: "complete", identifier: "grace@globex.test" });
    expect(done.body.client.sessions[0]?.user.id).toBe(ids.grace);
    const reused = await new FapiBrowser(h).call<ErrorBody>("POST", "/client/sign_ins", { strategy: "ticket", ticket: token });
    expect(reused.body.errors[0]?.code).toBe("ticket_invalid");
  });

  it("a signed-in client cannot start another sign-in (single-session mode)", async () => {
    const browser = new FapiBrowser(h);
    await browser.signIn("ada@acme.test", DEMO_PASSWORD);
    const again = await browser.call<ErrorBody>("POST", "/client/sign_ins", { strategy: "password", identifier: "bob@acme.test", password: DEMO_PASSWORD });
    expect(again.body.errors[0]?.code).toBe("session_exists");
  });
});

describe("sign-up", () => {
  it("creates the user after the email code; with no organization the session is pending with Clerk's choose-organization task", async () => {
    const browser = new FapiBrowser(h);
    const started = await browser.call<Envelope<SignUpJSON>>("POST", "/client/sign_ups", {
      email_address: "Nia@New.test",
      password: "long-enough-password",
      first_name: "Nia",
      last_name: "New",
    });
    expect(started.body.response).toMatchObject({ status: "missing_requirements", email_address: "nia@new.test", unverified_fields: ["email_address"], missing_fields: [] });
    // The first code is "sent" as soon as the address is known, as Clerk does.
    expect(started.body.response.verifications?.email_address).toMatchObject({ strategy: "email_code", status: "unverified", next_action: "needs_attempt" });
    const id = started.body.response.id;
    const done = await browser.call<Envelope<SignUpJSON>>("POST", `/client/sign_ups/${id}/attempt_verification`, { strategy: "email_code", code: "424242" });
    expect(done.body.response).toMatchObject({ status: "complete", created_user_id: expect.stringMatching(/^user_/) });
    const session = done.body.client.sessions[0] as SessionJSON;
    expect(session).toMatchObject({ status: "pending", tasks: [{ key: "choose-organization" }], last_active_organization_id: null });
    expect(claims(session.last_active_token.jwt)).toMatchObject({ sts: "pending" });
    expect(claims(session.last_active_token.jwt).o).toBeUndefined();

    // Creating an organization and making it active finishes the task.
    const org = await h.client.organizations.createOrganization({ name: "Nia's", createdBy: done.body.response.created_user_id! });
    const touched = await browser.call<Envelope<SessionJSON>>("POST", `/client/sessions/${session.id}/touch`, { active_organization_id: org.id, intent: "select_org" });
    expect(touched.body.response).toMatchObject({ status: "active", tasks: null, last_active_organization_id: org.id });
    expect(claims(touched.body.response.last_active_token.jwt)).toMatchObject({ sts: "active", o: { id: org.id, rol: "admin" } });
  });

  it("refuses a taken email, a short password and missing names, each under its field", async () => {
    const browser = new FapiBrowser(h);
    const taken = await browser.call<ErrorBody>("POST", "/client/sign_ups", { email_address: "ada@acme.test", password: "long-enough-password" });
    expect(taken.body.errors[0]).toMatchObject({ code: "form_identifier_exists", meta: { param_name: "email_address" } });
    const short = await browser.call<ErrorBody>("POST", "/client/sign_ups", { email_address: "short@new.test", password: "short" });
    expect(short.body.errors[0]).toMatchObject({ code: "form_password_length_too_short", meta: { param_name: "password" } });
    const nameless = await browser.call<Envelope<SignUpJSON>>("POST", "/client/sign_ups", { email_address: "nameless@new.test", password: "long-enough-password" });
    expect(nameless.body.response.missing_fields).toEqual(["first_name", "last_name"]);
    const verified = await browser.call<Envelope<SignUpJSON>>("POST", `/client/sign_ups/${nameless.body.response.id}/attempt_verification`, { strategy: "email_code", code: "424242" });
    expect(verified.body.response.status).toBe("missing_requirements");
    const named = await browser.call<Envelope<SignUpJSON>>("PATCH", `/client/sign_ups/${nameless.body.response.id}`, { first_name: "No", last_name: "Name" });
    expect(named.body.response.status).toBe("complete");
  });
});

describe("sessions", () => {
  it("touch switches the active organization (members only); tokens follow; the convex template has no org claims", async () => {
    const browser = new FapiBrowser(h);
    const sid = (await browser.signIn("sam@both.test", DEMO_PASSWORD)).body.client.sessions[0]!.id;
    const toGlobex = await browser.call<Envelope<SessionJSON>>("POST", `/client/sessions/${sid}/touch`, { active_organization_id: ids.globex, intent: "select_org" });
    expect(toGlobex.body.response.last_active_organization_id).toBe(ids.globex);
    const token = await browser.call<{ object: string; jwt: string }>("POST", `/client/sessions/${sid}/tokens`, {});
    expect(token.body.object).toBe("token");
    expect(claims(token.body.jwt).o).toMatchObject({ id: ids.globex, rol: "member" });
    // A token for another of the user's organizations, without switching (getToken({ organizationId })).
    expect(claims((await browser.call<{ jwt: string }>("POST", `/client/sessions/${sid}/tokens`, { organization_id: ids.acme })).body.jwt).o).toMatchObject({ id: ids.acme });
    const template = claims((await browser.call<{ jwt: string }>("POST", `/client/sessions/${sid}/tokens/convex`, {})).body.jwt);
    expect(template).toMatchObject({ aud: "convex", sub: ids.sam, email: "sam@both.test", name: "Sam Both" });
    expect(template.o).toBeUndefined();
    expect((await browser.call<ErrorBody>("POST", `/client/sessions/${sid}/tokens/other`, {})).status).toBe(404);

    const outsider = await h.client.organizations.createOrganization({ name: "Outside", createdBy: ids.grace });
    const refused = await browser.call<ErrorBody>("POST", `/client/sessions/${sid}/touch`, { active_organization_id: outsider.id });
    expect(refused.body.errors[0]?.code).toBe("not_a_member_in_organization");
  });

  it("another browser cannot use the session; sign-out of all sessions ends them and zeroes __client_uat", async () => {
    const browser = new FapiBrowser(h);
    const sid = (await browser.signIn("bob@acme.test", DEMO_PASSWORD)).body.client.sessions[0]!.id;
    expect((await new FapiBrowser(h).call("POST", `/client/sessions/${sid}/tokens`, {})).status).toBe(401);
    const out = await browser.call<Envelope<ClientJSON>>("DELETE", "/client/sessions");
    expect(out.body.response.sessions).toEqual([]);
    expect(browser.cookies.get("__client_uat")).toBe("0");
    expect((await browser.call("POST", `/client/sessions/${sid}/tokens`, {})).status).toBe(401);
    expect((await h.client.sessions.getSession(sid)).status).toBe("removed");
  });

  it("ends one session (end) and leaves the client signed out", async () => {
    const browser = new FapiBrowser(h);
    const sid = (await browser.signIn("grace@globex.test", DEMO_PASSWORD)).body.client.sessions[0]!.id;
    const ended = await browser.call<Envelope<SessionJSON>>("POST", `/client/sessions/${sid}/end`);
    expect(ended.body.response.status).toBe("ended");
    expect(ended.body.client.sessions).toEqual([]);
  });
});

describe("handshake", () => {
  async function handshake(browser: FapiBrowser, query: Record<string, string>) {
    const url = new URL(`${h.clerk.frontendApiUrl}/v1/client/handshake`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url, { headers: { cookie: browser.cookieHeader() }, redirect: "manual" });
    browser.keep(res);
    return res;
  }

  it("format=nonce: back to the app with a nonce cookie; the Backend API gives the cookie directives (the org named in the URL activated)", async () => {
    const browser = new FapiBrowser(h);
    const sid = (await browser.signIn("sam@both.test", DEMO_PASSWORD)).body.client.sessions[0]!.id;
    const res = await handshake(browser, { redirect_url: `${APP_ORIGIN}/orgs/globex`, format: "nonce", suffixed_cookies: "true", organization_id: "globex" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${APP_ORIGIN}/orgs/globex`);
    const nonce = browser.cookies.get("__clerk_handshake_nonce")!;
    const { directives } = (await (await h.api("GET", `/v1/clients/handshake_payload?nonce=${nonce}`)).json()) as { directives: string[] };
    const session = directives.find((d) => d.startsWith("__session="))!;
    expect(claims(session.slice("__session=".length).split(";")[0]!)).toMatchObject({ sid, o: { id: ids.globex } });
    expect(directives.some((d) => /^__client_uat=\d{10}; /.test(d))).toBe(true);
    expect(directives).toContain("__clerk_handshake_nonce=; Path=/; SameSite=Lax; Max-Age=0");
    expect((await h.api("GET", "/v1/clients/handshake_payload?nonce=made-up")).status).toBe(404);
  });

  it("signed out: clears __session and zeroes __client_uat; refuses redirect targets outside the app", async () => {
    const browser = new FapiBrowser(h);
    const res = await handshake(browser, { redirect_url: `${APP_ORIGIN}/orgs`, format: "nonce" });
    const { directives } = (await (await h.api("GET", `/v1/clients/handshake_payload?nonce=${browser.cookies.get("__clerk_handshake_nonce")}`)).json()) as { directives: string[] };
    expect(res.status).toBe(307);
    expect(directives).toContain("__session=; Path=/; SameSite=Lax; Max-Age=0");
    expect(directives.some((d) => d.startsWith("__client_uat=0;"))).toBe(true);
    expect((await handshake(browser, { redirect_url: "https://evil.example/" })).status).toBe(400);
  });
});

describe("/v1/me", () => {
  it("edits the names (user.updated), changes the password, adds and verifies an email address", async () => {
    const email = `me-${Date.now()}@example.test`;
    await h.client.users.createUser({ emailAddress: [email], password: "first-password", firstName: "Me", lastName: "Myself" });
    const browser = new FapiBrowser(h);
    await browser.signIn(email, "first-password");
    const renamed = await browser.call<Envelope<UserJSON>>("PATCH", "/me", { last_name: "Renamed" });
    expect(renamed.body.response.last_name).toBe("Renamed");
    await h.receiver.waitForEvent("user.updated", (d) => d.last_name === "Renamed");

    const wrong = await browser.call<ErrorBody>("POST", "/me/change_password", { current_password: "nope", new_password: "second-password" });
    expect(wrong.body.errors[0]?.code).toBe("form_password_incorrect");
    expect((await browser.call("POST", "/me/change_password", { current_password: "first-password", new_password: "second-password" })).status).toBe(200);
    expect((await new FapiBrowser(h).signIn(email, "second-password")).status).toBe(200);

    const added = await browser.call<Envelope<{ id: string; verification: { status: string } | null }>>("POST", "/me/email_addresses", { email_address: `other-${email}` });
    expect(added.body.response.verification).toBeNull(); // no code asked for yet
    const emailId = added.body.response.id;
    const prepared = await browser.call<Envelope<{ verification: { status: string; strategy: string } }>>("POST", `/me/email_addresses/${emailId}/prepare_verification`, { strategy: "email_code" });
    expect(prepared.body.response.verification).toMatchObject({ status: "unverified", strategy: "email_code" });
    // Unverified, it can be neither primary nor used to sign in.
    expect((await browser.call("PATCH", "/me", { primary_email_address_id: emailId })).status).toBe(422);
    const verified = await browser.call<Envelope<{ verification: { status: string } }>>("POST", `/me/email_addresses/${emailId}/attempt_verification`, { code: "424242" });
    expect(verified.body.response.verification.status).toBe("verified");
    expect((await browser.call<Envelope<UserJSON>>("PATCH", "/me", { primary_email_address_id: emailId })).body.response.primary_email_address_id).toBe(emailId);
  });

  it("lists the user's invitations and accepts one in place: the membership arrives by webhook", async () => {
    const email = `invitee-${Date.now()}@example.test`;
    await h.client.users.createUser({ emailAddress: [email], password: "invitee-password", firstName: "In", lastName: "Vitee" });
    const invitation = await h.client.organizations.createOrganizationInvitation({ organizationId: ids.acme, emailAddress: email, role: "org:member" });
    const browser = new FapiBrowser(h);
    await browser.signIn(email, "invitee-password");
    const list = await browser.call<Envelope<{ data: UserOrganizationInvitationJSON[]; total_count: number }>>("GET", "/me/organization_invitations?status=pending");
    expect(list.body.response).toMatchObject({ total_count: 1, data: [{ id: invitation.id, status: "pending", public_organization_data: { id: ids.acme, slug: "acme" } }] });

    const accepted = await browser.call<Envelope<UserOrganizationInvitationJSON>>("POST", `/me/organization_invitations/${invitation.id}/accept`);
    expect(accepted.body.response.status).toBe("accepted");
    await h.receiver.waitForEvent("organizationInvitation.accepted", (d) => d.id === invitation.id);
    await h.receiver.waitForEvent("organizationMembership.created", (d) => (d.public_user_data as { identifier: string }).identifier === email);
    const memberships = await browser.call<Envelope<{ data: { organization: { id: string } }[] }>>("GET", "/me/organization_memberships");
    expect(memberships.body.response.data.map((m) => m.organization.id)).toEqual([ids.acme]);
    // Someone else's invitation is not found.
    const other = await h.client.organizations.createOrganizationInvitation({ organizationId: ids.globex, emailAddress: "not-me@example.test", role: "org:member" });
    expect((await browser.call("POST", `/me/organization_invitations/${other.id}/accept`)).status).toBe(404);
  });

  it("signed out: 401 in Clerk's shape", async () => {
    const res = await new FapiBrowser(h).call<ErrorBody>("GET", "/me");
    expect(res.status).toBe(401);
    expect(res.body.errors[0]).toMatchObject({ code: "signed_out", message: expect.any(String), long_message: expect.any(String) });
  });
});

describe("invitation links", () => {
  it("tickets/accept lands on the invitation's redirect URL with __clerk_ticket; <SignUp/>'s ticket then signs the invitee up with the invited email", async () => {
    const invitation = await h.client.organizations.createOrganizationInvitation({
      organizationId: ids.globex,
      emailAddress: "ticket@new.test",
      role: "org:member",
      redirectUrl: `${APP_ORIGIN}/sign-in`,
    });
    const link = await fetch(invitation.url!, { redirect: "manual" });
    const target = new URL(link.headers.get("location")!);
    expect(`${target.origin}${target.pathname}`).toBe(`${APP_ORIGIN}/sign-in`);
    expect(target.searchParams.get("__clerk_status")).toBe("sign_up");
    const ticket = target.searchParams.get("__clerk_ticket")!;

    const browser = new FapiBrowser(h);
    const started = await browser.call<Envelope<SignUpJSON>>("POST", "/client/sign_ups", { strategy: "ticket", ticket });
    expect(started.body.response).toMatchObject({ email_address: "ticket@new.test", unverified_fields: [], missing_fields: ["password", "first_name", "last_name"] });
    const done = await browser.call<Envelope<SignUpJSON>>("PATCH", `/client/sign_ups/${started.body.response.id}`, { password: "ticket-password", first_name: "Tick", last_name: "Et" });
    expect(done.body.response.status).toBe("complete");
    expect(done.body.client.sessions[0]).toMatchObject({ status: "active", last_active_organization_id: ids.globex });
    expect((await fetch(invitation.url!, { redirect: "manual" })).status).toBe(400); // used
  });
});

describe("scripts", () => {
  it("serves clerk-js and @clerk/ui from node_modules under their versions (exact and major), nothing else", async () => {
    const { clerkJs, ui } = h.clerk.scriptUrls;
    expect(clerkJs).toMatch(/\/npm\/@clerk\/clerk-js@\d+\.\d+\.\d+\/dist\/clerk\.browser\.js$/);
    const js = await fetch(clerkJs);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("access-control-allow-origin")).toBe("*");
    expect((await fetch(ui)).status).toBe(200);
    const major = clerkJs.replace(/@(\d+)\.\d+\.\d+\//, "@$1/");
    expect((await fetch(major)).status).toBe(200);
    expect((await fetch(clerkJs.replace(/@\d+\.\d+\.\d+\//, "@0.0.1/"))).status).toBe(404);
    expect((await fetch(`${h.clerk.url}/npm/@clerk/ui@1/dist/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
