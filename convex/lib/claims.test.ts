import { describe, expect, test } from "vitest";
import { parseOrgClaims } from "./claims";

const subject = { subject: "user_1", issuer: "https://clerk.example.com", tokenIdentifier: "https://clerk.example.com|user_1" };

describe("parseOrgClaims", () => {
  test("session token v2 and JWT template v1 normalise to the same claims", () => {
    const v2 = parseOrgClaims({ ...subject, o: { id: "org_a", slg: "org-a", rol: "admin", per: "todos:read,lists:write" } });
    const v1 = parseOrgClaims({
      ...subject,
      org_id: "org_a",
      org_slug: "org-a",
      org_role: "org:admin",
      org_permissions: ["org:todos:read", "org:lists:write"],
    });
    const expected = { orgId: "org_a", orgSlug: "org-a", orgRole: "org:admin", orgPermissions: ["org:todos:read", "org:lists:write"] };
    expect(v2).toEqual(expected);
    expect(v1).toEqual(expected);
  });

  test("v2 roles gain the org: prefix, custom roles included, and an already prefixed role is kept", () => {
    const role = (rol: string) => parseOrgClaims({ ...subject, o: { id: "org_a", rol } })?.orgRole;
    expect(role("admin")).toBe("org:admin");
    expect(role("member")).toBe("org:member");
    expect(role("reader")).toBe("org:reader");
    expect(role("org:member")).toBe("org:member");
  });

  test("v1 roles without a prefix are prefixed too", () => {
    expect(parseOrgClaims({ ...subject, org_id: "org_a", org_role: "member" })?.orgRole).toBe("org:member");
  });

  test("v2 permissions are comma-separated: spaces and empty entries are dropped", () => {
    const claims = parseOrgClaims({ ...subject, o: { id: "org_a", rol: "member", per: " todos:read , ,todos:write," } });
    expect(claims?.orgPermissions).toEqual(["org:todos:read", "org:todos:write"]);
  });

  test("absent permissions are an empty list in both shapes, and the slug is optional", () => {
    const expected = { orgId: "org_a", orgSlug: undefined, orgRole: "org:member", orgPermissions: [] };
    expect(parseOrgClaims({ ...subject, o: { id: "org_a", rol: "member" } })).toEqual(expected);
    expect(parseOrgClaims({ ...subject, o: { id: "org_a", rol: "member", per: "" } })).toEqual(expected);
    expect(parseOrgClaims({ ...subject, org_id: "org_a", org_role: "org:member" })).toEqual(expected);
  });

  test("no org claim means no active org", () => {
    expect(parseOrgClaims(subject)).toBeNull();
  });

  test.each([
    ["v2 without an id", { o: { rol: "admin" } }],
    ["v2 with an empty id", { o: { id: "", rol: "admin" } }],
    ["v2 without a role", { o: { id: "org_a" } }],
    ["v2 with an empty role", { o: { id: "org_a", rol: "" } }],
    ["v2 with a numeric id", { o: { id: 42, rol: "admin" } }],
    ["v2 claim that is not an object", { o: "org_a" }],
    ["v2 claim that is null", { o: null }],
    ["v2 permissions as an array", { o: { id: "org_a", rol: "admin", per: ["todos:read"] } }],
    ["v1 without a role", { org_id: "org_a" }],
    ["v1 without an id", { org_role: "org:admin" }],
    ["v1 with an empty id", { org_id: "", org_role: "org:admin" }],
    ["v1 permissions as a string", { org_id: "org_a", org_role: "org:admin", org_permissions: "org:todos:read" }],
    ["v1 permissions with a non-string entry", { org_id: "org_a", org_role: "org:admin", org_permissions: [1] }],
  ])("malformed claims (%s) mean no active org", (_, claims) => {
    expect(parseOrgClaims({ ...subject, ...claims })).toBeNull();
  });

  test("a malformed v2 claim does not hide a valid v1 claim", () => {
    expect(parseOrgClaims({ ...subject, o: { rol: "admin" }, org_id: "org_a", org_role: "org:member" })).toEqual({
      orgId: "org_a",
      orgSlug: undefined,
      orgRole: "org:member",
      orgPermissions: [],
    });
  });
});
