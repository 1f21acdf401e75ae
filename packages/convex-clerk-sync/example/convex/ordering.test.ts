/**
 * Delivery conditions: at-least-once and in no particular order. Whatever
 * the order and however often each event arrives, the synced state must end
 * where in-order delivery ends.
 */
import { describe, expect, test } from "vitest";
import { deleted, event, invitation, membership, organization, session, user, type ClerkEvent } from "../../src/test";
import { apply, setup as setupConvex, snapshot, syncedState, type TestApp } from "../../test/setup";
import { clerkSync } from "./clerkSync";

// ---------------------------------------------------------------- helpers

/** One scenario event, with a stable svix-id and the entities it touches. */
type Step = { name: string; svixId: string; event: ClerkEvent; touches: string[] };

/** A fresh deployment that received `steps` in this order (each under its own svix-id). */
async function deliverAll(steps: Step[]) {
  const t = setupConvex();
  for (const s of steps) await apply(t, s.event, { id: s.svixId });
  return t;
}
const stateAfter = async (steps: Step[]) => syncedState(await snapshot(await deliverAll(steps)));

const getUser = (t: TestApp, id: string) => t.run((ctx) => clerkSync.getUser(ctx, id));
const getOrg = (t: TestApp, id: string) => t.run((ctx) => clerkSync.getOrganization(ctx, id));
const getMembership = (t: TestApp, orgId: string, userId: string) =>
  t.run((ctx) => clerkSync.getMembership(ctx, orgId, userId));
async function members(t: TestApp, orgId: string) {
  const page = await t.run((ctx) => clerkSync.listMembers(ctx, { orgId, paginationOpts: { numItems: 50, cursor: null } }));
  return page.page.map((m) => ({ userId: m.userId, role: m.role, firstName: m.firstName, lastName: m.lastName, email: m.email })).sort((a, b) => a.userId.localeCompare(b.userId));
}
const orgsOf = (t: TestApp, userId: string) =>
  t.run(async (ctx) => (await clerkSync.listOrganizationsForUser(ctx, userId)).map((r) => [r.organization.clerkId, r.role]));

/** Deterministic PRNG (mulberry32), so a failing permutation can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(items: T[], random: () => number) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A realistic life of two organizations, in Clerk's order (timestamps rise):
 * Alice signs up and renames herself, creates Acme (renamed), is promoted
 * and signs in; Carol is invited, accepts, joins and leaves; Bob joins
 * Globex and Acme, then deletes his account; Globex is deleted.
 */
function scenario(): Step[] {
  const alice1 = user("user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smith" });
  const alice2 = user("user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smythe", createdAt: alice1.created_at });
  const bob1 = user("user_bob", { email: "bob@builders.io", first: "Bob", last: "Jones" });
  const acme1 = organization("org_acme", { name: "Acme", slug: "acme" });
  const acme2 = organization("org_acme", { name: "Acme Corp", slug: "acme-corp", createdAt: acme1.created_at });
  const aliceAcme = membership("orgmem_alice_acme", acme2, "user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smythe" });
  const alicePromoted = { ...membership("orgmem_alice_acme", acme2, "user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smythe", role: "org:admin", permissions: ["org:sys_memberships:manage"] }), created_at: aliceAcme.created_at };
  const signIn = session("sess_alice", "user_alice", { orgId: "org_acme" });
  const carolInvited = invitation("orginv_carol", "org_acme", "carol@example.com");
  const carolAccepted = invitation("orginv_carol", "org_acme", "carol@example.com", { status: "accepted", userId: "user_carol", createdAt: carolInvited.created_at });
  const carolAcme = membership("orgmem_carol_acme", acme2, "user_carol", { email: "carol@example.com", first: "Carol", last: "Danvers" });
  const globex = organization("org_globex", { name: "Globex", slug: "globex" });
  const aliceGlobex = membership("orgmem_alice_globex", globex, "user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smythe" });
  const bobGlobex = membership("orgmem_bob_globex", globex, "user_bob", { email: "bob@builders.io", first: "Bob", last: "Jones" });
  const bobAcme = membership("orgmem_bob_acme", acme2, "user_bob", { email: "bob@builders.io", first: "Bob", last: "Jones" });
  const carolLeft = { ...carolAcme, updated_at: carolAcme.updated_at + 60_000 };

  const steps: [string, ClerkEvent, string[]][] = [
    ["user.created alice", event("user.created", alice1), ["user_alice"]],
    ["user.updated alice", event("user.updated", alice2), ["user_alice"]],
    ["user.created bob", event("user.created", bob1), ["user_bob"]],
    ["organization.created acme", event("organization.created", acme1), ["org_acme"]],
    ["organization.updated acme", event("organization.updated", acme2), ["org_acme"]],
    ["membership.created alice@acme", event("organizationMembership.created", aliceAcme), ["orgmem_alice_acme", "user_alice", "org_acme"]],
    ["membership.updated alice@acme (admin)", event("organizationMembership.updated", alicePromoted), ["orgmem_alice_acme", "user_alice", "org_acme"]],
    ["session.created alice", event("session.created", signIn), ["user_alice"]],
    ["invitation.created carol", event("organizationInvitation.created", carolInvited), ["orginv_carol", "org_acme"]],
    ["invitation.accepted carol", event("organizationInvitation.accepted", carolAccepted), ["orginv_carol", "org_acme", "user_carol"]],
    ["membership.created carol@acme", event("organizationMembership.created", carolAcme), ["orgmem_carol_acme", "user_carol", "org_acme"]],
    ["organization.created globex", event("organization.created", globex), ["org_globex"]],
    ["membership.created alice@globex", event("organizationMembership.created", aliceGlobex), ["orgmem_alice_globex", "user_alice", "org_globex"]],
    ["membership.created bob@globex", event("organizationMembership.created", bobGlobex), ["orgmem_bob_globex", "user_bob", "org_globex"]],
    ["membership.created bob@acme", event("organizationMembership.created", bobAcme), ["orgmem_bob_acme", "user_bob", "org_acme"]],
    ["membership.deleted carol@acme", event("organizationMembership.deleted", carolLeft), ["orgmem_carol_acme", "user_carol", "org_acme"]],
    ["user.deleted bob", event("user.deleted", deleted("user_bob", "user")), ["user_bob"]],
    ["organization.deleted globex", event("organization.deleted", deleted("org_globex", "organization")), ["org_globex"]],
  ];
  return steps.map(([name, e, touches], i) => ({ name, svixId: `msg_step_${i}`, event: e, touches }));
}

const steps = scenario();
const related = (a: Step, b: Step) => a.touches.some((id) => b.touches.includes(id));
let inOrder: ReturnType<typeof stateAfter> | undefined;
/** The synced state after the whole scenario in order (computed once). */
const scenarioInOrder = () => (inOrder ??= stateAfter(steps));
const relatedPairs = steps.flatMap((earlier, i) =>
  steps.slice(i + 1).flatMap((later, k) => (related(earlier, later) ? [{ i, j: i + 1 + k, label: `${later.name} ⟶ ${earlier.name}` }] : [])),
);

// ---------------------------------------------------------------- tests

describe("the scenario, in order", () => {
  test("ends where a user expects", async () => {
    const t = await deliverAll(steps);
    expect(await getUser(t, "user_alice")).toMatchObject({ lastName: "Smythe", primaryEmail: "alice@example.com", stub: false, lastActiveOrgId: "org_acme" });
    expect((await getUser(t, "user_alice"))?.lastSignInAt).toBe(steps[7]!.event.data.created_at);
    expect(await getUser(t, "user_bob")).toBeNull();
    expect(await getOrg(t, "org_acme")).toMatchObject({ name: "Acme Corp", slug: "acme-corp" });
    expect(await getOrg(t, "org_globex")).toBeNull();
    expect(await members(t, "org_acme")).toEqual([
      { userId: "user_alice", role: "org:admin", firstName: "Alice", lastName: "Smythe", email: "alice@example.com" },
    ]);
    expect(await orgsOf(t, "user_alice")).toEqual([["org_acme", "org:admin"]]);
    expect(await t.run((ctx) => clerkSync.listPendingInvitations(ctx, "org_acme"))).toEqual([]);
    expect(relatedPairs.length).toBeGreaterThan(60);
  });
});

describe("duplicate delivery", () => {
  test("the same svix-id twice: the second is a duplicate and nothing changes", async () => {
    const t = setupConvex();
    const created = event("user.created", user("user_alice", { first: "Alice" }));
    expect(await apply(t, created, { id: "msg_dup" })).toBe("applied");
    const before = await snapshot(t);
    expect(await apply(t, created, { id: "msg_dup" })).toBe("duplicate");
    expect(await snapshot(t)).toEqual(before);
  });

  test("a replayed svix-id is a no-op even when the replay would now change the state", async () => {
    const t = setupConvex();
    const first = event("user.created", user("user_alice", { first: "Alice" }));
    await apply(t, first, { id: "msg_a" });
    await apply(t, event("user.deleted", deleted("user_alice", "user")), { id: "msg_b" });
    const before = await snapshot(t);
    // Same ids, whatever the body: the svix-id decides.
    expect(await apply(t, first, { id: "msg_a" })).toBe("duplicate");
    expect(await apply(t, event("user.created", user("user_zed")), { id: "msg_b" })).toBe("duplicate");
    expect(await snapshot(t)).toEqual(before);
    expect(await getUser(t, "user_zed")).toBeNull();
  });

  test("every event of the scenario delivered again (same svix-ids): all duplicates, state identical", async () => {
    const t = await deliverAll(steps);
    const before = await snapshot(t);
    for (const s of steps) expect(await apply(t, s.event, { id: s.svixId }), s.name).toBe("duplicate");
    expect(await snapshot(t)).toEqual(before);
  });

  test("the same event many times, under the same and under new svix-ids: the entities are identical", async () => {
    const t = setupConvex();
    const org = organization("org_acme", { name: "Acme" });
    const promoted = event("organizationMembership.updated", membership("orgmem_1", org, "user_alice", { role: "org:admin" }));
    expect(await apply(t, promoted, { id: "msg_promoted" })).toBe("applied");
    const before = await snapshot(t);
    for (let n = 0; n < 5; n++) expect(await apply(t, promoted, { id: "msg_promoted" })).toBe("duplicate");
    expect(await snapshot(t)).toEqual(before);
    for (let n = 0; n < 5; n++) expect(await apply(t, promoted, { id: `msg_resent_${n}` })).toBe("stale");
    const after = await snapshot(t);
    expect({ ...after, webhookEvents: [] }).toEqual({ ...before, webhookEvents: [] });
    expect(after.webhookEvents.length).toBe(before.webhookEvents.length + 5);
    expect(await members(t, "org_acme")).toEqual([expect.objectContaining({ userId: "user_alice", role: "org:admin" })]);
  });
});

describe("out-of-order delivery", () => {
  test.for(relatedPairs)("$label: reversed, alone and within the scenario, ends as in order", async ({ i, j }) => {
    const [earlier, later] = [steps[i]!, steps[j]!];
    expect(await stateAfter([later, earlier]), "the pair alone").toEqual(await stateAfter([earlier, later]));
    const swapped = [...steps];
    [swapped[i], swapped[j]] = [later, earlier];
    expect(await stateAfter(swapped), "within the scenario").toEqual(await scenarioInOrder());
  });

  test.for([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])("random permutation (seed %i) ends like the scenario in order", async (seed) => {
    const order = shuffle(steps, prng(seed));
    expect(order.map((s) => s.name)).not.toEqual(steps.map((s) => s.name));
    expect(await stateAfter(order)).toEqual(await scenarioInOrder());
  });

  test("the whole scenario delivered backwards ends like the scenario in order", async () => {
    expect(await stateAfter([...steps].reverse())).toEqual(await scenarioInOrder());
  });
});

describe("deleted entities stay deleted", () => {
  test("user: a late user.updated / user.created, session or membership does not bring them back", async () => {
    const t = setupConvex();
    const created = user("user_alice", { email: "alice@example.com" });
    const updated = user("user_alice", { email: "alice@example.com", first: "Late", createdAt: created.created_at });
    const org = organization("org_acme");
    await apply(t, event("user.created", created));
    await apply(t, event("organization.created", org));
    await apply(t, event("user.deleted", deleted("user_alice", "user")));

    expect(await apply(t, event("user.updated", updated))).toBe("stale");
    expect(await apply(t, event("user.created", created))).toBe("stale");
    expect(await apply(t, event("session.created", session("sess_late", "user_alice")))).toBe("stale");
    expect(await apply(t, event("organizationMembership.created", membership("orgmem_late", org, "user_alice")))).toBe("stale");
    // Even an update stamped after the deletion: Clerk never reuses ids.
    expect(await apply(t, event("user.updated", user("user_alice", { createdAt: created.created_at })))).toBe("stale");

    expect(await getUser(t, "user_alice")).toBeNull();
    expect(await t.run((ctx) => clerkSync.getUserByEmail(ctx, "alice@example.com"))).toBeNull();
    expect(await members(t, "org_acme")).toEqual([]);
    expect(await orgsOf(t, "user_alice")).toEqual([]);
  });

  test("organization: a late organization.updated, membership or invitation does not bring it back", async () => {
    const t = setupConvex();
    const created = organization("org_acme", { name: "Acme", slug: "acme" });
    await apply(t, event("organization.created", created));
    await apply(t, event("organization.deleted", deleted("org_acme", "organization")));

    const late = organization("org_acme", { name: "Acme Late", slug: "acme", createdAt: created.created_at });
    expect(await apply(t, event("organization.updated", late))).toBe("stale");
    expect(await apply(t, event("organization.created", created))).toBe("stale");
    expect(await apply(t, event("organizationMembership.created", membership("orgmem_late", late, "user_alice")))).toBe("stale");
    expect(await apply(t, event("organizationInvitation.created", invitation("orginv_late", "org_acme", "x@example.com")))).toBe("stale");

    expect(await getOrg(t, "org_acme")).toBeNull();
    expect(await t.run((ctx) => clerkSync.getOrganizationBySlug(ctx, "acme"))).toBeNull();
    expect(await members(t, "org_acme")).toEqual([]);
    expect(await orgsOf(t, "user_alice")).toEqual([]);
    expect(await t.run((ctx) => clerkSync.listPendingInvitations(ctx, "org_acme"))).toEqual([]);
  });

  test("membership: a late membership.updated / created does not re-add the member", async () => {
    const t = setupConvex();
    const org = organization("org_acme");
    await apply(t, event("organization.created", org));
    await apply(t, event("user.created", user("user_alice")));
    const created = membership("orgmem_1", org, "user_alice");
    const promoted = { ...membership("orgmem_1", org, "user_alice", { role: "org:admin" }), created_at: created.created_at };
    const removed = { ...promoted, updated_at: promoted.updated_at + 1000 };
    await apply(t, event("organizationMembership.created", created));
    await apply(t, event("organizationMembership.deleted", removed));

    expect(await apply(t, event("organizationMembership.updated", promoted))).toBe("stale");
    expect(await apply(t, event("organizationMembership.created", created))).toBe("stale");
    expect(await apply(t, event("organizationMembership.updated", { ...promoted, updated_at: removed.updated_at + 1000 }))).toBe("stale");

    expect(await getMembership(t, "org_acme", "user_alice")).toBeNull();
    expect(await members(t, "org_acme")).toEqual([]);
    expect(await orgsOf(t, "user_alice")).toEqual([]);
    expect(await getUser(t, "user_alice")).not.toBeNull();
  });
});

describe("a membership before its user and organization", () => {
  const org = organization("org_acme", { name: "Acme", slug: "acme" });
  const alice = user("user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smith" });
  const inOrder: Step[] = [
    { name: "user.created", svixId: "msg_u", event: event("user.created", alice), touches: [] },
    { name: "organization.created", svixId: "msg_o", event: event("organization.created", org), touches: [] },
    {
      name: "membership.created",
      svixId: "msg_m",
      event: event("organizationMembership.created", membership("orgmem_1", org, "user_alice", { email: "Alice@Example.com", first: "Alice", last: "Smith", role: "org:admin" })),
      touches: [],
    },
  ];
  const [userCreated, orgCreated, memberCreated] = inOrder as [Step, Step, Step];

  test("creates the user stub and the organization; the member list shows the member at once", async () => {
    const t = await deliverAll([memberCreated]);
    expect(await getUser(t, "user_alice")).toMatchObject({ stub: true, firstName: "Alice", lastName: "Smith", primaryEmail: "alice@example.com" });
    // The membership's identifier is not known to be verified: no lookup by email finds the stub…
    expect(await t.run((ctx) => clerkSync.getUserByEmail(ctx, "ALICE@example.com"))).toBeNull();
    // …until Clerk's user.created says the address is verified.
    await apply(t, userCreated.event, { id: userCreated.svixId });
    expect(await t.run((ctx) => clerkSync.getUserByEmail(ctx, "ALICE@example.com"))).toMatchObject({ clerkId: "user_alice", stub: false });
    expect(await getOrg(t, "org_acme")).toMatchObject({ name: "Acme", slug: "acme" });
    expect(await members(t, "org_acme")).toEqual([{ userId: "user_alice", role: "org:admin", firstName: "Alice", lastName: "Smith", email: "alice@example.com" }]);
    expect(await orgsOf(t, "user_alice")).toEqual([["org_acme", "org:admin"]]);
  });

  test.for([
    ["then user.created, then organization.created", [memberCreated, userCreated, orgCreated]],
    ["then organization.created, then user.created", [memberCreated, orgCreated, userCreated]],
    ["between organization.created and user.created", [orgCreated, memberCreated, userCreated]],
  ] as const)("%s: ends as in order", async ([, order]) => {
    const t = await deliverAll([...order]);
    expect(await getUser(t, "user_alice")).toMatchObject({ stub: false, createdAt: alice.created_at });
    expect(syncedState(await snapshot(t))).toEqual(await stateAfter(inOrder));
  });
});

describe("a member removed and added again", () => {
  const org = organization("org_acme");
  const first = membership("orgmem_old", org, "user_alice", { role: "org:admin" });
  const removed = { ...first, updated_at: first.updated_at + 1000 };
  const again = membership("orgmem_new", org, "user_alice", { role: "org:member", createdAt: removed.updated_at + 1000 });
  const promotedOld = { ...first, role: "org:owner", updated_at: first.updated_at + 500 };
  const ev = {
    created: { name: "old created", svixId: "msg_old_created", event: event("organizationMembership.created", first), touches: [] },
    promoted: { name: "old promoted", svixId: "msg_old_promoted", event: event("organizationMembership.updated", promotedOld), touches: [] },
    removed: { name: "old removed", svixId: "msg_old_removed", event: event("organizationMembership.deleted", removed), touches: [] },
    again: { name: "new created", svixId: "msg_new_created", event: event("organizationMembership.created", again), touches: [] },
  } satisfies Record<string, Step>;
  const inOrder = [ev.created, ev.promoted, ev.removed, ev.again];

  test.for([
    ["the old deletion arrives last", [ev.created, ev.again, ev.removed, ev.promoted]],
    ["the old membership's events all arrive after the new one", [ev.again, ev.created, ev.promoted, ev.removed]],
    ["the old deletion arrives first", [ev.removed, ev.again, ev.created, ev.promoted]],
  ] as const)("%s: the member stays, with the new membership", async ([, order]) => {
    const t = await deliverAll([...order]);
    expect(await getMembership(t, "org_acme", "user_alice")).toMatchObject({ clerkId: "orgmem_new", role: "org:member" });
    expect(await members(t, "org_acme")).toEqual([expect.objectContaining({ userId: "user_alice", role: "org:member" })]);
    expect(syncedState(await snapshot(t))).toEqual(await stateAfter(inOrder));
  });
});
