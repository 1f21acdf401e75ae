// @vitest-environment node
/**
 * Admin actions end to end: authorised from the synced membership, carried
 * out through the Backend API (the Clerk emulator), written through
 * at once, then confirmed by the webhook.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { api, internal } from "./_generated/api";
import { LIMITS } from "./rateLimits";
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

  test("resending a pending invitation sends a new one (same email and role) and costs a token like invite", async () => {
    const ada = inAcme(ids.ada);
    await ada.action(api.admin.invite, { email: "again@example.com", role: "org:admin" });
    const [first] = await ada.query(api.members.invitations, {});
    await ada.action(api.admin.resendInvitation, { invitationId: first!.invitationId });
    const [second, ...rest] = await ada.query(api.members.invitations, {});
    expect(rest).toEqual([]);
    expect(second).toMatchObject({ email: "again@example.com", role: "org:admin" });
    expect(second!.invitationId).not.toBe(first!.invitationId);
    // The old link is dead: resending it again finds nothing pending.
    await expectCode(ada.action(api.admin.resendInvitation, { invitationId: first!.invitationId }), "INVALID_ARGUMENT");

    const grace = as(t, tokenV2(ids.grace, { id: ids.globex, role: "admin" }));
    await expectCode(grace.action(api.admin.resendInvitation, { invitationId: second!.invitationId }), "NOT_FOUND");

    // Spend the rest of Ada's invitation tokens (one went on the invite, one on the resend).
    for (let i = 0; i < LIMITS.inviteByUser.capacity - 2; i++) {
      await t.mutation(internal.rateLimits.take, { limits: [{ name: "inviteByUser", key: ids.ada }] });
    }
    await expectCode(ada.action(api.admin.resendInvitation, { invitationId: second!.invitationId }), "RATE_LIMITED");
    expect((await ada.query(api.members.invitations, {}))[0]!.invitationId).toBe(second!.invitationId);
  });

  test("a member removed by an admin is told who removed them; one who left, or was never a member, is told nothing", async () => {
    const ada = inAcme(ids.ada);
    await ada.action(api.admin.removeMember, { userId: ids.bob });
    const bob = as(t, tokenV2(ids.bob));
    expect(await bob.query(api.me.lostAccess, { org: "acme" })).toMatchObject({ kind: "removed", by: "Ada Admin", orgName: "Acme" });
    expect(await bob.query(api.me.lostAccess, { org: ids.acme })).toMatchObject({ kind: "removed", by: "Ada Admin" });

    await inAcme(ids.sam, "member").action(api.admin.leave, {});
    expect(await as(t, tokenV2(ids.sam)).query(api.me.lostAccess, { org: "acme" })).toBeNull();
    expect(await as(t, tokenV2(ids.grace)).query(api.me.lostAccess, { org: "acme" })).toBeNull();
  });

  test("deleting the organization: admins only, its name typed exactly; members see it go and are told who deleted it", async () => {
    const ada = inAcme(ids.ada);
    const listId = await ada.mutation(api.lists.create, { name: "Doomed" });
    await ada.mutation(api.todos.create, { listId, title: "Doomed todo" });

    await expectCode(inAcme(ids.bob, "member").action(api.admin.deleteOrganization, { confirmName: "Acme" }), "FORBIDDEN");
    const wrong = await expectCode(ada.action(api.admin.deleteOrganization, { confirmName: "acme" }), "INVALID_ARGUMENT");
    expect(wrong.message).toBe("Type “Acme” exactly to confirm.");
    expect(await roles()).toHaveProperty(["bob@acme.test"]);

    await ada.action(api.admin.deleteOrganization, { confirmName: " Acme " });
    const bob = as(t, tokenV2(ids.bob));
    expect((await bob.query(api.me.get, {})).orgs).toEqual([]);
    expect(await bob.query(api.me.lostAccess, { org: ids.acme })).toMatchObject({ kind: "orgDeleted", by: "Ada Admin", orgName: "Acme" });
    await expectCode(ada.query(api.lists.list, {}), "FORBIDDEN");
    // The cascade purges its data in scheduled batches.
    await t.finishAllScheduledFunctions(() => {});
    const left = await t.run(async (ctx) => ({
      lists: (await ctx.db.query("lists").collect()).filter((l) => l.orgId === ids.acme),
      todos: (await ctx.db.query("todos").collect()).filter((l) => l.orgId === ids.acme),
    }));
    expect(left).toEqual({ lists: [], todos: [] });
    await local.drain(); // Clerk's own webhook changes nothing
    expect((await bob.query(api.me.get, {})).orgs).toEqual([]);
  });

  test("an organization's slug comes from the visible text of its name; a taken one gets a number", async () => {
    const sam = as(t, tokenV2(ids.sam));
    expect((await sam.action(api.admin.createOrganization, { name: "Café Zoë & Co" })).slug).toBe("cafe-zoe-co");
    expect((await sam.action(api.admin.createOrganization, { name: "Cafe Zoe, Co." })).slug).toBe("cafe-zoe-co-2");
  });
});

