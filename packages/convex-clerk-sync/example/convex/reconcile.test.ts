// @vitest-environment node
/**
 * Reconciliation, through the example app's generated `reconcile` and
 * `reconcileStep`, against a fake of the Backend API routes it reads
 * (test/fakeClerk.ts): what webhooks missed is brought in, what Clerk no
 * longer has is swept (with the app's event), and a second run finds
 * nothing to do.
 */
import { afterEach, expect, test } from "vitest";
import { event, invitation, membership, organization, user } from "../../src/test";
import { startFakeClerk, type Directory } from "../../test/fakeClerk";
import { appData, apply, setup, type TestApp } from "../../test/setup";
import { internal } from "./_generated/api";
import { clerkSync } from "./clerkSync";

let fake: Awaited<ReturnType<typeof startFakeClerk>> | undefined;
afterEach(async () => {
  await fake?.close();
  delete process.env.CLERK_SECRET_KEY;
  delete process.env.CLERK_API_URL;
});

async function finished(t: TestApp) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
    const { active, last } = await t.run((ctx) => clerkSync.reconciliationStatus(ctx));
    if (!active && last) return last;
  }
  throw new Error("the reconciliation did not finish");
}

async function reconcile(t: TestApp) {
  expect(await t.mutation(internal.clerkSync.reconcile, { trigger: "test" })).toEqual({ started: true });
  return await finished(t);
}

test("a run brings in what webhooks missed, sweeps what Clerk deleted, and a second run finds nothing to do", { timeout: 60_000 }, async () => {
  const t = setup();
  const acme = organization("org_acme", { name: "Acme" });
  const globex = organization("org_globex", { name: "Globex" });
  const ann = user("user_ann", { first: "Ann" });
  // What the deployment heard by webhook: an old name, and a user and an organization since deleted in Clerk.
  await apply(t, event("user.created", user("user_ann", { first: "Annie", updatedAt: ann.updated_at - 10_000, createdAt: ann.created_at })));
  await apply(t, event("user.created", user("user_gone")));
  const gone = organization("org_gone");
  await apply(t, event("organizationMembership.created", membership("orgmem_gone", gone, "user_ann")));

  // Clerk's directory now: 120 users (more than a page), two organizations, members and a pending invitation.
  const users = [ann, ...Array.from({ length: 119 }, (_, i) => user(`user_${String(i).padStart(3, "0")}`))];
  const directory: Directory = {
    users,
    organizations: [acme, globex],
    memberships: [
      membership("orgmem_ann", acme, "user_ann", { role: "org:admin" }),
      ...users.slice(1, 40).map((u, i) => membership(`orgmem_${i}`, i % 2 ? acme : globex, u.id)),
    ],
    invitations: [invitation("orginv_dee", "org_acme", "dee@example.com")],
  };
  fake = await startFakeClerk(directory);
  process.env.CLERK_SECRET_KEY = "sk_test_fake";
  process.env.CLERK_API_URL = fake.url;

  const first = await reconcile(t);
  expect(first).toMatchObject({ status: "succeeded", trigger: "test" });
  expect(first.counts).toMatchObject({ added: 119 + 2 + 40 + 1, updated: 1, removed: 2 });
  expect(await t.run((ctx) => clerkSync.getUser(ctx, "user_ann"))).toMatchObject({ firstName: "Ann" });
  expect(await t.run((ctx) => clerkSync.getUser(ctx, "user_gone"))).toBeNull();
  expect(await t.run((ctx) => clerkSync.getOrganization(ctx, "org_gone"))).toBeNull();
  expect(await t.run((ctx) => clerkSync.getMembership(ctx, "org_acme", "user_ann"))).toMatchObject({ role: "org:admin" });
  const acmeMembers = await t.run((ctx) => clerkSync.listMembers(ctx, { orgId: "org_acme", paginationOpts: { numItems: 100, cursor: null } }));
  expect(acmeMembers.page).toHaveLength(1 + 19);
  expect(await t.run(async (ctx) => (await clerkSync.listPendingInvitations(ctx, "org_acme")).map((i) => i.email))).toEqual(["dee@example.com"]);
  // The app heard of it as of any change from Clerk.
  const { activity } = await appData(t);
  expect(activity.filter((a) => a.kind === "organization.deleted").map((a) => a.orgId)).toEqual(["org_gone"]);
  expect(activity.filter((a) => a.kind === "membership.changed" && a.orgId !== "org_gone" && !a.actorId)).toHaveLength(40);

  const before = fake.requests();
  const second = await reconcile(t);
  expect(second.counts).toMatchObject({ added: 0, updated: 0, removed: 0 });
  expect(fake.requests()).toBeGreaterThan(before);
});

test("without a Backend API (no secret key) the run fails at once and says why", { timeout: 30_000 }, async () => {
  const t = setup();
  expect(await t.mutation(internal.clerkSync.reconcile, {})).toEqual({ started: true });
  const result = await finished(t);
  expect(result.status).toBe("failed");
  expect(result.error).toMatch(/secret/i);
});
