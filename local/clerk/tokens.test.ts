import { verifyToken } from "@clerk/backend";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

async function session(userId: string, orgId?: string) {
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

  it("mints Clerk v2 claims: sub, sid, iss, aud convex, o with the role unprefixed, 60 s expiry", async () => {
    const { session_id, jwt } = await session(ids.ada, ids.acme);
    const claims = await verify(jwt);
    expect(claims).toMatchObject({
      sub: ids.ada,
      sid: session_id,
      iss: h.clerk.url,
      aud: "convex",
      o: { id: ids.acme, slg: "acme", rol: "admin", per: "" },
      name: "Ada Admin",
      email: "ada@acme.test",
    });
    expect(session_id).toMatch(/^sess_/);
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(claims.nbf).toBeLessThanOrEqual(claims.iat!);
  });

  it("never mints the same token twice, even within one second (a refresh must look like one)", async () => {
    const { session_id } = await session(ids.ada, ids.acme);
    const jwtOf = async (res: Response) => ((await res.json()) as { jwt: string }).jwt;
    const [a, b] = await Promise.all([token(session_id).then(jwtOf), token(session_id).then(jwtOf)]);
    expect(a).not.toBe(b);
    expect((await verify(a)).jti).not.toBe((await verify(b)).jti);
  });

  it("omits o without an active org, and follows org switches", async () => {
    const { session_id, jwt } = await session(ids.sam);
    expect((await verify(jwt)).o).toBeUndefined();

    const toGlobex = await token(session_id, { org_id: ids.globex });
    const claims = await verify(((await toGlobex.json()) as { jwt: string }).jwt);
    expect(claims.o).toEqual({ id: ids.globex, slg: "globex", rol: "member", per: "" });

    const cleared = await token(session_id, { org_id: null });
    expect((await verify(((await cleared.json()) as { jwt: string }).jwt)).o).toBeUndefined();

    // Not a member: refused.
    const bob = await session(ids.bob);
    expect((await token(bob.session_id, { org_id: ids.globex })).status).toBe(403);
    expect((await h.api("POST", "/v1/testing/sessions", { user_id: ids.bob, org_id: ids.globex })).status).toBe(403);
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

  it("verifies with @clerk/backend's verifyToken too (JWKS from the Backend API)", async () => {
    const { jwt } = await session(ids.grace, ids.globex);
    const claims = await verifyToken(jwt, { secretKey: SECRET_KEY, apiUrl: h.clerk.url, audience: "convex", skipJwksCache: true });
    expect(claims.sub).toBe(ids.grace);
  });

  it("refuses tokens for an ended session and unknown users", async () => {
    const { session_id } = await session(ids.grace);
    expect((await h.api("POST", `/v1/sessions/${session_id}/revoke`)).status).toBe(200);
    expect((await token(session_id)).status).toBe(401);
    expect((await h.api("POST", "/v1/testing/sessions", { user_id: "user_missing" })).status).toBe(404);
    expect((await fetch(`${h.clerk.url}/v1/testing/sessions`, { method: "POST" })).status).toBe(401);
  });
});
