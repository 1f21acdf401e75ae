import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, startHarness, type Harness } from "./testkit";

let h: Harness;
let ids: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  h = await startHarness();
  ids = await demo(h);
});
afterAll(() => h.close());

const APP = "http://localhost:3000";

/** Submits the sign-in form; returns the redirect and the session cookie it set. */
async function signIn(form: Record<string, string>) {
  const res = await fetch(`${h.clerk.url}/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { status: res.status, location: res.headers.get("location"), setCookie, cookie: setCookie.split(";")[0]!, page: res.status === 303 ? "" : await res.text() };
}

/** Calls a /session endpoint the way the app does: cross-origin from localhost:3000, with the cookie. */
async function app(path: string, cookie: string, body?: unknown) {
  return await fetch(`${h.clerk.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { origin: APP, cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

type SessionView = {
  sessionId: string;
  user: { id: string; fullName: string; email: string };
  activeOrganization: { id: string; slug: string; role: string } | null;
  organizations: { id: string; name: string; role: string }[];
};

describe("sign-in page", () => {
  it("lists the seeded users and refuses redirects outside localhost", async () => {
    const page = await fetch(`${h.clerk.url}/sign-in?redirect_url=${encodeURIComponent(`${APP}/lists`)}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    for (const name of ["Ada Admin", "Bob Member", "Grace Admin", "Sam Both"]) expect(text).toContain(name);
    expect(text).toContain(`value="${APP}/lists"`);

    expect((await fetch(`${h.clerk.url}/sign-in?redirect_url=${encodeURIComponent("https://evil.example/")}`)).status).toBe(400);
    const { location } = await signIn({ user_id: ids.bob, org: ids.acme, redirect_url: "https://evil.example/" });
    expect(location).toBe("/sign-in");
  });

  it("signs a seeded user in: HttpOnly Lax cookie, redirect back to the app", async () => {
    const res = await signIn({ user_id: ids.ada, org: ids.acme, redirect_url: `${APP}/lists?x=1` });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${APP}/lists?x=1`);
    expect(res.setCookie).toMatch(/^__local_session=\w+; Path=\/; HttpOnly; SameSite=Lax/);

    const view = (await (await app("/session", res.cookie)).json()) as SessionView;
    expect(view.user).toMatchObject({ id: ids.ada, fullName: "Ada Admin", email: "ada@acme.test" });
    expect(view.activeOrganization).toMatchObject({ id: ids.acme, slug: "acme", role: "org:admin" });
    expect(view.organizations.map((o) => o.id)).toEqual([ids.acme]);
  });

  it("gives the app fresh tokens, org switches and sign-out over CORS with credentials", async () => {
    const { cookie } = await signIn({ user_id: ids.sam, org: ids.acme });

    const tokenRes = await app("/session/token", cookie, {});
    expect(tokenRes.headers.get("access-control-allow-origin")).toBe(APP);
    expect(tokenRes.headers.get("access-control-allow-credentials")).toBe("true");
    const { jwt } = (await tokenRes.json()) as { jwt: string };
    const jwks = createRemoteJWKSet(new URL(`${h.clerk.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(jwt, jwks, { issuer: h.clerk.url, audience: "convex" });
    expect(payload.o).toMatchObject({ id: ids.acme, rol: "member" });

    const switched = await app("/session/active-org", cookie, { orgId: ids.globex });
    const view = (await switched.json()) as SessionView & { jwt: string };
    expect(view.activeOrganization).toMatchObject({ id: ids.globex, role: "org:member" });
    expect((await jwtVerify(view.jwt, jwks, { audience: "convex" })).payload.o).toMatchObject({ id: ids.globex });

    const foreign = await h.client.organizations.createOrganization({ name: "Elsewhere", createdBy: ids.grace });
    expect((await app("/session/active-org", cookie, { orgId: foreign.id })).status).toBe(403);
    const none = (await (await app("/session/active-org", cookie, { orgId: null })).json()) as SessionView;
    expect(none.activeOrganization).toBeNull();

    const preflight = await fetch(`${h.clerk.url}/session/token`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
    const other = await fetch(`${h.clerk.url}/session`, { headers: { origin: "https://evil.example", cookie } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const out = await app("/session/sign-out", cookie, {});
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await app("/session", cookie)).status).toBe(401);
    expect((await app("/session/token", cookie, {})).status).toBe(401);
  });

  it("signs up a new user with a new organization, who becomes its admin", async () => {
    const { cookie, status } = await signIn({ user_id: "new", first_name: "Nia", last_name: "New", email: "nia@new.test", org: "new", org_name: "Nia's Garage" });
    expect(status).toBe(303);
    const view = (await (await app("/session", cookie)).json()) as SessionView;
    expect(view.user).toMatchObject({ fullName: "Nia New", email: "nia@new.test" });
    expect(view.activeOrganization).toMatchObject({ slug: "nia-s-garage", role: "org:admin" });

    const again = await signIn({ user_id: "new", email: "nia@new.test" });
    expect(again.status).toBe(422);
    expect(again.page).toContain("already belongs to a user");
  });

  it("accepts a pending invitation addressed to the user's email", async () => {
    const inv = await h.client.organizations.createOrganizationInvitation({ organizationId: ids.globex, emailAddress: "bob@acme.test", role: "org:member" });
    expect(await (await fetch(`${h.clerk.url}/sign-in`)).text()).toContain(inv.id);

    const { cookie } = await signIn({ user_id: ids.bob, org: `inv:${inv.id}` });
    const view = (await (await app("/session", cookie)).json()) as SessionView;
    expect(view.activeOrganization).toMatchObject({ id: ids.globex, role: "org:member" });
    const [after] = (await h.client.organizations.getOrganizationInvitationList({ organizationId: ids.globex })).data;
    expect(after).toMatchObject({ id: inv.id, status: "accepted" });

    // Someone else's invitation cannot be taken.
    const other = await h.client.organizations.createOrganizationInvitation({ organizationId: ids.acme, emailAddress: "someone@else.test", role: "org:member" });
    expect((await signIn({ user_id: ids.grace, org: `inv:${other.id}` })).status).toBe(403);
  });

  it("refuses an org the user is not a member of", async () => {
    const closed = await h.client.organizations.createOrganization({ name: "Closed" });
    const res = await signIn({ user_id: ids.bob, org: closed.id });
    expect(res.status).toBe(403);
    expect(res.page).toContain("not a member");
  });
});
