import { describe, expect, test } from "vitest";
import { isPendingSession, parseOrgClaims } from "./claims";

/** What Convex hands a function: the verified token's claims, plus its own identity fields. */
const identity = (claims: Record<string, unknown>) => ({
  subject: "user_2abc",
  issuer: "https://clerk.example.com",
  tokenIdentifier: "https://clerk.example.com|user_2abc",
  sub: "user_2abc",
  sid: "sess_2abc",
  iat: 1_760_000_000,
  exp: 1_760_000_060,
  nbf: 1_759_999_990,
  azp: "https://todos.example.com",
  ...claims,
});

describe("parseOrgClaims on real token shapes", () => {
  test("session token v2 (Clerk's Convex integration) with features: bare permissions rebuilt from fea and fpm", () => {
    // fea lists the org features; fpm has one bitmask per feature over `per` (bit i = per[i]).
    const claims = parseOrgClaims(
      identity({
        v: 2,
        aud: "convex",
        sts: "active",
        fva: [3, -1],
        fea: "o:todos,o:lists",
        o: { id: "org_2acme", slg: "acme", rol: "member", per: "read,write,delete", fpm: "3,1" },
      }),
    );
    expect(claims).toEqual({
      orgId: "org_2acme",
      orgSlug: "acme",
      orgRole: "org:member",
      orgPermissions: ["org:todos:read", "org:todos:write", "org:lists:read"],
    });
  });

  test("v2 permissions are not org:<perm>: without fea and fpm they grant nothing", () => {
    const claims = parseOrgClaims(identity({ v: 2, o: { id: "org_a", slg: "a", rol: "admin", per: "read,write" } }));
    expect(claims).toMatchObject({ orgRole: "org:admin", orgPermissions: [] });
  });

  test("v2 user features (u:) do not shift the org feature masks; uo: features count for the org", () => {
    const claims = parseOrgClaims(identity({ v: 2, fea: "u:beta,o:todos,uo:lists", o: { id: "org_a", rol: "admin", per: "read,write", fpm: "2,1" } }));
    expect(claims?.orgPermissions.sort()).toEqual(["org:lists:read", "org:todos:write"]);
  });

  test("v2 without permissions or slug: Clerk's default roles", () => {
    expect(parseOrgClaims(identity({ v: 2, o: { id: "org_a", rol: "admin" } }))).toEqual({
      orgId: "org_a",
      orgSlug: undefined,
      orgRole: "org:admin",
      orgPermissions: [],
    });
    expect(parseOrgClaims(identity({ v: 2, o: { id: "org_a", rol: "reader" } }))?.orgRole).toBe("org:reader");
  });

  test("`o` counts only in a v2 token", () => {
    expect(parseOrgClaims(identity({ o: { id: "org_a", rol: "admin" } }))).toBeNull();
    expect(parseOrgClaims(identity({ v: 1, o: { id: "org_a", rol: "admin" } }))).toBeNull();
  });

  test("a v2 token ignores v1 claims beside it", () => {
    expect(parseOrgClaims(identity({ v: 2, org_id: "org_a", org_role: "org:admin" }))).toBeNull();
  });

  test("JWT template (v1): org claims added by hand, org: prefix kept or added", () => {
    const claims = parseOrgClaims(
      identity({
        aud: "convex",
        org_id: "org_a",
        org_slug: "org-a",
        org_role: "org:admin",
        org_permissions: ["org:todos:read", "org:lists:write"],
      }),
    );
    expect(claims).toEqual({ orgId: "org_a", orgSlug: "org-a", orgRole: "org:admin", orgPermissions: ["org:todos:read", "org:lists:write"] });
    expect(parseOrgClaims(identity({ org_id: "org_a", org_role: "member" }))?.orgRole).toBe("org:member");
  });

  test("v1 and v2 of the same session decode alike", () => {
    const v2 = parseOrgClaims(identity({ v: 2, fea: "o:todos", o: { id: "org_a", slg: "a", rol: "admin", per: "read,write", fpm: "3" } }));
    const v1 = parseOrgClaims(identity({ org_id: "org_a", org_slug: "a", org_role: "org:admin", org_permissions: ["org:todos:read", "org:todos:write"] }));
    expect(v2).toEqual(v1);
  });

  test("Clerk's stock convex template carries no organization: no active org", () => {
    expect(parseOrgClaims(identity({ aud: "convex", name: "Ada Admin", email: "ada@acme.test", email_verified: true }))).toBeNull();
  });

  test("template values left null (no active organization) mean absent", () => {
    expect(parseOrgClaims(identity({ org_id: null, org_slug: null, org_role: null, org_permissions: null }))).toBeNull();
    expect(parseOrgClaims(identity({ org_id: "org_a", org_slug: null, org_role: "org:member", org_permissions: null }))).toEqual({
      orgId: "org_a",
      orgSlug: undefined,
      orgRole: "org:member",
      orgPermissions: [],
    });
  });

  test("a pending session (choose-organization task) has no organization", () => {
    const pending = identity({ v: 2, sts: "pending", fva: [0, -1] });
    expect(isPendingSession(pending)).toBe(true);
    expect(parseOrgClaims(pending)).toBeNull();
    expect(isPendingSession(identity({ v: 2, sts: "active" }))).toBe(false);
  });

  test.each([
    ["v2 without an id", { v: 2, o: { rol: "admin" } }],
    ["v2 with an empty id", { v: 2, o: { id: "", rol: "admin" } }],
    ["v2 without a role", { v: 2, o: { id: "org_a" } }],
    ["v2 with a numeric id", { v: 2, o: { id: 42, rol: "admin" } }],
    ["v2 claim that is not an object", { v: 2, o: "org_a" }],
    ["v2 claim that is null", { v: 2, o: null }],
    ["v2 permissions as an array", { v: 2, fea: "o:todos", o: { id: "org_a", rol: "admin", per: ["read"], fpm: "1" } }],
    ["v2 features without a scope", { v: 2, fea: "todos", o: { id: "org_a", rol: "admin", per: "read", fpm: "1" } }],
    ["v1 without a role", { org_id: "org_a" }],
    ["v1 without an id", { org_role: "org:admin" }],
    ["v1 with an empty id", { org_id: "", org_role: "org:admin" }],
    ["v1 permissions as a string", { org_id: "org_a", org_role: "org:admin", org_permissions: "org:todos:read" }],
    ["v1 permissions with a non-string entry", { org_id: "org_a", org_role: "org:admin", org_permissions: [1] }],
  ])("malformed claims (%s) mean no active org", (_, claims) => {
    expect(parseOrgClaims(identity(claims))).toBeNull();
  });

  test("a malformed v2 claim in a token without v does not hide its valid v1 claim", () => {
    expect(parseOrgClaims(identity({ o: { rol: "admin" }, org_id: "org_a", org_role: "org:member" }))).toEqual({
      orgId: "org_a",
      orgSlug: undefined,
      orgRole: "org:member",
      orgPermissions: [],
    });
  });
});
