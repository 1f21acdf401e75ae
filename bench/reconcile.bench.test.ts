// @vitest-environment node
/**
 * `npm run bench`, reconciliation: 10,000 users, 1,000 organizations and
 * 20,000 memberships the component never heard of, read back from the local
 * Clerk emulator in convex-test with Convex's transaction limits on.
 * Prints the figures for the README; asserts nothing about time.
 */
import { afterAll, expect, test } from "vitest";
import { components } from "../convex/_generated/api";
import { setupConvex } from "../test/convex";
import { startLocalClerk } from "../test/localClerk";
import { reconcile } from "../test/reconcile";

const rows: string[] = [];
afterAll(() => console.log(["", "| measure (reconciliation) | value |", "|---|---|", ...rows, ""].join("\n")));

test("reconciliation of 10k users / 1k orgs / 20k memberships", { timeout: 900_000 }, async () => {
  const t = setupConvex({ transactionLimits: true });
  const local = await startLocalClerk(t);
  try {
    await local.drain();
    await local.bulk({ users: 10_000, organizations: 1_000, members_per_org: 20, webhooks: false });

    let started = performance.now();
    const first = await reconcile(t, 900_000);
    const firstMs = performance.now() - started;
    expect(first.status).toBe("succeeded");
    const steps = await t.run(async (ctx) => {
      const run = await ctx.runQuery(components.clerkSync.reconcile.get, { runId: first.runId });
      return run!.step;
    });
    const objects = first.counts.added + first.counts.updated + first.counts.unchanged;

    started = performance.now();
    const second = await reconcile(t, 900_000);
    const secondMs = performance.now() - started;

    rows.push(
      `| first run (everything missing): objects applied | ${objects.toLocaleString("en")} |`,
      `| first run: batches (one mutation each, within transaction limits) | ${steps} |`,
      `| first run: time in convex-test | ${(firstMs / 1000).toFixed(0)} s |`,
      `| first run: objects/s | ${Math.round(objects / (firstMs / 1000)).toLocaleString("en")} |`,
      `| second run (nothing to change): time | ${(secondMs / 1000).toFixed(0)} s, ${second.counts.unchanged.toLocaleString("en")} unchanged |`,
    );
  } finally {
    await local.close();
  }
});
