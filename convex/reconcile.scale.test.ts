// @vitest-environment node
/**
 * Reconciliation at scale, with Convex's per-transaction limits enforced:
 * 10,000 users, 1,000 organizations and 20,000 memberships that never sent
 * a webhook are read back from the provider in batches, each batch a
 * transaction within Convex's limits. (`npm run bench` records the time.)
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { setupConvex, type TestApp } from "../test/convex";
import { startLocalClerk } from "../test/localClerk";
import { componentState, providerState, reconcile } from "../test/reconcile";

let t: TestApp;
let local: Awaited<ReturnType<typeof startLocalClerk>>;

beforeAll(async () => {
  t = setupConvex({ transactionLimits: true });
  local = await startLocalClerk(t);
  await local.drain();
  await local.bulk({ users: 10_000, organizations: 1_000, members_per_org: 20, webhooks: false });
}, 120_000);

afterAll(async () => {
  await local.close();
});

test("10,000 users, 1,000 organizations, 20,000 memberships: within transaction limits", { timeout: 600_000 }, async () => {
  const result = await reconcile(t, 600_000);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe("succeeded");
  expect(result.counts.added).toBeGreaterThanOrEqual(10_000 + 1_000 + 20_000);
  expect(await componentState(t)).toEqual(await providerState(local.clerk));
});
