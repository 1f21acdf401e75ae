// @vitest-environment node
/**
 * Reconciliation at scale, with a quarter of Convex's per-transaction limits
 * enforced (so every batch stays far below the real ones):
 * 10,000 users, 1,000 organizations and 20,000 memberships that never sent
 * a webhook are read back from the provider in batches, each batch a
 * transaction within Convex's limits. (`npm run bench` records the time.)
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { setupConvex, type TestApp } from "../test/convex";
import { startLocalClerk } from "../test/localClerk";
import { componentState, providerState, reconcile } from "../test/reconcile";

/** Convex allows 32,000 documents read, 16,000 written and 4,096 index ranges per transaction. */
const QUARTER_OF_CONVEX_LIMITS = { documentsRead: 8_000, documentsWritten: 4_000, databaseQueries: 1_024 };

let t: TestApp;
let local: Awaited<ReturnType<typeof startLocalClerk>>;

beforeAll(async () => {
  t = setupConvex({ transactionLimits: QUARTER_OF_CONVEX_LIMITS });
  local = await startLocalClerk(t);
  await local.drain();
  await local.bulk({ users: 10_000, organizations: 1_000, members_per_org: 20, webhooks: false });
}, 120_000);

afterAll(async () => {
  await local.close();
});

test("10,000 users, 1,000 organizations, 20,000 memberships: every batch within a quarter of the transaction limits", { timeout: 600_000 }, async () => {
  const result = await reconcile(t, 600_000);
  expect(result.error).toBeUndefined();
  expect(result.status).toBe("succeeded");
  expect(result.counts.added).toBeGreaterThanOrEqual(10_000 + 1_000 + 20_000);
  expect(await componentState(t)).toEqual(await providerState(local.clerk));
});
