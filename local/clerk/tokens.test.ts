import { verifyToken } from "@clerk/backend";
import { __experimental_JWTPayloadToAuthObjectProperties as clerkJwtPayload } from "@clerk/shared/jwtPayloadParser";
import type { JwtPayload } from "@clerk/shared/types";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrgClaims } from "../../convex/lib/claims";
import { demo, SECRET_KEY, startHarness, type Harness } from "./testkit";

let h: Harness;
let ids: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  h = await startHarness();
  ids = await demo(h);
});
afterAll(() => h.close());

/** Verifies like Convex does: discovery document → JWKS → RS256 signature, issuer and audience "convex". */
async function verify(jwt: string): Promise<JWTPayload> {
  const config = (await (await fetch(`${h.clerk.url}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
  const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(config.jwks_uri)), {
    issuer: config.issuer,
    audience: "convex",
    algorithms: ["RS256"],
  });
  return payload;
}

async function session(userId: string, orgId?: string | null) {
  const res = await h.api("POST", "/v1/testing/sessions", { user_id: userId, org_id: orgId });
  expect(res.status).toBe(200);
  return (await res.json()) as { session_id: string; jwt: string };
}

async function token(sessionId: string, body: { org_id?: string | null } = {}) {
  return await h.api("POST", `/v1/testing/sessions/${sessionId}/tokens`, body);
}

describe("session tokens", () => {
  it("serves an OpenID configuration and a JWKS whose key id signs the tokens", async () => {
    const config = (await (await fetch(`${h.clerk.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: h.clerk.url,
      jwks_uri: `${h.clerk.url}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ["RS256"],
    });
    expect(h.clerk.url).not.toMatch(/\/$/);
    const jwks = (await (await fetch(`${h.clerk.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; kty: string; alg: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256" });
    expect(jwks.keys[0]!.d).toBeUndefined(); // never the private part

    const { jwt } = await session(ids.ada, ids.acme);
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: "RS256", kid: jwks.keys[0]!.kid });
  });

  it("mints Clerk's session token v2 for the Convex integration: v 2, aud convex, sts, fva, o with the role unprefixed, 60 s expiry", async () => {
    const { session_id, jwt } = await session(ids.ada, ids.acme);
    const claims = await verify(jwt);
    expect(claims).toMatchObject({
      sub: ids.ada,
      sid: session_id,
      iss: h.clerk.url,
      aud: "convex",
      v: 2,
      sts: "active",
      fva: [0, -1],
      o: { id: ids.acme, slg: "acme", rol: "admin" },
    });
    // Issued as clerk-js in the app would have it: for the app's origin (the middleware warns without it).
    expect(claims.azp).toMatch(/^http:\/\/localhost:\d+$/);
    // Clerk's default roles carry no custom permissions: no per, fpm or fea.
    expect(claims.o).toEqual({ id: ids.acme, slg: "acme", rol: "admin" });
    expect(claims.fea).toBeUndefined();
    // Like Clerk's Convex integration, no profile claims (the app reads the synced user).
    expect(claims.name).toBeUndefined();
    expect(session_id).toMatch(/^sess_/);
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(claims.nbf).toBeLessThanOrEqual(claims.iat!);
    expect(typeof claims.jti).toBe("string");
  });

  it("never mints the same token twice, even within one second (a refresh must look like one)", async () => {
    const { session_id } = await session(ids.ada, ids.acme);
    const jwtOf = async (res: Response) => ((await res.json()) as { jwt: string }).jwt;
    const [a, b] = await Promise.all([token(session_id).then(jwtOf), token(session_id).then(jwtOf)]);
    expect(a).not.toBe(b);
    expect((await verify(a)).jti).not.toBe((await verify(b)).jti);
  });

  it("a session with no organization is pending (Clerk's choose-organization task) and has no o; org switches show in the next token", async () => {
    const { session_id, jwt } = await session(ids.sam, null);
    expect(await verify(jwt)).toMatchObject({ sts: "pending" });
    expect((await verify(jwt)).o).toBeUndefined();

    const toGlobex = await token(session_id, { org_id: ids.globex });
    const claims = await verify(((await toGlobex.json()) as { jwt: string }).jwt);
    expect(claims).toMatchObject({ sts: "active", o: { id: ids.globex, slg: "globex", rol: "member" } });

    // Personal accounts are off: "no organization" does not undo the choice.
    const cleared = await token(session_id, { org_id: null });
    expect((await verify(((await cleared.json()) as { jwt: string }).jwt)).o).toMatchObject({ id: ids.globex });

    // Not a member: refused.
    const bob = await session(ids.bob);
    expect((await token(bob.session_id, { org_id: ids.globex })).status).toBe(403);
    expect((await h.api("POST", "/v1/testing/sessions", { user_id: ids.bob, org_id: ids.globex })).status).toBe(403);
  });

  it("without an org given, a sign-in starts in the user's last active organization", async () => {
    const first = await session(ids.sam, ids.globex);
    expect((await verify(first.jwt)).o).toMatchObject({ id: ids.globex });
    const next = await session(ids.sam);
    expect((await verify(next.jwt)).o).toMatchObject({ id: ids.globex });
  });

  it("drops the org claim from the next token once the membership is removed", async () => {
    await h.client.organizations.createOrganizationMembership({ organizationId: ids.globex, userId: ids.bob, role: "org:member" });
    const { session_id, jwt } = await session(ids.bob, ids.globex);
    expect((await verify(jwt)).o).toMatchObject({ id: ids.globex });
    await h.client.organizations.deleteOrganizationMembership({ organizationId: ids.globex, userId: ids.bob });
    const next = (await (await token(session_id)).json()) as { jwt: string };
    expect((await verify(next.jwt)).o).toBeUndefined();
  });

  it("carries a promoted role in the next token", async () => {
    const { session_id } = await session(ids.bob, ids.acme);
    await h.client.organizations.updateOrganizationMembership({ organizationId: ids.acme, userId: ids.bob, role: "org:admin" });
    const next = (await (await token(session_id)).json()) as { jwt: string };
    expect((await verify(next.jwt)).o).toMatchObject({ rol: "admin" });
    await h.client.organizations.updateOrganizationMembership({ organizationId: ids.acme, userId: ids.bob, role: "org:member" });
  });

  it("verifies with @clerk/backend's verifyToken too (JWKS from the Backend API), and Clerk's parser reads it like the app's", async () => {
    const { jwt } = await session(ids.grace, ids.globex);
    const claims = await verifyToken(jwt, { secretKey: SECRET_KEY, apiUrl: h.clerk.url, audience: "convex", skipJwksCache: true });
    expect(claims.sub).toBe(ids.grace);
    const auth = clerkJwtPayload(claims as JwtPayload);
    expect(auth).toMatchObject({ userId: ids.grace, orgId: ids.globex, orgSlug: "globex", orgRole: "org:admin", orgPermissions: [], sessionStatus: "active" });
    expect(parseOrgClaims(claims)).toEqual({ orgId: ids.globex, orgSlug: "globex", orgRole: "org:admin", orgPermissions: [] });
  });

  it("refuses tokens for an ended session and unknown users", async () => {
    const { session_id } = await session(ids.grace);
    expect((await h.api("POST", `/v1/sessions/${session_id}/revoke`)).status).toBe(200);
    expect((await token(session_id)).status).toBe(401);
    expect((await h.api("POST", "/v1/testing/sessions", { user_id: "user_missing" })).status).toBe(404);
    expect((await fetch(`${h.clerk.url}/v1/testing/sessions`, { method: "POST" })).status).toBe(401);
  });
});

describe("session tokens with custom permissions (roles in the settings)", () => {
  const settings = {
    roles: {
      "org:admin": { name: "Admin", permissions: ["org:sys_memberships:manage", "org:todos:read", "org:todos:write", "org:lists:read", "org:lists:write"] },
      "org:member": { name: "Member", permissions: ["org:sys_memberships:read", "org:todos:read", "org:todos:write", "org:lists:read"] },
      "org:viewer": { name: "Viewer", permissions: ["org:lists:read"] },
    },
  };
  let c: Harness;
  let cids: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    c = await startHarness({ settings });
    cids = await demo(c);
  });
  afterAll(() => c.close());

  const mint = async (userId: string, orgId: string) => {
    const res = await c.api("POST", "/v1/testing/sessions", { user_id: userId, org_id: orgId });
    return ((await res.json()) as { jwt: string }).jwt;
  };

  it("encodes them as Clerk does: fea lists the features, o.per bare names, o.fpm one bitmask per feature; no system permissions", async () => {
    const claims = await verifyToken(await mint(cids.bob, cids.acme), { secretKey: SECRET_KEY, apiUrl: c.clerk.url, audience: "convex", skipJwksCache: true });
    expect(claims).toMatchObject({ v: 2, fea: "o:todos,o:lists", o: { id: cids.acme, rol: "member", per: "read,write", fpm: "3,1" } });
    expect(JSON.stringify(claims)).not.toContain("sys_");
    // Clerk's own parser and the app's give back exactly the role's custom permissions.
    const expected = ["org:todos:read", "org:todos:write", "org:lists:read"];
    expect(clerkJwtPayload(claims as JwtPayload).orgPermissions?.sort()).toEqual([...expected].sort());
    expect(parseOrgClaims(claims)?.orgPermissions.sort()).toEqual([...expected].sort());
  });

  it("a role with fewer permissions gets zero masks for the features it lacks", async () => {
    await c.client.organizations.createOrganizationMembership({ organizationId: cids.globex, userId: cids.bob, role: "org:viewer" });
    const claims = await verifyToken(await mint(cids.bob, cids.globex), { secretKey: SECRET_KEY, apiUrl: c.clerk.url, audience: "convex", skipJwksCache: true });
    expect(claims).toMatchObject({ fea: "o:todos,o:lists", o: { rol: "viewer", per: "read", fpm: "0,1" } });
    expect(clerkJwtPayload(claims as JwtPayload).orgPermissions).toEqual(["org:lists:read"]);
    expect(parseOrgClaims(claims)).toMatchObject({ orgRole: "org:viewer", orgPermissions: ["org:lists:read"] });
  });

  it("memberships report the role's permissions, system ones included (Clerk's UI gates on them)", async () => {
    const { data } = await c.client.users.getOrganizationMembershipList({ userId: cids.bob });
    expect(data.find((m) => m.organization.id === cids.acme)?.permissions).toEqual(settings.roles["org:member"].permissions);
  });

  it("refuses settings that name an unknown system permission or a malformed key", async () => {
    await expect(startHarness({ settings: { roles: { "org:x": { name: "X", permissions: ["org:sys_everything:do"] } } } })).rejects.toThrow(/unknown system permission/);
    await expect(startHarness({ settings: { roles: { "org:x": { name: "X", permissions: ["todos"] } } } })).rejects.toThrow(/org:<feature>:<permission>/);
  });
});
