import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, SECRET_KEY, startHarness, type Harness } from "./testkit";
import { createClerkClient } from "@clerk/backend";

let h: Harness;
let ids: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  h = await startHarness();
  ids = await demo(h);
});
afterAll(() => h.close());

/** The Clerk error code a rejected SDK call carries. */
async function clerkError(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isClerkAPIResponseError(error)) throw new Error(`expected a Clerk API error, got ${String(error)}`);
  return { status: error.status, code: error.errors[0]?.code };
}

describe("Backend API through @clerk/backend", () => {
  it("seeds the demo: Acme and Globex, an admin and members in each, Sam in both", async () => {
    const acme = await h.client.organizations.getOrganizationMembershipList({ organizationId: ids.acme });
    expect(acme.totalCount).toBe(3);
    const roles = Object.fromEntries(acme.data.map((m) => [m.publicUserData?.identifier, m.role]));
    expect(roles).toEqual({ "ada@acme.test": "org:admin", "bob@acme.test": "org:member", "sam@both.test": "org:member" });
    const sam = await h.client.users.getOrganizationMembershipList({ userId: ids.sam });
    expect(sam.data.map((m) => m.organization.slug).sort()).toEqual(["acme", "globex"]);
    expect(sam.totalCount).toBe(2);
  });

  it("answers 401 in Clerk's error shape without a key or with a wrong one", async () => {
    const none = await fetch(`${h.clerk.url}/v1/organizations`);
    expect(none.status).toBe(401);
    const body = (await none.json()) as { errors: { message: string; long_message: string; code: string }[] };
    expect(body.errors[0]).toMatchObject({ code: "authentication_invalid", message: expect.any(String), long_message: expect.any(String) });

    const wrong = createClerkClient({ secretKey: "sk_test_wrong", apiUrl: h.clerk.url });
    expect(await clerkError(wrong.organizations.getOrganizationList())).toEqual({ status: 401, code: "authentication_invalid" });
    expect(await clerkError(wrong.users.getUserList())).toEqual({ status: 401, code: "authentication_invalid" });
    expect(SECRET_KEY).not.toBe("sk_test_wrong");
  });

  it("creates, renames and lists organizations, with pagination", async () => {
    const org = await h.client.organizations.createOrganization({ name: "Initech", createdBy: ids.bob });
    expect(org).toMatchObject({ name: "Initech", slug: "initech", createdBy: ids.bob, membersCount: 1 });
    expect(org.id).toMatch(/^org_[0-9A-Za-z]{27}$/);

    const renamed = await h.client.organizations.updateOrganization(org.id, { name: "Initrode", slug: "initrode" });
    expect(renamed).toMatchObject({ id: org.id, name: "Initrode", slug: "initrode", membersCount: 1 });
    expect(renamed.updatedAt).toBeGreaterThan(org.updatedAt);

    const first = await h.client.organizations.getOrganizationList({ limit: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.data.map((o) => o.name)).toEqual(["Initrode", "Globex"]); // newest first
    const second = await h.client.organizations.getOrganizationList({ limit: 2, offset: 2 });
    expect(second.data.map((o) => o.name)).toEqual(["Acme"]);
    expect((await h.client.organizations.getOrganizationList({ query: "initr" })).data.map((o) => o.id)).toEqual([org.id]);

    // The creator became its admin, as in Clerk.
    const members = await h.client.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.data.map((m) => [m.publicUserData?.userId, m.role])).toEqual([[ids.bob, "org:admin"]]);

    expect(await clerkError(h.client.organizations.createOrganization({ name: "Dup", slug: "acme" }))).toEqual({
      status: 422,
      code: "form_identifier_exists",
    });
    const deleted = await h.client.organizations.deleteOrganization(org.id);
    expect(deleted).toMatchObject({ id: org.id, deleted: true });
    expect(await clerkError(h.client.organizations.getOrganization({ organizationId: org.id }))).toEqual({ status: 404, code: "resource_not_found" });
  });

  it("adds, re-roles and removes memberships", async () => {
    const added = await h.client.organizations.createOrganizationMembership({ organizationId: ids.globex, userId: ids.bob, role: "org:member" });
    expect(added).toMatchObject({ role: "org:member", permissions: ["org:sys_memberships:read"] });
    expect(added.id).toMatch(/^orgmem_/);
    expect(added.organization).toMatchObject({ id: ids.globex, slug: "globex", membersCount: 3 });
    expect(added.publicUserData).toMatchObject({ userId: ids.bob, identifier: "bob@acme.test", firstName: "Bob", lastName: "Member" });

    const promoted = await h.client.organizations.updateOrganizationMembership({ organizationId: ids.globex, userId: ids.bob, role: "org:admin" });
    expect(promoted).toMatchObject({ id: added.id, role: "org:admin" });

    const filtered = await h.client.organizations.getOrganizationMembershipList({ organizationId: ids.globex, role: ["org:admin"] });
    expect(filtered.data.map((m) => m.publicUserData?.userId).sort()).toEqual([ids.bob, ids.grace].sort());

    const removed = await h.client.organizations.deleteOrganizationMembership({ organizationId: ids.globex, userId: ids.bob });
    expect(removed).toMatchObject({ id: added.id, role: "org:admin" });
    expect((await h.client.users.getOrganizationMembershipList({ userId: ids.bob })).data.map((m) => m.organization.id)).toEqual([ids.acme]);

    expect(await clerkError(h.client.organizations.createOrganizationMembership({ organizationId: ids.acme, userId: ids.bob, role: "org:member" }))).toEqual({
      status: 400,
      code: "already_a_member_in_organization",
    });
    expect(await clerkError(h.client.organizations.createOrganizationMembership({ organizationId: ids.globex, userId: ids.bob, role: "org:boss" }))).toMatchObject({
      status: 422,
    });
    // Clerk keeps at least one admin per organization.
    expect(await clerkError(h.client.organizations.deleteOrganizationMembership({ organizationId: ids.globex, userId: ids.grace }))).toEqual({
      status: 403,
      code: "organization_minimum_permissions_needed",
    });
  });

  it("creates, lists and revokes invitations", async () => {
    const inv = await h.client.organizations.createOrganizationInvitation({
      organizationId: ids.acme,
      emailAddress: "New.Person@Example.test",
      role: "org:member",
      inviterUserId: ids.ada,
    });
    expect(inv).toMatchObject({ emailAddress: "new.person@example.test", role: "org:member", status: "pending", organizationId: ids.acme });
    expect(inv.id).toMatch(/^orginv_/);
    expect(inv.expiresAt).toBeGreaterThan(Date.now());

    const pending = await h.client.organizations.getOrganizationInvitationList({ organizationId: ids.acme, status: ["pending"] });
    expect(pending.data.map((i) => i.id)).toEqual([inv.id]);
    expect(pending.totalCount).toBe(1);

    const revoked = await h.client.organizations.revokeOrganizationInvitation({ organizationId: ids.acme, invitationId: inv.id, requestingUserId: ids.ada });
    expect(revoked).toMatchObject({ id: inv.id, status: "revoked" });
    expect((await h.client.organizations.getOrganizationInvitationList({ organizationId: ids.acme, status: ["pending"] })).totalCount).toBe(0);
    expect((await h.client.organizations.getOrganizationInvitationList({ organizationId: ids.acme })).totalCount).toBe(1);

    expect(await clerkError(h.client.organizations.createOrganizationInvitation({ organizationId: ids.acme, emailAddress: "bob@acme.test", role: "org:member" }))).toEqual({
      status: 400,
      code: "already_a_member_in_organization",
    });
  });

  it("lists users with pagination and the email_address filter", async () => {
    const all = await h.client.users.getUserList({ limit: 100 });
    expect(all.totalCount).toBe(4);
    const page = await h.client.users.getUserList({ limit: 3, offset: 1 });
    expect(page.data).toHaveLength(3);
    expect(page.totalCount).toBe(4);

    const byEmail = await h.client.users.getUserList({ emailAddress: ["ADA@acme.test", "grace@globex.test"] });
    expect(byEmail.data.map((u) => u.firstName).sort()).toEqual(["Ada", "Grace"]);
    expect(byEmail.totalCount).toBe(2);
    const ada = byEmail.data.find((u) => u.firstName === "Ada")!;
    expect(ada.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
    expect(ada.primaryEmailAddress?.emailAddress).toBe("ada@acme.test");
    expect(ada.primaryEmailAddress?.id).toMatch(/^idn_/);
    expect(ada.fullName).toBe("Ada Admin");

    expect((await h.client.users.getUserList({ emailAddress: ["nobody@example.test"] })).data).toEqual([]);
  });

  it("creates, edits and deletes users; sessions and tokens through the SDK", async () => {
    const user = await h.client.users.createUser({ emailAddress: ["zoe@example.test"], firstName: "Zoe", password: "zoe-password" });
    expect(user.passwordEnabled).toBe(true);
    const edited = await h.client.users.updateUser(user.id, { lastName: "Zed" });
    expect(edited.fullName).toBe("Zoe Zed");
    // Zoe belongs to no organization and personal accounts are off: her session waits for her to pick one.
    const session = await h.client.sessions.createSession({ userId: user.id });
    expect(session).toMatchObject({ userId: user.id, status: "pending" });
    const token = await h.client.sessions.getToken(session.id, "convex");
    expect(token.jwt.split(".")).toHaveLength(3);
    expect(await h.client.users.deleteUser(user.id)).toMatchObject({ id: user.id, deleted: true });
  });

  it("refuses a password shorter than the instance allows", async () => {
    expect(await clerkError(h.client.users.createUser({ emailAddress: ["short@example.test"], password: "short" }))).toEqual({
      status: 422,
      code: "form_password_length_too_short",
    });
  });

  it("creates sign-in tokens (Clerk's SignInToken), revokes them, refuses unknown users", async () => {
    const token = await h.client.signInTokens.createSignInToken({ userId: ids.bob, expiresInSeconds: 60 });
    expect(token).toMatchObject({ userId: ids.bob, status: "pending" });
    expect(token.id).toMatch(/^sit_/);
    expect(token.url).toContain(`__clerk_ticket=${token.token}`);
    const revoked = await h.client.signInTokens.revokeSignInToken(token.id);
    expect(revoked.status).toBe("revoked");
    expect(await clerkError(h.client.signInTokens.createSignInToken({ userId: "user_missing", expiresInSeconds: 60 }))).toMatchObject({ status: 404 });
  });

  it("creates invitations with a redirect URL; their link points at the Frontend API's ticket check", async () => {
    const inv = await h.client.organizations.createOrganizationInvitation({
      organizationId: ids.globex,
      emailAddress: "linked@example.test",
      role: "org:member",
      redirectUrl: "http://localhost:3000/sign-in",
    });
    expect(inv.url).toMatch(new RegExp(`^${h.clerk.frontendApiUrl}/v1/tickets/accept\\?ticket=\\w+$`));
    expect(await clerkError(h.client.organizations.createOrganizationInvitation({ organizationId: ids.globex, emailAddress: "x@example.test", role: "org:member", redirectUrl: "nope" }))).toMatchObject({ status: 422 });
  });
});
