/**
 * The webhook contract, exercised through the example app's route
 * POST /clerk-webhook with real svix signatures; state is read back through
 * the component's public queries (the ClerkSync client).
 */
import { MAX_WEBHOOK_BODY_BYTES } from "convex-clerk-sync";
import { describe, expect, test, vi } from "vitest";
import { deleted, event, invitation, membership, organization, session, tick, user } from "../../src/test";
import {
  WEBHOOK_SECRET,
  appData,
  apply,
  deliver,
  inComponent,
  setup,
  signed,
  snapshot,
  withEnv,
  type TestApp,
} from "../../test/setup";
import { clerkSync } from "./clerkSync";

const setupConvex = setup;
const withoutWebhookSecret = <T>(fn: () => Promise<T>) => withEnv("CLERK_WEBHOOK_SECRET", undefined, fn);

// ---------------------------------------------------------------- helpers

const firstPage = { numItems: 50, cursor: null };

const getUser = (t: TestApp, id: string) => t.run((ctx) => clerkSync.getUser(ctx, id));
const getUserByEmail = (t: TestApp, email: string) => t.run((ctx) => clerkSync.getUserByEmail(ctx, email));
const getOrg = (t: TestApp, id: string) => t.run((ctx) => clerkSync.getOrganization(ctx, id));
const getOrgBySlug = (t: TestApp, slug: string) => t.run((ctx) => clerkSync.getOrganizationBySlug(ctx, slug));
const getMembership = (t: TestApp, orgId: string, userId: string) =>
  t.run((ctx) => clerkSync.getMembership(ctx, orgId, userId));
const orgsOf = (t: TestApp, userId: string) =>
  t.run(async (ctx) => (await clerkSync.listOrganizationsForUser(ctx, userId)).map((r) => ({ id: r.organization.clerkId, role: r.role })));
const pendingInvitations = (t: TestApp, orgId: string) =>
  t.run(async (ctx) => (await clerkSync.listPendingInvitations(ctx, orgId)).map((i) => i.email));

/** The member list as a user sees it: who, with what role, name, email and picture. */
async function members(t: TestApp, orgId: string, search?: string) {
  const page = await t.run((ctx) => clerkSync.listMembers(ctx, { orgId, search, paginationOpts: firstPage }));
  return page.page
    .map((m) => ({ userId: m.userId, role: m.role, firstName: m.firstName, lastName: m.lastName, email: m.email, imageUrl: m.imageUrl }))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}
const memberIds = async (t: TestApp, orgId: string, search?: string) => (await members(t, orgId, search)).map((m) => m.userId);

/** The example app's data: notes per organization. */
async function seedNotes(t: TestApp, orgId: string, count: number) {
  await t.run(async (ctx) => {
    for (let i = 0; i < count; i++) await ctx.db.insert("notes", { orgId, text: `Note ${i}` });
  });
}
const countByOrg = (rows: { orgId: string }[]) =>
  rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.orgId]: (acc[r.orgId] ?? 0) + 1 }), {});
const webhookEvents = (t: TestApp) => inComponent(t, (ctx) => ctx.db.query("webhookEvents").collect());

// Fixtures: two people, two organizations.
const alice = (o: Parameters<typeof user>[1] = {}) =>
  user("user_alice", { email: "Alice.Smith@Example.COM", first: "Alice", last: "Smith", ...o });
const bob = (o: Parameters<typeof user>[1] = {}) => user("user_bob", { email: "bob@builders.io", first: "Bob", last: "Jones", ...o });
const acme = (o: Parameters<typeof organization>[1] = {}) => organization("org_acme", { name: "Acme", slug: "acme", ...o });
const globex = (o: Parameters<typeof organization>[1] = {}) => organization("org_globex", { name: "Globex", slug: "globex", ...o });
const aliceIn = (org: ReturnType<typeof organization>, o: Parameters<typeof membership>[3] = {}) =>
  membership(`orgmem_alice_${org.id}`, org, "user_alice", { email: "Alice.Smith@Example.COM", first: "Alice", last: "Smith", ...o });
const bobIn = (org: ReturnType<typeof organization>, o: Parameters<typeof membership>[3] = {}) =>
  membership(`orgmem_bob_${org.id}`, org, "user_bob", { email: "bob@builders.io", first: "Bob", last: "Jones", ...o });

/** Alice (admin) and Bob (member) in Acme, Alice in Globex, a pending invite to each, notes in both orgs. */
async function seedTwoOrgs(t: TestApp) {
  const org = acme();
  const other = globex();
  for (const e of [
    event("user.created", alice()),
    event("user.created", bob()),
    event("organization.created", org),
    event("organization.created", other),
    event("organizationMembership.created", aliceIn(org, { role: "org:admin" })),
    event("organizationMembership.created", bobIn(org)),
    event("organizationMembership.created", aliceIn(other)),
    event("organizationInvitation.created", invitation("orginv_carol", "org_acme", "carol@example.com")),
    event("organizationInvitation.created", invitation("orginv_dan", "org_globex", "dan@example.com")),
  ]) {
    expect(await apply(t, e)).toBe("applied");
  }
  await seedNotes(t, "org_acme", 2);
  await seedNotes(t, "org_globex", 1);
  return { org, other };
}

/** Posts a raw body with the given headers to the webhook route. */
const post = (t: TestApp, body: string, headers: Record<string, string>) =>
  t.fetch("/clerk-webhook", { method: "POST", headers, body });

/**
 * Sends a request that must be rejected: asserts its status, that no table
 * (component or app) changed, that no delivery was recorded, and that the
 * response does not echo the secret.
 */
async function expectRejected(t: TestApp, status: number, send: () => Promise<Response>) {
  const before = { component: await snapshot(t), app: await appData(t) };
  const res = await send();
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(text).not.toContain(WEBHOOK_SECRET.slice("whsec_".length));
  expect({ component: await snapshot(t), app: await appData(t) }).toEqual(before);
  expect((await webhookEvents(t)).length).toBe(before.component.webhookEvents.length);
  return text;
}

// ---------------------------------------------------------------- tests

describe("every event type, applied through the signed route", () => {
  test("user.created: the user is found by id and by email, whatever its case", async () => {
    const t = setupConvex();
    const body = alice({ lastSignInAt: 1_600_000_000_000 });
    expect(await apply(t, event("user.created", body))).toBe("applied");

    const u = await getUser(t, "user_alice");
    expect(u).toMatchObject({
      clerkId: "user_alice",
      firstName: "Alice",
      lastName: "Smith",
      primaryEmail: "alice.smith@example.com",
      emailAddresses: [{ id: "idn_user_alice", email: "alice.smith@example.com", verified: true }],
      imageUrl: "https://img.clerk.com/user_alice",
      createdAt: body.created_at,
      updatedAt: body.updated_at,
      lastSignInAt: 1_600_000_000_000,
      stub: false,
    });
    expect((await getUserByEmail(t, "alice.smith@example.com"))?.clerkId).toBe("user_alice");
    expect((await getUserByEmail(t, "  ALICE.SMITH@EXAMPLE.COM "))?.clerkId).toBe("user_alice");
    expect(await getUserByEmail(t, "bob@builders.io")).toBeNull();
    expect(await getUser(t, "user_bob")).toBeNull();
  });

  test("user.created with null and empty names and no email still creates the user", async () => {
    const t = setupConvex();
    const body = { ...user("user_anon", { first: null, last: "" }), email_addresses: [], primary_email_address_id: null, image_url: "" };
    expect(await apply(t, event("user.created", body))).toBe("applied");
    const u = await getUser(t, "user_anon");
    expect(u).toMatchObject({ clerkId: "user_anon", emailAddresses: [], stub: false });
    expect(u?.firstName).toBeUndefined();
    expect(u?.lastName).toBeUndefined();
    expect(u?.primaryEmail).toBeUndefined();
    expect(u?.imageUrl).toBeUndefined();
  });

  test("user.updated: the new name and email replace the old ones, on the user and in every member list", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const updated = alice({ first: "Alicia", last: "Smythe", email: "alicia@newmail.org" });
    expect(await apply(t, event("user.updated", updated))).toBe("applied");

    expect(await getUser(t, "user_alice")).toMatchObject({ firstName: "Alicia", lastName: "Smythe", primaryEmail: "alicia@newmail.org" });
    expect(await getUserByEmail(t, "alicia@newmail.org")).toMatchObject({ clerkId: "user_alice" });
    expect(await getUserByEmail(t, "alice.smith@example.com")).toBeNull();
    for (const orgId of ["org_acme", "org_globex"]) {
      expect((await members(t, orgId)).find((m) => m.userId === "user_alice")).toMatchObject({
        firstName: "Alicia",
        lastName: "Smythe",
        email: "alicia@newmail.org",
      });
      expect(await memberIds(t, orgId, "smythe")).toEqual(["user_alice"]);
      expect(await memberIds(t, orgId, "smith")).toEqual([]);
    }
  });

  test("user.deleted: the user, and their memberships in every organization, are gone; others stay", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    expect(await apply(t, event("user.deleted", deleted("user_alice", "user")))).toBe("applied");

    expect(await getUser(t, "user_alice")).toBeNull();
    expect(await getUserByEmail(t, "alice.smith@example.com")).toBeNull();
    expect(await getMembership(t, "org_acme", "user_alice")).toBeNull();
    expect(await getMembership(t, "org_globex", "user_alice")).toBeNull();
    expect(await orgsOf(t, "user_alice")).toEqual([]);
    expect(await memberIds(t, "org_acme")).toEqual(["user_bob"]);
    expect(await memberIds(t, "org_globex")).toEqual([]);
    // Bob, the organizations and their data are untouched.
    expect(await getUser(t, "user_bob")).not.toBeNull();
    expect(await getOrg(t, "org_acme")).not.toBeNull();
    expect(countByOrg((await appData(t)).notes)).toEqual({ org_acme: 2, org_globex: 1 });
    // Reported to the app once.
    expect((await appData(t)).activity.filter((a) => a.kind === "user.deleted")).toEqual([expect.objectContaining({ userId: "user_alice" })]);
  });

  test("organization.created: found by id and by slug", async () => {
    const t = setupConvex();
    const body = acme();
    expect(await apply(t, event("organization.created", body))).toBe("applied");
    expect(await getOrg(t, "org_acme")).toMatchObject({
      clerkId: "org_acme",
      name: "Acme",
      slug: "acme",
      membersCount: 1,
      maxAllowedMemberships: 5,
      createdBy: "user_creator",
      createdAt: body.created_at,
      updatedAt: body.updated_at,
    });
    expect((await getOrgBySlug(t, "acme"))?.clerkId).toBe("org_acme");
    expect(await getOrgBySlug(t, "globex")).toBeNull();
  });

  test("organization.updated: renamed with a new slug; the old slug no longer resolves", async () => {
    const t = setupConvex();
    const created = acme();
    await apply(t, event("organization.created", created));
    expect(await apply(t, event("organization.updated", acme({ name: "Acme Corp", slug: "acme-corp", createdAt: created.created_at })))).toBe("applied");

    expect(await getOrg(t, "org_acme")).toMatchObject({ name: "Acme Corp", slug: "acme-corp", createdAt: created.created_at });
    expect((await getOrgBySlug(t, "acme-corp"))?.name).toBe("Acme Corp");
    expect(await getOrgBySlug(t, "acme")).toBeNull();
  });

  test("organization.deleted: memberships, invitations and the app's notes of that org are purged; the other org survives", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    expect(countByOrg((await appData(t)).notes)).toEqual({ org_acme: 2, org_globex: 1 });

    expect(await apply(t, event("organization.deleted", deleted("org_acme", "organization")))).toBe("applied");

    expect(await getOrg(t, "org_acme")).toBeNull();
    expect(await getOrgBySlug(t, "acme")).toBeNull();
    expect(await getMembership(t, "org_acme", "user_alice")).toBeNull();
    expect(await getMembership(t, "org_acme", "user_bob")).toBeNull();
    expect(await memberIds(t, "org_acme")).toEqual([]);
    expect(await pendingInvitations(t, "org_acme")).toEqual([]);
    expect(await orgsOf(t, "user_alice")).toEqual([{ id: "org_globex", role: "org:member" }]);
    expect(await orgsOf(t, "user_bob")).toEqual([]);
    const data = await appData(t);
    expect(countByOrg(data.notes)).toEqual({ org_globex: 1 });
    expect(data.activity.filter((a) => a.kind === "organization.deleted")).toEqual([expect.objectContaining({ orgId: "org_acme" })]);

    // Users survive their organization; the other organization is whole.
    expect(await getUser(t, "user_bob")).not.toBeNull();
    expect(await getOrg(t, "org_globex")).not.toBeNull();
    expect(await memberIds(t, "org_globex")).toEqual(["user_alice"]);
    expect(await pendingInvitations(t, "org_globex")).toEqual(["dan@example.com"]);
  });

  test("organizationMembership.created: membership with role and permissions, member list, search by name and email, orgs of a user", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const perms = ["org:todos:read", "org:todos:write"];
    expect(await apply(t, event("organizationMembership.created", bobIn(globex(), { role: "org:editor", permissions: perms })))).toBe("applied");

    expect(await getMembership(t, "org_globex", "user_bob")).toMatchObject({
      clerkId: "orgmem_bob_org_globex",
      orgId: "org_globex",
      userId: "user_bob",
      role: "org:editor",
      permissions: perms,
    });
    expect(await members(t, "org_acme")).toEqual([
      { userId: "user_alice", role: "org:admin", firstName: "Alice", lastName: "Smith", email: "alice.smith@example.com", imageUrl: "https://img.clerk.com/user_alice" },
      { userId: "user_bob", role: "org:member", firstName: "Bob", lastName: "Jones", email: "bob@builders.io", imageUrl: "https://img.clerk.com/user_bob" },
    ]);
    expect(await memberIds(t, "org_globex")).toEqual(["user_alice", "user_bob"]);
    // Search by first name, last name, whole email, email domain; scoped to the org.
    expect(await memberIds(t, "org_acme", "alice")).toEqual(["user_alice"]);
    expect(await memberIds(t, "org_acme", "Jones")).toEqual(["user_bob"]);
    expect(await memberIds(t, "org_acme", "bob@builders.io")).toEqual(["user_bob"]);
    expect(await memberIds(t, "org_acme", "builders.io")).toEqual(["user_bob"]);
    expect(await memberIds(t, "org_acme", "nobody")).toEqual([]);
    expect(await memberIds(t, "org_globex", "bob")).toEqual(["user_bob"]);
    // The organizations of each user, sorted by name, with their role.
    expect(await orgsOf(t, "user_bob")).toEqual([
      { id: "org_acme", role: "org:member" },
      { id: "org_globex", role: "org:editor" },
    ]);
    expect(await orgsOf(t, "user_alice")).toEqual([
      { id: "org_acme", role: "org:admin" },
      { id: "org_globex", role: "org:member" },
    ]);
  });

  test("organizationMembership.updated: a role change shows in the membership, the member list and the user's orgs", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const promoted = bobIn(acme(), { role: "org:admin", permissions: ["org:sys_memberships:manage"] });
    expect(await apply(t, event("organizationMembership.updated", promoted))).toBe("applied");

    expect(await getMembership(t, "org_acme", "user_bob")).toMatchObject({ role: "org:admin", permissions: ["org:sys_memberships:manage"] });
    expect((await members(t, "org_acme")).map((m) => [m.userId, m.role])).toEqual([
      ["user_alice", "org:admin"],
      ["user_bob", "org:admin"],
    ]);
    expect(await orgsOf(t, "user_bob")).toEqual([{ id: "org_acme", role: "org:admin" }]);
  });

  test("organizationMembership.deleted: the member leaves that org only", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    expect(await apply(t, event("organizationMembership.deleted", aliceIn(acme(), { role: "org:admin" })))).toBe("applied");

    expect(await getMembership(t, "org_acme", "user_alice")).toBeNull();
    expect(await memberIds(t, "org_acme")).toEqual(["user_bob"]);
    expect(await memberIds(t, "org_acme", "alice")).toEqual([]);
    expect(await orgsOf(t, "user_alice")).toEqual([{ id: "org_globex", role: "org:member" }]);
    expect(await getUser(t, "user_alice")).not.toBeNull();
    expect(countByOrg((await appData(t)).notes)).toEqual({ org_acme: 2, org_globex: 1 });
  });

  test("organizationInvitation.created / accepted / revoked: only pending invitations are listed", async () => {
    const t = setupConvex();
    await apply(t, event("organization.created", acme()));
    const erin = invitation("orginv_erin", "org_acme", "Erin@Example.com", { role: "org:admin" });
    const frank = invitation("orginv_frank", "org_acme", "frank@example.com");
    expect(await apply(t, event("organizationInvitation.created", erin))).toBe("applied");
    expect(await apply(t, event("organizationInvitation.created", frank))).toBe("applied");
    expect((await pendingInvitations(t, "org_acme")).sort()).toEqual(["erin@example.com", "frank@example.com"]);
    expect(await t.run((ctx) => clerkSync.listPendingInvitations(ctx, "org_acme"))).toContainEqual(
      expect.objectContaining({ clerkId: "orginv_erin", role: "org:admin", status: "pending", expiresAt: erin.expires_at }),
    );

    const accepted = invitation("orginv_erin", "org_acme", "erin@example.com", { status: "accepted", userId: "user_erin", createdAt: erin.created_at });
    expect(await apply(t, event("organizationInvitation.accepted", accepted))).toBe("applied");
    expect(await pendingInvitations(t, "org_acme")).toEqual(["frank@example.com"]);

    const revoked = invitation("orginv_frank", "org_acme", "frank@example.com", { status: "revoked", createdAt: frank.created_at });
    expect(await apply(t, event("organizationInvitation.revoked", revoked))).toBe("applied");
    expect(await pendingInvitations(t, "org_acme")).toEqual([]);

    const rows = await inComponent(t, (ctx) => ctx.db.query("invitations").collect());
    expect(rows.map((i) => [i.clerkId, i.status, i.userId]).sort()).toEqual([
      ["orginv_erin", "accepted", "user_erin"],
      ["orginv_frank", "revoked", undefined],
    ]);
  });

  test("session.created: the user's last sign-in and active organization are recorded", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const s = session("sess_1", "user_alice", { orgId: "org_globex" });
    expect(await apply(t, event("session.created", s))).toBe("applied");
    expect(await getUser(t, "user_alice")).toMatchObject({ lastSignInAt: s.created_at, lastActiveOrgId: "org_globex", firstName: "Alice" });

    // An older session arriving late is recorded, but does not move the last sign-in back.
    const older = session("sess_0", "user_alice", { orgId: "org_acme", createdAt: s.created_at - 60_000 });
    expect(await apply(t, event("session.created", older))).toBe("applied");
    expect(await apply(t, event("session.created", older))).toBe("stale");
    expect(await getUser(t, "user_alice")).toMatchObject({ lastSignInAt: s.created_at, lastActiveOrgId: "org_globex" });

    // A later profile update keeps the recorded sign-in.
    expect(await apply(t, event("user.updated", alice({ first: "Ali" })))).toBe("applied");
    expect(await getUser(t, "user_alice")).toMatchObject({ firstName: "Ali", lastSignInAt: s.created_at, lastActiveOrgId: "org_globex" });
  });

  test("each delivery is recorded once, under its svix-id, with its type, time and outcome", async () => {
    const t = setupConvex();
    const e = event("user.created", alice());
    await apply(t, e, { id: "msg_recorded" });
    expect(await webhookEvents(t)).toEqual([
      expect.objectContaining({ svixId: "msg_recorded", type: "user.created", occurredAt: e.timestamp, outcome: "applied" }),
    ]);
  });
});

describe("rejected deliveries write nothing", () => {
  /** A destructive event: had it been applied, the snapshot would change. */
  const destructive = () => event("organization.deleted", deleted("org_acme", "organization"));

  const signatureCases: { name: string; request: () => { body: string; headers: Record<string, string> } }[] = [
    {
      name: "tampered body",
      request: () => {
        const body = JSON.stringify(destructive());
        const { headers } = signed(body);
        return { body: body.replace("org_acme", "org_globex"), headers };
      },
    },
    {
      name: "signed with another secret",
      request: () => {
        const body = JSON.stringify(destructive());
        return { body, headers: signed(body, { secret: "whsec_" + btoa("some-other-endpoint-secret-000") }).headers };
      },
    },
    {
      name: "timestamp more than 5 minutes old (replayed capture)",
      request: () => {
        const body = JSON.stringify(destructive());
        return { body, headers: signed(body, { at: new Date(Date.now() - 6 * 60_000) }).headers };
      },
    },
    {
      name: "timestamp more than 5 minutes in the future",
      request: () => {
        const body = JSON.stringify(destructive());
        return { body, headers: signed(body, { at: new Date(Date.now() + 6 * 60_000) }).headers };
      },
    },
    ...(["svix-id", "svix-timestamp", "svix-signature"] as const).map((header) => ({
      name: `missing ${header} header`,
      request: () => {
        const body = JSON.stringify(destructive());
        const headers: Record<string, string> = { ...signed(body).headers };
        delete headers[header];
        return { body, headers };
      },
    })),
    {
      name: "signature header of another message",
      request: () => {
        const body = JSON.stringify(destructive());
        const other = signed(JSON.stringify(event("user.deleted", deleted("user_bob", "user"))));
        return { body, headers: { ...signed(body).headers, "svix-signature": other.headers["svix-signature"] } };
      },
    },
  ];

  test.for(signatureCases)("401 for a bad signature: $name", async ({ request }) => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const { body, headers } = request();
    await expectRejected(t, 401, () => post(t, body, headers));
  });

  test("a rejected svix-id is not consumed: the genuine delivery under the same id applies", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const body = JSON.stringify(destructive());
    const { headers } = signed(body, { id: "msg_retry" });
    await expectRejected(t, 401, () => post(t, body.replace("org_acme", "org_globex"), headers));
    await expectRejected(t, 400, () => post(t, "{not json", signed("{not json", { id: "msg_retry" }).headers));

    const res = await post(t, body, signed(body, { id: "msg_retry" }).headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: "applied" });
    expect(await getOrg(t, "org_acme")).toBeNull();
  });

  test("a timestamp within the 5 minute tolerance is accepted", async () => {
    const t = setupConvex();
    const body = JSON.stringify(event("user.created", alice()));
    const res = await post(t, body, signed(body, { at: new Date(Date.now() - 4 * 60_000) }).headers);
    expect(res.status).toBe(200);
    expect(await getUser(t, "user_alice")).not.toBeNull();
  });

  const aliceWithoutId = () => Object.fromEntries(Object.entries(alice()).filter(([key]) => key !== "id"));
  const invalidPayloads: { name: string; body: () => string }[] = [
    { name: "malformed JSON", body: () => '{"type":"organization.deleted","data":{"id":"org_acme"' },
    { name: "JSON that is not an object", body: () => JSON.stringify("organization.deleted") },
    { name: "envelope without a type", body: () => JSON.stringify({ ...destructive(), type: undefined }) },
    { name: "user.created without an id", body: () => JSON.stringify(event("user.created", aliceWithoutId())) },
    { name: "user.created with updated_at as a string", body: () => JSON.stringify(event("user.created", { ...alice(), updated_at: String(tick()) })) },
    { name: "user.created with an empty id", body: () => JSON.stringify(event("user.created", { ...alice(), id: "" })) },
    { name: "user.deleted with a numeric id", body: () => JSON.stringify(event("user.deleted", { id: 42, deleted: true })) },
    { name: "organization.updated without a name", body: () => JSON.stringify(event("organization.updated", { ...acme(), name: null })) },
    { name: "membership with a numeric role", body: () => JSON.stringify(event("organizationMembership.updated", { ...bobIn(acme()), role: 7 })) },
    {
      name: "membership with permissions as a string",
      body: () => JSON.stringify(event("organizationMembership.created", { ...bobIn(globex()), permissions: "org:todos:read" })),
    },
    {
      name: "membership with a numeric public_user_data.user_id",
      body: () => {
        const m = bobIn(globex());
        return JSON.stringify(event("organizationMembership.created", { ...m, public_user_data: { ...m.public_user_data, user_id: 7 } }));
      },
    },
    {
      name: "membership.deleted without its organization",
      body: () => JSON.stringify(event("organizationMembership.deleted", { ...aliceIn(acme()), organization: undefined })),
    },
    {
      name: "invitation with an unknown status",
      body: () => JSON.stringify(event("organizationInvitation.revoked", invitation("orginv_carol", "org_acme", "carol@example.com", { status: "cancelled" }))),
    },
    { name: "session without a user_id", body: () => JSON.stringify(event("session.created", { ...session("sess_x", "user_alice"), user_id: null })) },
  ];

  test.for(invalidPayloads)("400 for a correctly signed but invalid payload: $name", async ({ body }) => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const raw = body();
    await expectRejected(t, 400, () => post(t, raw, signed(raw).headers));
  });

  test("413 for a correctly signed body over the size limit, before verifying: nothing written", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    // A valid, signed user.created that would be applied but for its size.
    const padded = (bytes: number) => {
      const base = JSON.stringify(event("user.created", { ...alice(), public_metadata: { pad: "" } }));
      return base.replace('"pad":""', `"pad":"${"x".repeat(bytes - base.length)}"`);
    };
    const atLimit = padded(MAX_WEBHOOK_BODY_BYTES);
    expect(atLimit.length).toBe(MAX_WEBHOOK_BODY_BYTES);
    const over = padded(MAX_WEBHOOK_BODY_BYTES + 1);
    await expectRejected(t, 413, () => post(t, over, signed(over).headers));
    // Multi-byte characters count as bytes, not as characters.
    const wide = over.replace("xx", "€"); // one character fewer, one byte more
    expect(wide.length).toBe(MAX_WEBHOOK_BODY_BYTES);
    await expectRejected(t, 413, () => post(t, wide, signed(wide).headers));
    // A declared Content-Length over the limit is refused without reading.
    const small = JSON.stringify(event("user.created", alice()));
    await expectRejected(t, 413, () => post(t, small, { ...signed(small).headers, "content-length": String(MAX_WEBHOOK_BODY_BYTES + 1) }));
    // Exactly at the limit is accepted.
    const res = await post(t, atLimit, signed(atLimit).headers);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ outcome: "applied" });
  });

  test("a rejected payload's log names the failing fields but not their values", async () => {
    const t = setupConvex();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const body = { ...alice(), first_name: 42, email_addresses: [{ id: "idn_x", email_address: "private.person@secret-domain.test", verification: null }], primary_email_address_id: "idn_x" };
      const raw = JSON.stringify(event("user.created", body));
      const res = await post(t, raw, signed(raw).headers);
      expect(res.status).toBe(400);
      const logged = warn.mock.calls.map((c) => c.join(" ")).join("\n") + (await res.text());
      expect(logged).toContain("first_name");
      expect(logged).not.toContain("private.person");
      expect(logged).not.toContain("secret-domain");
      expect(logged).not.toContain("42");
    } finally {
      warn.mockRestore();
    }
  });

  test("an unknown event type answers 200, is recorded as ignored, and changes nothing else", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const before = await snapshot(t);
    const res = await deliver(t, event("email.created", { id: "ema_1", to_email_address: "alice.smith@example.com" }), { id: "msg_email" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: "ignored" });

    const after = await snapshot(t);
    expect({ ...after, webhookEvents: [] }).toEqual({ ...before, webhookEvents: [] });
    expect(after.webhookEvents.length).toBe(before.webhookEvents.length + 1);
    expect(after.webhookEvents.find((e) => e.svixId === "msg_email")).toMatchObject({ type: "email.created", outcome: "ignored" });
    // Recorded: a redelivery is a duplicate.
    expect(await apply(t, event("email.created", { id: "ema_1" }), { id: "msg_email" })).toBe("duplicate");
  });

  test("CLERK_WEBHOOK_SECRET unset: 500 (so Clerk retries) and nothing written", async () => {
    const t = setupConvex();
    await seedTwoOrgs(t);
    const body = JSON.stringify(destructive());
    const { headers } = signed(body, { id: "msg_unconfigured" });
    const text = await withoutWebhookSecret(() => expectRejected(t, 500, () => post(t, body, headers)));
    expect(text).not.toContain("whsec_");
    // Once configured again, Clerk's retry of the same message applies.
    const retry = await post(t, body, headers);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: "applied" });
    expect(await getOrg(t, "org_acme")).toBeNull();
  });

  test("no response, accepted or rejected, echoes the secret", async () => {
    const t = setupConvex();
    const secretParts = [WEBHOOK_SECRET, WEBHOOK_SECRET.slice("whsec_".length), atob(WEBHOOK_SECRET.slice("whsec_".length))];
    const good = JSON.stringify(event("user.created", alice()));
    const invalid = JSON.stringify(event("user.created", { id: "user_x" }));
    const responses = [
      await post(t, good, signed(good).headers),
      await post(t, good, signed(good).headers), // same body, new id: stale
      await post(t, good.replace("Alice", "Mallory"), signed(good).headers),
      await post(t, good, signed(good, { secret: "whsec_" + btoa("wrong-secret-0123456789") }).headers),
      await post(t, "{", signed("{").headers),
      await post(t, invalid, signed(invalid).headers),
      await post(t, good, {}),
    ];
    const bodies = await Promise.all(responses.map(async (r) => `${r.status} ${await r.text()} ${JSON.stringify([...r.headers])}`));
    expect(bodies.map((b) => b.slice(0, 3))).toEqual(["200", "200", "401", "401", "400", "400", "401"]);
    for (const body of bodies) for (const part of secretParts) expect(body).not.toContain(part);
  });
});
