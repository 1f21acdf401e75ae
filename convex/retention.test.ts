/**
 * Delivery records (svix ids) are kept for the retention window and then
 * pruned by the daily cron, in batches, without touching the synced data.
 */
import { afterEach, expect, test, vi } from "vitest";
import { internal } from "./_generated/api";
import { PURGE_BATCH } from "./lib/purge";
import { WEBHOOK_RETENTION_MS } from "./sync";
import { apply, event, inComponent, snapshot, user } from "../test/clerk";
import { setupConvex } from "../test/convex";

afterEach(() => {
  vi.useRealTimers();
});

test("records older than the retention window are pruned in batches; recent ones and the synced data stay", async () => {
  vi.useFakeTimers();
  const t = setupConvex();
  const now = Date.now();
  vi.setSystemTime(now - WEBHOOK_RETENTION_MS - 60_000);
  const oldEvent = event("user.created", user("user_old"));
  await apply(t, oldEvent, { id: "msg_old" });
  await inComponent(t, async (ctx) => {
    for (let i = 0; i < PURGE_BATCH + 5; i++) {
      await ctx.db.insert("webhookEvents", { svixId: `msg_bulk_${i}`, type: "user.updated", outcome: "applied", occurredAt: 0, receivedAt: Date.now() });
    }
  });
  vi.setSystemTime(now);
  await apply(t, event("user.created", user("user_new")), { id: "msg_new" });

  await t.mutation(internal.sync.pruneWebhookEvents, {});
  await t.finishAllScheduledFunctions(vi.runAllTimers);

  const state = await snapshot(t);
  expect(state.webhookEvents.map((e) => e.svixId)).toEqual(["msg_new"]);
  expect(state.users.map((u) => u.clerkId).sort()).toEqual(["user_new", "user_old"]);
  // A recent id still deduplicates; a pruned one is guarded by updated_at instead.
  expect(await apply(t, event("user.created", user("user_new")), { id: "msg_new" })).toBe("duplicate");
  expect(await apply(t, oldEvent, { id: "msg_old" })).toBe("stale");
});
