/**
 * Fidelity to what Clerk sends. Payloads are built complete (the test kit's
 * builders are checked against @clerk/backend's JSON types and carry the
 * fields of Clerk's webhook OpenAPI examples); where Clerk's published
 * schema makes a field optional (`status` and `organization_id` of an
 * invitation, `public_user_data` of a membership), it is taken out, as a
 * real delivery may.
 */
import { describe, expect, test } from "vitest";
import { deleted, event, invitation, membership, organization, permission, role, session, user } from "../../src/test";
import { appData, apply, deliver, inComponent, setup, snapshot, withEnv, type TestApp } from "../../test/setup";
import { api } from "./_generated/api";
import { clerkSync } from "./clerkSync";

const without = <T extends object, K extends keyof T>(o: T, ...keys: K[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k as K))) as Omit<T, K>;

const getUser = (t: TestApp, id: string) => t.run((ctx) => clerkSync.getUser(ctx, id));
const getUserByEmail = (t: TestApp, email: string) => t.run((ctx) => clerkSync.getUserByEmail(ctx, email));
const getMembership = (t: TestApp, orgId: string, userId: string) => t.run((ctx) => clerkSync.getMembership(ctx, orgId, userId));
const getInvitation = (t: TestApp, id: string) => t.run((ctx) => clerkSync.getInvitation(ctx, id));
const pending = (t: TestApp, orgId: string) => t.run(async (ctx) => (await clerkSync.listPendingInvitations(ctx, orgId)).map((i) => i.email));
const activity = async (t: TestApp) => (await appData(t)).activity.map((a) => `${a.kind} ${a.detail ?? a.userId ?? a.orgId}`);

const acme = () => organization("org_acme", { name: "Acme", slug: "acme" });

describe("what Clerk's schema makes optional is accepted", () => {
  test("an invitation without `status`: the event type says it (created: pending, accepted, revoked)", async () => {
    const t = setup();
    await apply(t, event("organization.created", acme()));
    const created = invitation("orginv_1", "org_acme", "ann@example.com");
    expect(await apply(t, event("organizationInvitation.created", without(created, "status")))).toBe("applied");
    expect(await getInvitation(t, "orginv_1")).toMatchObject({ status: "pending", orgId: "org_acme" });
    expect(await pending(t, "org_acme")).toEqual(["ann@example.com"]);

    const accepted = invitation("orginv_1", "org_acme", "ann@example.com", { createdAt: created.created_at, userId: "user_ann" });
    expect(await apply(t, event("organizationInvitation.accepted", without(accepted, "status")))).toBe("applied");
    expect(await getInvitation(t, "orginv_1")).toMatchObject({ status: "accepted", userId: "user_ann" });

    const other = invitation("orginv_2", "org_acme", "bo@example.com");
    await apply(t, event("organizationInvitation.created", other));
    const revoked = invitation("orginv_2", "org_acme", "bo@example.com", { createdAt: other.created_at });
    expect(await apply(t, event("organizationInvitation.revoked", without(revoked, "status")))).toBe("applied");
    expect(await getInvitation(t, "orginv_2")).toMatchObject({ status: "revoked" });
    expect(await pending(t, "org_acme")).toEqual([]);
  });

  test("an invitation without `organization_id`: kept, under its organization once an event names it", async () => {
    const t = setup();
    await apply(t, event("organization.created", acme()));
    const created = invitation("orginv_1", "org_acme", "ann@example.com");
    // An acceptance without organization_id, for an invitation already known: its organization stays.
    expect(await apply(t, event("organizationInvitation.created", created))).toBe("applied");
    const accepted = invitation("orginv_1", "org_acme", "ann@example.com", { status: "accepted", userId: "user_ann", createdAt: created.created_at });
    expect(await apply(t, event("organizationInvitation.accepted", without(accepted, "organization_id")))).toBe("applied");
    expect(await getInvitation(t, "orginv_1")).toMatchObject({ orgId: "org_acme", status: "accepted" });

    // A new invitation without one: recorded, listed under no organization until a later event names it.
    const orphan = invitation("orginv_2", "org_acme", "cy@example.com");
    expect(await apply(t, event("organizationInvitation.created", without(orphan, "organization_id")))).toBe("applied");
    expect(await getInvitation(t, "orginv_2")).toMatchObject({ email: "cy@example.com", status: "pending" });
    expect((await getInvitation(t, "orginv_2"))?.orgId).toBeUndefined();
    expect(await pending(t, "org_acme")).toEqual([]);
    const revoked = invitation("orginv_2", "org_acme", "cy@example.com", { status: "revoked", createdAt: orphan.created_at });
    expect(await apply(t, event("organizationInvitation.revoked", revoked))).toBe("applied");
    expect(await getInvitation(t, "orginv_2")).toMatchObject({ orgId: "org_acme", status: "revoked" });
  });

  test("a membership without `public_user_data`: updates or removes the membership it is; an unknown one is answered, not refused", async () => {
    const t = setup();
    const org = acme();
    const created = membership("orgmem_1", org, "user_ann", { role: "org:member" });
    await apply(t, event("organizationMembership.created", created));

    const promoted = membership("orgmem_1", org, "user_ann", { role: "org:admin", permissions: ["org:sys_memberships:manage"], createdAt: created.created_at });
    expect(await apply(t, event("organizationMembership.updated", without(promoted, "public_user_data")))).toBe("applied");
    expect(await getMembership(t, "org_acme", "user_ann")).toMatchObject({ role: "org:admin", roleName: "Admin", permissions: ["org:sys_memberships:manage"], firstName: "First" });
    expect(await activity(t)).toContain("membership.changed org:member -> org:admin");

    // A membership the component never saw: no user id to file it under. 200, nothing written for it.
    const unknown = membership("orgmem_2", org, "user_bo");
    const before = await snapshot(t);
    const res = await deliver(t, event("organizationMembership.created", without(unknown, "public_user_data")));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: "ignored" });
    expect((await snapshot(t)).memberships).toEqual(before.memberships);

    const removed = { ...promoted, updated_at: promoted.updated_at + 1000 };
    expect(await apply(t, event("organizationMembership.deleted", without(removed, "public_user_data")))).toBe("applied");
    expect(await getMembership(t, "org_acme", "user_ann")).toBeNull();
    expect(await activity(t)).toContain("membership.changed org:admin -> none");
  });

  test("a `public_user_data.identifier` that is null or not an email (a username, a phone number)", async () => {
    const t = setup();
    const org = acme();
    const m = membership("orgmem_1", org, "user_ann");
    await apply(t, event("organizationMembership.created", { ...m, public_user_data: { ...m.public_user_data, identifier: null } }));
    const n = membership("orgmem_2", org, "user_bo");
    await apply(t, event("organizationMembership.created", { ...n, public_user_data: { ...n.public_user_data, identifier: "+15555550100" } }));
    expect((await getMembership(t, "org_acme", "user_ann"))?.email).toBeUndefined();
    expect((await getMembership(t, "org_acme", "user_bo"))?.email).toBeUndefined();
  });

  test("Clerk's published examples give `timestamp` in seconds: it is read as such", async () => {
    const t = setup();
    await apply(t, event("user.created", user("user_ann"), { timestamp: 1716883200 }), { id: "msg_seconds" });
    const [record] = (await snapshot(t)).webhookEvents;
    expect(record).toMatchObject({ svixId: "msg_seconds", occurredAt: 1716883200000, instanceId: "ins_test" });
  });
});

describe("international email addresses", () => {
  const addresses = ["josé@example.com", "user@bücher.de", "наталья@пример.рф", "山田@例え.jp"];

  test.for(addresses)("an invitation to %s is accepted and listed", async (address) => {
    const t = setup();
    await apply(t, event("organization.created", acme()));
    expect(await apply(t, event("organizationInvitation.created", invitation("orginv_1", "org_acme", address)))).toBe("applied");
    expect(await pending(t, "org_acme")).toEqual([address]);
  });

  test("a user's address matches whatever its case and Unicode form (composed or decomposed accents)", async () => {
    const t = setup();
    await apply(t, event("user.created", user("user_jose", { email: "José@Bücher.DE" })));
    expect(await getUser(t, "user_jose")).toMatchObject({ primaryEmail: "josé@bücher.de" });
    for (const asked of ["josé@bücher.de", "JOSÉ@BÜCHER.DE", "jose\u0301@bu\u0308cher.de"]) {
      expect((await getUserByEmail(t, asked))?.clerkId, asked).toBe("user_jose");
    }
    const invited = invitation("orginv_1", "org_acme", "Jose\u0301@Bu\u0308cher.de");
    await apply(t, event("organization.created", acme()));
    await apply(t, event("organizationInvitation.created", invited));
    expect(await pending(t, "org_acme")).toEqual(["josé@bücher.de"]);
  });
});

describe("legacy role keys", () => {
  test.for([
    ["admin", "org:admin"],
    ["basic_member", "org:member"],
  ])("%s is stored as %s, in memberships, invitations and roles", async ([legacy, key]) => {
    const t = setup();
    const org = acme();
    await apply(t, event("organizationMembership.created", membership("orgmem_1", org, "user_ann", { role: legacy })));
    expect(await getMembership(t, "org_acme", "user_ann")).toMatchObject({ role: key });
    expect(await t.run((ctx) => clerkSync.listMembersWithRole(ctx, "org_acme", key!, 10))).toHaveLength(1);
    await apply(t, event("organizationInvitation.created", invitation("orginv_1", "org_acme", "bo@example.com", { role: legacy })));
    expect(await getInvitation(t, "orginv_1")).toMatchObject({ role: key });
    await apply(t, event("role.created", role("role_1", legacy!, [])));
    expect(await t.run((ctx) => clerkSync.getRole(ctx, key!))).toMatchObject({ clerkId: "role_1" });
  });
});

describe("fields an app needs are kept", () => {
  test("a user's banned and locked state, phone numbers, image, and which addresses are verified", async () => {
    const t = setup();
    const base = user("user_ann", { email: "ann@example.com", phone: "+15555550100", banned: true, locked: true, hasImage: true });
    const secondary = { ...base.email_addresses[0]!, id: "idn_second", email_address: "ann.unverified@example.com", verification: { ...base.email_addresses[0]!.verification!, status: "unverified" as const } };
    await apply(t, event("user.created", { ...base, email_addresses: [...base.email_addresses, secondary] }));
    expect(await getUser(t, "user_ann")).toMatchObject({
      banned: true,
      locked: true,
      hasImage: true,
      primaryPhoneNumber: "+15555550100",
      phoneNumbers: [{ id: "idn_phone_user_ann", phoneNumber: "+15555550100", verified: true }],
      emailAddresses: [
        { id: "idn_user_ann", email: "ann@example.com", verified: true },
        { id: "idn_second", email: "ann.unverified@example.com", verified: false },
      ],
    });
    // Anyone can add an address to their account: only a verified one finds its user.
    expect((await getUserByEmail(t, "ann@example.com"))?.clerkId).toBe("user_ann");
    expect(await getUserByEmail(t, "ann.unverified@example.com")).toBeNull();

    // The address verified later, the ban lifted: the next user.updated says so.
    const later = user("user_ann", { email: "ann@example.com", phone: "+15555550100", createdAt: base.created_at });
    await apply(t, event("user.updated", { ...later, email_addresses: [...later.email_addresses, { ...secondary, verification: later.email_addresses[0]!.verification }] }));
    expect((await getUserByEmail(t, "ann.unverified@example.com"))?.clerkId).toBe("user_ann");
    expect(await getUser(t, "user_ann")).toMatchObject({ banned: false, locked: false });
  });

  test("a primary address that is unverified is shown, but finds nobody", async () => {
    const t = setup();
    await apply(t, event("user.created", user("user_ann", { email: "ann@example.com", emailVerification: "unverified" })));
    expect(await getUser(t, "user_ann")).toMatchObject({ primaryEmail: "ann@example.com" });
    expect(await getUserByEmail(t, "ann@example.com")).toBeNull();
  });

  test("a membership's role name, an organization's image flag", async () => {
    const t = setup();
    const org = { ...acme(), has_image: true };
    await apply(t, event("organizationMembership.created", membership("orgmem_1", org, "user_ann", { role: "org:editor", roleName: "Editor" })));
    expect(await getMembership(t, "org_acme", "user_ann")).toMatchObject({ role: "org:editor", roleName: "Editor" });
    expect(await t.run((ctx) => clerkSync.getOrganization(ctx, "org_acme"))).toMatchObject({ hasImage: true });
  });
});

describe("the Clerk instance", () => {
  test("each delivery records its instance_id", async () => {
    const t = setup();
    await apply(t, event("user.created", user("user_ann"), { instanceId: "ins_prod" }), { id: "msg_1" });
    expect((await snapshot(t)).webhookEvents).toEqual([expect.objectContaining({ svixId: "msg_1", instanceId: "ins_prod" })]);
  });

  test("with CLERK_INSTANCE_ID set, another instance's events are refused (403) and write nothing", async () => {
    const t = setup();
    await withEnv("CLERK_INSTANCE_ID", "ins_prod", async () => {
      const before = await snapshot(t);
      const res = await deliver(t, event("user.created", user("user_dev"), { instanceId: "ins_dev" }));
      expect(res.status).toBe(403);
      expect(await snapshot(t)).toEqual(before);
      expect(await t.run((ctx) => clerkSync.webhookHealth(ctx))).toMatchObject({ rejected: { instance: 1 } });
      // A delivery without an instance_id cannot prove where it comes from.
      expect((await deliver(t, { ...event("user.created", user("user_who")), instance_id: undefined })).status).toBe(403);
      // The expected instance's events apply.
      expect(await apply(t, event("user.created", user("user_prod"), { instanceId: "ins_prod" }))).toBe("applied");
    });
    expect(await getUser(t, "user_prod")).not.toBeNull();
    expect(await getUser(t, "user_dev")).toBeNull();
  });
});

describe("roles and permissions", () => {
  const read = permission("perm_read", "org:posts:read");
  const write = permission("perm_write", "org:posts:write");

  async function editorWithReadOnly(t: TestApp) {
    const editor = role("role_editor", "org:editor", [read]);
    await apply(t, event("role.created", editor));
    const m = membership("orgmem_1", acme(), "user_ann", { role: "org:editor", permissions: ["org:posts:read"] });
    await apply(t, event("organizationMembership.created", m));
    return { editor, m };
  }
  const permissionsOf = async (t: TestApp) => (await getMembership(t, "org_acme", "user_ann"))?.permissions.sort();

  test("a role edit in Clerk changes its members' permissions with that one webhook", async () => {
    const t = setup();
    const { editor } = await editorWithReadOnly(t);
    const edited = role("role_editor", "org:editor", [read, write], { createdAt: editor.created_at });
    expect(await apply(t, event("role.updated", edited))).toBe("applied");
    expect(await permissionsOf(t)).toEqual(["org:posts:read", "org:posts:write"]);
    // Everywhere a membership is read.
    expect((await t.run((ctx) => clerkSync.listOrganizationsForUser(ctx, "user_ann")))[0]?.permissions.sort()).toEqual(["org:posts:read", "org:posts:write"]);
    const page = await t.run((ctx) => clerkSync.listMembers(ctx, { orgId: "org_acme", paginationOpts: { numItems: 10, cursor: null } }));
    expect(page.page[0]?.permissions.sort()).toEqual(["org:posts:read", "org:posts:write"]);
    expect((await t.withIdentity({ subject: "user_ann" }).query(api.users.membership, { orgId: "org_acme" }))?.permissions.sort()).toEqual([
      "org:posts:read",
      "org:posts:write",
    ]);
  });

  test("an older role.updated arriving late changes nothing; a newer membership event speaks for itself", async () => {
    const t = setup();
    const { editor, m } = await editorWithReadOnly(t);
    const edited = role("role_editor", "org:editor", [read, write], { createdAt: editor.created_at });
    await apply(t, event("role.updated", edited));
    expect(await apply(t, event("role.updated", editor))).toBe("stale");
    expect(await permissionsOf(t)).toEqual(["org:posts:read", "org:posts:write"]);
    // Clerk computed this membership's permissions after the edit: they stand.
    await apply(t, event("organizationMembership.updated", membership("orgmem_1", acme(), "user_ann", { role: "org:editor", permissions: ["org:posts:write"], createdAt: m.created_at })));
    expect(await permissionsOf(t)).toEqual(["org:posts:write"]);
  });

  test("a permission renamed or deleted in Clerk is renamed or gone in every role that grants it", async () => {
    const t = setup();
    const { editor } = await editorWithReadOnly(t);
    await apply(t, event("role.updated", role("role_editor", "org:editor", [read, write], { createdAt: editor.created_at })));
    await apply(t, event("permission.updated", permission("perm_write", "org:posts:edit", { createdAt: write.created_at })));
    expect(await permissionsOf(t)).toEqual(["org:posts:edit", "org:posts:read"]);
    await apply(t, event("permission.deleted", deleted("perm_read", "permission")));
    expect(await permissionsOf(t)).toEqual(["org:posts:edit"]);
    expect(await apply(t, event("permission.created", read))).toBe("stale"); // deleted stays deleted
  });

  test("a role deleted in Clerk: its members keep what their memberships say", async () => {
    const t = setup();
    const { editor } = await editorWithReadOnly(t);
    await apply(t, event("role.updated", role("role_editor", "org:editor", [read, write], { createdAt: editor.created_at })));
    expect(await apply(t, event("role.deleted", deleted("role_editor", "role")))).toBe("applied");
    expect(await t.run((ctx) => clerkSync.getRole(ctx, "org:editor"))).toBeNull();
    expect(await permissionsOf(t)).toEqual(["org:posts:read"]);
    expect(await apply(t, event("role.updated", editor))).toBe("stale");
  });
});

describe("sessions", () => {
  test("session.created brings the user it embeds, the active organization and the sign-in time", async () => {
    const t = setup();
    const ann = user("user_ann", { email: "ann@example.com", first: "Ann", last: "Lee" });
    const s = session("sess_1", "user_ann", { orgId: "org_acme", user: ann });
    expect(await apply(t, event("session.created", s))).toBe("applied");
    expect(await getUser(t, "user_ann")).toMatchObject({ stub: false, firstName: "Ann", primaryEmail: "ann@example.com", lastSignInAt: s.created_at, lastActiveOrgId: "org_acme" });
    expect((await getUserByEmail(t, "ann@example.com"))?.clerkId).toBe("user_ann");
    expect(await t.run((ctx) => clerkSync.getSession(ctx, "sess_1"))).toMatchObject({ userId: "user_ann", status: "active", lastActiveOrgId: "org_acme" });
  });

  test("an impersonation session records its actor; ending it is recorded too", async () => {
    const t = setup();
    const s = session("sess_imp", "user_ann", { actor: { sub: "user_support", iss: "https://dashboard.clerk.com" }, user: user("user_ann") });
    await apply(t, event("session.created", s));
    expect(await t.run((ctx) => clerkSync.getSession(ctx, "sess_imp"))).toMatchObject({
      actorId: "user_support",
      actor: { sub: "user_support", iss: "https://dashboard.clerk.com" },
    });
    await apply(t, event("session.ended", session("sess_imp", "user_ann", { createdAt: s.created_at, updatedAt: s.created_at + 60_000, status: "ended", actor: s.actor! })));
    expect(await t.run((ctx) => clerkSync.getSession(ctx, "sess_imp"))).toMatchObject({ status: "ended", actorId: "user_support" });
  });

  test("session.created with a null user (Clerk's type allows it) still records the sign-in", async () => {
    const t = setup();
    await apply(t, event("session.created", session("sess_1", "user_ann", { user: null })));
    expect(await getUser(t, "user_ann")).toMatchObject({ stub: true, lastSignInAt: expect.any(Number) });
  });
});

describe("an accepted invitation and the membership it creates", () => {
  const org = acme();
  const invited = invitation("orginv_1", "org_acme", "ann@example.com");
  const accepted = invitation("orginv_1", "org_acme", "ann@example.com", { status: "accepted", userId: "user_ann", createdAt: invited.created_at });
  const joined = membership("orgmem_1", org, "user_ann");

  test("acceptance first: the membership event names the invitation", async () => {
    const t = setup();
    await apply(t, event("organizationInvitation.created", invited));
    await apply(t, event("organizationInvitation.accepted", accepted));
    await apply(t, event("organizationMembership.created", joined));
    expect(await activity(t)).toEqual([
      "invitation.changed orginv_1 none -> pending",
      "invitation.changed orginv_1 pending -> accepted",
      "membership.changed none -> org:member via orginv_1",
    ]);
  });

  test("membership first: the acceptance says the membership was reported", async () => {
    const t = setup();
    await apply(t, event("organizationInvitation.created", invited));
    await apply(t, event("organizationMembership.created", joined));
    await apply(t, event("organizationInvitation.accepted", accepted));
    expect(await activity(t)).toEqual([
      "invitation.changed orginv_1 none -> pending",
      "membership.changed none -> org:member",
      "invitation.changed orginv_1 pending -> accepted (member reported)",
    ]);
  });
});

describe("deleted entities are reported once", () => {
  test("organization.deleted and user.deleted delivered twice (new svix ids): one event each", async () => {
    const t = setup();
    await apply(t, event("organizationMembership.created", membership("orgmem_1", acme(), "user_ann")));
    for (let i = 0; i < 2; i++) {
      await apply(t, event("organization.deleted", deleted("org_acme", "organization")));
      await apply(t, event("user.deleted", deleted("user_ann", "user")));
    }
    const kinds = (await appData(t)).activity.map((a) => a.kind);
    expect(kinds.filter((k) => k === "organization.deleted")).toHaveLength(1);
    expect(kinds.filter((k) => k === "user.deleted")).toHaveLength(1);
    // The second ones were stale.
    const outcomes = (await snapshot(t)).webhookEvents.filter((e) => e.type.endsWith(".deleted")).map((e) => e.outcome);
    expect(outcomes.sort()).toEqual(["applied", "applied", "stale", "stale"]);
    expect(await inComponent(t, (ctx) => ctx.db.query("tombstones").collect())).toHaveLength(2);
  });
});
