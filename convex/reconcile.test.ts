// @vitest-environment node
/**
 * Reconciliation against the Clerk emulator's Backend API: lost
 * webhooks are recovered, what Clerk no longer has is swept, and nothing a
 * webhook wrote meanwhile is overwritten by an older read.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { api, components, internal } from "./_generated/api";
import { setupConvex, type TestApp } from "../test/convex";
import { inComponent } from "../test/clerk";
import { startLocalClerk } from "../test/localClerk";
import { as, tokenV2 } from "../test/tenants";
import { componentState, providerState, reconcile, reconciliationStatus, untilFinished } from "../test/reconcile";

let t: TestApp;
let local: Awaited<ReturnType<typeof startLocalClerk>>;

beforeEach(async () => {
  t = setupConvex();
  local = await startLocalClerk(t);
  await local.drain(); // the seeded demo
});

afterEach(async () => {
  await local.close();
});

/** A week of changes in Clerk: sign-ups, new orgs, joins, role changes, departures, deletions, invitations. */
async function churn(rounds: number) {
  const { clerk } = local;
  const users = [];
  for (let i = 0; i < rounds; i++) {
    users.push(await clerk.users.createUser({ firstName: `Churn${i}`, lastName: "User", emailAddress: [`churn${i}@example.com`] }));
  }
  const orgs = [];
  for (let i = 0; i < Math.ceil(rounds / 4); i++) {
    orgs.push(await clerk.organizations.createOrganization({ name: `Churn org ${i}`, createdBy: users[i]!.id }));
  }
  for (const [i, user] of users.entries()) {
    const org = orgs[i % orgs.length]!;
    if (org.createdBy === user.id) continue;
    await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:member" });
    if (i % 3 === 0) await clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: user.id, role: "org:admin" });
    if (i % 5 === 0) await clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: user.id });
  }
  for (const [i, user] of users.entries()) {
    if (i % 4 === 1) await clerk.users.updateUser(user.id, { firstName: `Renamed${i}` });
    if (i % 7 === 2) await clerk.users.deleteUser(user.id);
  }
  for (const [i, org] of orgs.entries()) {
    const invitation = await clerk.organizations.createOrganizationInvitation({
      organizationId: org.id,
      emailAddress: `invitee${i}@example.com`,
      role: "org:member",
    });
    if (i % 2 === 0) await clerk.organizations.revokeOrganizationInvitation({ organizationId: org.id, invitationId: invitation.id, requestingUserId: org.createdBy! });
    if (i % 3 === 2) await clerk.organizations.updateOrganization(org.id, { name: `Renamed org ${i}` });
  }
  await clerk.organizations.deleteOrganization(orgs[orgs.length - 1]!.id);
}

describe("reconciliation", { timeout: 60_000 }, () => {
  test("after 30% of webhooks are lost, a run makes the component equal the provider", async () => {
    local.dropWebhooks(0.3);
    await churn(40);
    await local.drain();
    local.dropWebhooks(0);
    const provider = await providerState(local.clerk);
    expect(await componentState(t)).not.toEqual(provider); // the loss is real

    const result = await reconcile(t);
    expect(result).toMatchObject({ status: "succeeded", trigger: "test" });
    expect(result.error).toBeUndefined();
    expect(result.counts.added + result.counts.updated + result.counts.removed).toBeGreaterThan(0);
    expect(await componentState(t)).toEqual(provider);

    // A second run finds nothing to do.
    const again = await reconcile(t);
    expect(again.counts).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(await componentState(t)).toEqual(provider);
  });

  test("removes what Clerk deleted while its webhooks were lost, with its app data", async () => {
    const { clerk } = local;
    const acme = await local.orgId("acme");
    const bob = await local.userId("bob@acme.test");
    const globex = await local.orgId("globex");
    const grace = as(t, tokenV2(await local.userId("grace@globex.test"), { id: globex, role: "admin" }));
    await grace.mutation(api.lists.create, { name: "Globex plans" });
    local.dropWebhooks(1);
    await clerk.organizations.deleteOrganizationMembership({ organizationId: acme, userId: bob });
    await clerk.organizations.deleteOrganization(globex);
    await local.drain();
    local.dropWebhooks(0);

    const result = await reconcile(t);
    expect(result.counts.removed).toBeGreaterThanOrEqual(2);
    expect(await componentState(t)).toEqual(await providerState(clerk));
    // Removed through the guarded path: tombstoned, so an old delivery cannot bring them back.
    const tombstones = await inComponent(t, (ctx) => ctx.db.query("tombstones").collect());
    expect(tombstones.map((s) => s.entity).sort()).toEqual(expect.arrayContaining(["membership", "organization"]));
    // The app's organization.deleted handler ran: Globex's lists are gone.
    expect(await t.run((ctx) => ctx.db.query("lists").collect())).toEqual([]);
  });

  test("a second run while one is active is refused", async () => {
    const first = await t.mutation(internal.sync.reconcile, { trigger: "test" });
    const second = await t.mutation(internal.sync.reconcile, { trigger: "test" });
    expect(first.started).toBe(true);
    expect(second.started).toBe(false);
    const { active } = await reconciliationStatus(t);
    expect(active).toMatchObject({ status: "running", trigger: "test" });
    await untilFinished(t);
  });

  test("runs concurrently with live webhooks: nothing newer is overwritten", async () => {
    await churn(12);
    await local.drain();
    const { clerk } = local;
    const started = await t.mutation(internal.sync.reconcile, { trigger: "test" });
    expect(started.started).toBe(true);
    // Changes keep arriving by webhook while the run reads and applies its batches.
    const ada = await local.userId("ada@acme.test");
    for (let i = 0; i < 10; i++) await clerk.users.updateUser(ada, { firstName: `Ada${i}` });
    await local.drain();
    await untilFinished(t);
    expect(await componentState(t)).toEqual(await providerState(clerk));
    const user = await t.run((ctx) => ctx.runQuery(components.clerkSync.users.getByClerkId, { clerkId: ada }));
    expect(user?.firstName).toBe("Ada9");
  });

  test("Clerk down for a moment: the step is retried with backoff and the run completes", async () => {
    // A proxy in front of the provider that answers 503 to requests 4 to 6: a short outage.
    let requests = 0;
    const proxy = createServer(async (req, res) => {
      if (++requests >= 4 && requests <= 6) return void res.writeHead(503, { "content-type": "application/json" }).end('{"errors":[]}');
      const answer = await fetch(`${local.url}${req.url}`, { headers: { authorization: req.headers.authorization! } });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      local.dropWebhooks(1);
      await churn(8);
      await local.drain();
      const result = await local.withApiUrl(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, () => reconcile(t));
      expect(result.status).toBe("succeeded");
      expect(requests).toBeGreaterThan(6);
    } finally {
      proxy.close();
    }
    expect(await componentState(t)).toEqual(await providerState(local.clerk));
  });

  test("without CLERK_SECRET_KEY a run fails at once and says why", async () => {
    const result = await local.withoutSecretKey(() => reconcile(t));
    expect(result).toMatchObject({ status: "failed", error: expect.stringContaining("CLERK_SECRET_KEY") });
  });

  test("an older read never overwrites a newer webhook, nor revives a deleted row", async () => {
    const { clerk } = local;
    const ada = await local.userId("ada@acme.test");
    const bob = await local.userId("bob@acme.test");
    const stale = (await clerk.users.getUser(ada)).raw;
    const staleBob = (await clerk.users.getUser(bob)).raw;
    await clerk.users.updateUser(ada, { firstName: "Newer" });
    await clerk.users.deleteUser(bob);
    await local.drain();

    // A run that read ada and bob before those webhooks applies its batch after them.
    const runId = await t.run(async (ctx) => {
      const result = await ctx.runMutation(components.clerkSync.reconcile.start, { trigger: "test" });
      if (!result.started) throw new Error("not started");
      return result.runId;
    });
    const { parseClerkEvent } = await import("convex-clerk-sync");
    const read = (raw: unknown) => {
      const parsed = parseClerkEvent({ type: "user.updated", data: raw, timestamp: 0 }, 0);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.event.change;
    };
    const applied = await t.run((ctx) =>
      ctx.runMutation(components.clerkSync.reconcile.applyBatch, {
        runId,
        step: 0,
        reads: [read(stale), read(staleBob)],
        removals: [],
        next: { phase: "organizations", offset: 0, done: 0, total: 0 },
        finished: true,
      }),
    );
    expect(applied).toBe(true);
    const users = await componentState(t);
    expect(users.users.find((u) => u.startsWith(ada))).toContain("|Newer|");
    expect(users.users.find((u) => u.startsWith(bob))).toBeUndefined();
    const { last } = await reconciliationStatus(t);
    expect(last?.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });
});
