/**
 * What the app does with the component's events (convex/sync.ts) and its
 * synced roles, as a user sees it: one activity entry per join, the
 * impersonator named, a role edited in Clerk changing what members may do.
 */
import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { apply, event, invitation, membership, organization, user } from "../test/clerk";
import { setupConvex, type TestApp } from "../test/convex";
import { addMember, as, expectCode, seedOrgs, tokenV2 } from "../test/tenants";
import { permission, role } from "convex-clerk-sync/test";

const page = { paginationOpts: { numItems: 50, cursor: null } };

/** Org A's activity log as its admin reads it, oldest first: "kind subject" lines. */
async function activity(t: TestApp) {
  const admin = as(t, tokenV2("user_admin_a", { id: "org_a", role: "admin" }));
  const { page: entries } = await admin.query(api.audit.list, page);
  return entries.reverse().map((e) => `${e.kind} ${e.subject?.email ?? e.subject?.userId ?? e.name ?? "-"}`);
}

describe("accepting one invitation writes one activity entry", () => {
  /** Carol's invitation to org A, its acceptance, and the membership the acceptance creates. */
  function carolJoins(orgA: ReturnType<typeof organization>) {
    const invited = invitation("orginv_carol", "org_a", "carol@example.com");
    const accepted = invitation("orginv_carol", "org_a", "carol@example.com", { status: "accepted", userId: "user_carol", createdAt: invited.created_at });
    const joined = membership("orgmem_carol", orgA, "user_carol", { email: "carol@example.com" });
    return {
      invited: event("organizationInvitation.created", invited),
      accepted: event("organizationInvitation.accepted", accepted),
      joined: event("organizationMembership.created", joined),
    };
  }

  test.for([
    ["the acceptance first", ["accepted", "joined"]],
    ["the membership first", ["joined", "accepted"]],
  ] as const)("%s, each delivered twice: one entry, the acceptance", async ([, order]) => {
    const t = setupConvex();
    const { orgA } = await seedOrgs(t);
    await apply(t, event("user.created", user("user_carol", { email: "carol@example.com" })));
    const webhooks = carolJoins(orgA);
    const before = await activity(t);
    await apply(t, webhooks.invited);
    for (const name of order) await apply(t, webhooks[name]);
    // Clerk may deliver again, under new svix ids: nothing more is logged.
    for (const name of order) await apply(t, webhooks[name]);

    expect((await activity(t)).slice(before.length)).toEqual(["invitation.created carol@example.com", "invitation.accepted carol@example.com"]);
    const admin = as(t, tokenV2("user_admin_a", { id: "org_a", role: "admin" }));
    const { page: [entry] } = await admin.query(api.audit.list, { kind: "invitation.accepted", ...page });
    // The invitee is the one acting, and the entry says what they joined as.
    expect(entry).toMatchObject({ source: "clerk", actor: { userId: "user_carol" }, role: "org:member" });
  });

  test("a member added directly (no invitation) is still logged as added", async () => {
    const t = setupConvex();
    const { orgA } = await seedOrgs(t);
    const before = await activity(t);
    await addMember(t, orgA, "user_dan");
    expect((await activity(t)).slice(before.length)).toEqual(["member.added user_dan"]);
  });
});

describe("impersonation", () => {
  test("what an impersonated member does is logged with the impersonator's name", async () => {
    const t = setupConvex();
    await seedOrgs(t);
    await apply(t, event("user.created", user("user_support", { first: "Sue", last: "Port" })));
    // Clerk's impersonation session token: the user's, with `act` naming who is behind it.
    const impersonated = as(t, { ...tokenV2("user_admin_a", { id: "org_a", role: "admin" }), act: { sub: "user_support" } });
    await impersonated.mutation(api.lists.create, { name: "Made by support" });
    const admin = as(t, tokenV2("user_admin_a", { id: "org_a", role: "admin" }));
    await admin.mutation(api.lists.create, { name: "Made by the admin" });

    const { page: entries } = await admin.query(api.audit.list, { kind: "list.created", ...page });
    expect(entries.map((e) => [e.name, e.actor?.userId, e.impersonator])).toEqual([
      ["Made by the admin", "user_admin_a", null],
      ["Made by support", "user_admin_a", { userId: "user_support", name: "Sue Port" }],
    ]);
  });
});

describe("roles edited in Clerk", () => {
  test("a member's rights follow an edit of their role's permissions, with one role.updated webhook", async () => {
    const t = setupConvex();
    const { orgA } = await seedOrgs(t);
    const writeTodos = permission("perm_todos", "org:todos:write");
    const writeLists = permission("perm_lists", "org:lists:write");
    const contributor = role("role_contributor", "org:contributor", [writeTodos]);
    await apply(t, event("role.created", contributor));
    await addMember(t, orgA, "user_erin", { role: "org:contributor", permissions: ["org:todos:write"] });
    const erin = as(t, tokenV2("user_erin", { id: "org_a", role: "contributor" }));
    await expectCode(erin.mutation(api.lists.create, { name: "Not yet" }), "FORBIDDEN");

    // In Clerk's dashboard: the role gains org:lists:write. No membership event follows.
    await apply(t, event("role.updated", role("role_contributor", "org:contributor", [writeTodos, writeLists], { createdAt: contributor.created_at })));
    await erin.mutation(api.lists.create, { name: "Now allowed" });
    expect((await erin.query(api.me.get, {})).activeOrg?.permissions.sort()).toEqual(["org:lists:write", "org:todos:write"]);

    // And the permission deleted in Clerk: the right goes with it.
    await apply(t, event("permission.deleted", { object: "permission", id: "perm_lists", deleted: true }));
    await expectCode(erin.mutation(api.lists.create, { name: "Not any more" }), "FORBIDDEN");
  });
});
