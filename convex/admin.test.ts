// @vitest-environment node
/**
 * Admin actions end to end: authorised from the synced membership, carried
 * out through the Backend API (the Clerk emulator), written through
 * at once, then confirmed by the webhook.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { setupConvex, type TestApp } from "../test/convex";
import { APP_URL, startLocalClerk } from "../test/localClerk";
import { as, expectCode, tokenV2 } from "../test/tenants";

let t: TestApp;
let local: Awaited<ReturnType<typeof startLocalClerk>>;
let ids: Awaited<ReturnType<typeof local.demoIds>>;

beforeEach(async () => {
  t = setupConvex();
  local = await startLocalClerk(t);
  await local.drain(); // the seeded demo, delivered as webhooks
  ids = await local.demoIds();
});

afterEach(async () => {
  await local.close();
});

const inAcme = (userId: string, role = "admin") => as(t, tokenV2(userId, { id: ids.acme, role }));
/** Acme's members by email, as `asUser` (an Acme member) sees them. */
const roles = async (asUser = ids.ada) =>
  Object.fromEntries(
    (await inAcme(asUser).query(api.members.list, { paginationOpts: { numItems: 50, cursor: null } })).page.map(
      (m) => [m.email, m.role],
    ),
  );

describe("admin actions", () => {
  test("the seeded demo arrives by webhook", async () => {
    expect(await roles()).toEqual({
      "ada@acme.test": "org:admin",
      "bob@acme.test": "org:member",
      "sam@both.test": "org:member",
    });
  });

  test("invite, accept, promote, remove: each change shows at once, before any webhook", async () => {
    local.pauseWebhooks();
    const ada = inAcme(ids.ada);
    await ada.action(api.admin.invite, { email: "New.Person@Example.com", role: "org:member" });
    const [pending] = await ada.query(api.members.invitations, {});
    expect(pending).toMatchObject({ email: "new.person@example.com", role: "org:member" });

    await local.acceptInvitation(pending!.invitationId);
    local.resumeWebhooks();
    await local.drain();
    expect(await ada.query(api.members.invitations, {})).toEqual([]);
    expect((await roles())["new.person@example.com"]).toBe("org:member");

    local.pauseWebhooks();
    await ada.action(api.admin.changeRole, { userId: ids.bob, role: "org:admin" });
    expect((await roles())["bob@acme.test"]).toBe("org:admin");
    await ada.action(api.admin.removeMember, { userId: ids.bob });
    expect((await roles())["bob@acme.test"]).toBeUndefined();
    // Bob's token still names Acme, and is refused at once.
    await expectCode(inAcme(ids.bob).query(api.lists.list, {}), "FORBIDDEN");

    local.resumeWebhooks();
    await local.drain(); // the late webhooks change nothing
    expect((await roles())["bob@acme.test"]).toBeUndefined();
  });

  test("an invitation's email link returns to the app's sign-in page, never to Clerk's Account Portal", async () => {
    const ada = inAcme(ids.ada);
    await ada.action(api.admin.invite, { email: "linked@example.com", role: "org:member" });
    const { data } = await local.clerk.organizations.getOrganizationInvitationList({ organizationId: ids.acme, status: ["pending"] });
    const invitation = data.find((i) => i.emailAddress === "linked@example.com")!;
    // The link checks the ticket at the Frontend API, which then redirects to the invitation's redirect URL.
    const link = await fetch(invitation.url!, { redirect: "manual" });
    expect(link.status).toBe(303);
    const target = new URL(link.headers.get("location")!);
    expect(`${target.origin}${target.pathname}`).toBe(`${APP_URL}/sign-in`);
    expect(target.searchParams.get("__clerk_ticket")).toBeTruthy();
    expect(target.searchParams.get("__clerk_status")).toBe("sign_up");

    // A deployment that does not know the app's address refuses to send a link that could not work.
    await local.withoutAppUrl(async () => {
      await expectCode(ada.action(api.admin.invite, { email: "nowhere@example.com", role: "org:member" }), "INVALID_ARGUMENT");
    });
  });

  test("revoking an invitation removes it from the pending list", async () => {
    const ada = inAcme(ids.ada);
    await ada.action(api.admin.invite, { email: "later@example.com", role: "org:admin" });
    const [pending] = await ada.query(api.members.invitations, {});
    await ada.action(api.admin.revokeInvitation, { invitationId: pending!.invitationId });
    expect(await ada.query(api.members.invitations, {})).toEqual([]);
  });

  test("the last admin can be neither demoted nor removed, nor leave", async () => {
    const ada = inAcme(ids.ada);
    await expectCode(ada.action(api.admin.changeRole, { userId: ids.ada, role: "org:member" }), "FORBIDDEN");
    await expectCode(ada.action(api.admin.removeMember, { userId: ids.ada }), "FORBIDDEN");
    await expectCode(ada.action(api.admin.leave, {}), "FORBIDDEN");
    expect((await roles())["ada@acme.test"]).toBe("org:admin");

    // With a second admin, the first may step down.
    await ada.action(api.admin.changeRole, { userId: ids.bob, role: "org:admin" });
    await ada.action(api.admin.leave, {});
    expect((await roles(ids.bob))["ada@acme.test"]).toBeUndefined();
    await expectCode(ada.query(api.lists.list, {}), "FORBIDDEN");
  });

  test("a member manages nothing; another org's admin finds nothing", async () => {
    const bob = inAcme(ids.bob, "member");
    await expectCode(bob.action(api.admin.invite, { email: "x@example.com", role: "org:member" }), "FORBIDDEN");
    await expectCode(bob.action(api.admin.removeMember, { userId: ids.sam }), "FORBIDDEN");
    await expectCode(bob.query(api.members.invitations, {}), "FORBIDDEN");

    const ada = inAcme(ids.ada);
    await ada.action(api.admin.invite, { email: "acme-only@example.com", role: "org:member" });
    const [acmeInvitation] = await ada.query(api.members.invitations, {});
    const grace = as(t, tokenV2(ids.grace, { id: ids.globex, role: "admin" }));
    const removeForeign = await expectCode(grace.action(api.admin.removeMember, { userId: ids.bob }), "NOT_FOUND");
    const removeUnknown = await expectCode(grace.action(api.admin.removeMember, { userId: "user_nobody" }), "NOT_FOUND");
    expect(removeForeign).toEqual(removeUnknown);
    await expectCode(grace.action(api.admin.changeRole, { userId: ids.bob, role: "org:admin" }), "NOT_FOUND");
    await expectCode(grace.action(api.admin.revokeInvitation, { invitationId: acmeInvitation!.invitationId }), "NOT_FOUND");
    expect(await roles()).toMatchObject({ "bob@acme.test": "org:member" });
    expect(await ada.query(api.members.invitations, {})).toHaveLength(1);
  });

  test("malformed input is refused before Clerk is called", async () => {
    const ada = inAcme(ids.ada);
    await expectCode(ada.action(api.admin.invite, { email: "not-an-email", role: "org:member" }), "INVALID_ARGUMENT");
    await expectCode(ada.action(api.admin.invite, { email: "a@b.co", role: "org:owner" }), "INVALID_ARGUMENT");
    await expectCode(ada.action(api.admin.renameOrganization, { name: " " }), "INVALID_ARGUMENT");
    expect(await ada.query(api.members.invitations, {})).toEqual([]);
  });

  test("creating an organization makes the creator its admin at once; renaming shows at once", async () => {
    local.pauseWebhooks();
    const sam = as(t, tokenV2(ids.sam));
    const { orgId, slug } = await sam.action(api.admin.createOrganization, { name: "Initech" });
    const me = await sam.query(api.me.get, {});
    expect(me.orgs).toContainEqual({ orgId, slug, name: "Initech", role: "org:admin" });

    const samInInitech = as(t, tokenV2(ids.sam, { id: orgId, role: "admin" }));
    await samInInitech.action(api.admin.renameOrganization, { name: "Initrode" });
    expect((await samInInitech.query(api.me.get, {})).activeOrg?.name).toBe("Initrode");
  });
});
