/**
 * A component installed from npm (`@convex-dev/rate-limiter`, which mounts
 * its own `@convex-dev/batch-worker`) runs like a local one: an app function
 * calling it works over the real client protocol, a subscription to a query
 * that reads it is pushed its writes, and its tables survive a restart.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyProject, httpClient, startIssuer, startTestBackend, subscribe, tempDataDir, wsClient, type Issuer } from "./testSupport";

/** App functions calling the component: a limit of 2 per hour per key, its remaining tokens, and an asynchronous limit. */
const probe = `
import { HOUR, RateLimiter } from "@convex-dev/rate-limiter";
import { v } from "convex/values";
import { components } from "./_generated/api";
import { mutation, query } from "./_generated/server";

const limiter = new RateLimiter(components.rateLimiter, {
  probe: { kind: "token bucket", rate: 2, period: HOUR },
  queued: { kind: "token bucket", rate: 2, period: HOUR, applyUpdates: "asynchronously" },
});

export const take = mutation({
  args: { key: v.string() },
  handler: async (ctx, { key }) => await limiter.limit(ctx, "probe", { key }),
});

export const remaining = query({
  args: { key: v.string() },
  handler: async (ctx, { key }) => (await limiter.getValue(ctx, "probe", { key })).value,
});

export const takeQueued = mutation({
  args: { key: v.string() },
  handler: async (ctx, { key }) => await limiter.limit(ctx, "queued", { key }),
});

export const remainingQueued = query({
  args: { key: v.string() },
  handler: async (ctx, { key }) => (await limiter.getValue(ctx, "queued", { key })).value,
});
`;

type Status = { ok: boolean; retryAfter?: number };
const take = makeFunctionReference<"mutation", { key: string }, Status>("rateProbe:take");
const remaining = makeFunctionReference<"query", { key: string }, number>("rateProbe:remaining");
const takeQueued = makeFunctionReference<"mutation", { key: string }, Status>("rateProbe:takeQueued");
const remainingQueued = makeFunctionReference<"query", { key: string }, number>("rateProbe:remainingQueued");

let issuer: Issuer;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(async () => {
  await issuer?.close();
});

test("an app function calling an npm component: over WebSocket and HTTP, reactive, and its state survives a restart", async () => {
  const project = copyProject({ "rateProbe.ts": probe });
  const dataDir = tempDataDir();
  const first = await startTestBackend({ projectDir: project.dir, dataDir, issuer });
  try {
    const ws = await wsClient(first.url);
    const left = subscribe(ws, remaining, { key: "alice" });
    expect(await left.until((n) => n === 2)).toBe(2);

    expect(await ws.mutation(take, { key: "alice" })).toEqual({ ok: true });
    expect(await httpClient(first.url).mutation(take, { key: "alice" })).toEqual({ ok: true });
    const refused = await ws.mutation(take, { key: "alice" });
    expect(refused.ok).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    // Another key has its own bucket.
    expect(await ws.mutation(take, { key: "bob" })).toEqual({ ok: true });
    // The subscription read the component's table and was pushed its writes.
    expect(await left.until((n) => n < 1)).toBeLessThan(1);
    left.close();

    // An asynchronous limit goes through the rate limiter's own child
    // component (the batch worker), which applies it in scheduled functions.
    expect(await ws.mutation(takeQueued, { key: "alice" })).toEqual({ ok: true });
    const queued = subscribe(ws, remainingQueued, { key: "alice" });
    expect(await queued.until((n) => n < 2, 10_000)).toBeLessThan(2);
    queued.close();
    await ws.close();
    expect(first.logs).toContainEqual(expect.objectContaining({ source: "scheduler", componentPath: "rateLimiter/batchWorker", outcome: "ok" }));
    expect(first.logs.filter((l) => l.level === "error" || l.level === "warn")).toEqual([]);
  } finally {
    await first.close();
  }

  const saved = JSON.parse(readFileSync(join(dataDir, "convex.json"), "utf8")) as {
    components: Record<string, { documents: { _id: string; name?: string; key?: string }[] }>;
  };
  expect(Object.keys(saved.components)).toEqual(expect.arrayContaining(["", "clerkSync", "rateLimiter", "rateLimiter/batchWorker"]));
  expect(saved.components.rateLimiter!.documents).toContainEqual(expect.objectContaining({ name: "probe", key: "alice" }));

  const second = await startTestBackend({ projectDir: project.dir, dataDir, issuer });
  try {
    const http = httpClient(second.url);
    // Alice's bucket is still empty after the restart; Bob's still has one token.
    expect((await http.mutation(take, { key: "alice" })).ok).toBe(false);
    expect(await http.mutation(take, { key: "bob" })).toEqual({ ok: true });
    expect((await http.mutation(take, { key: "bob" })).ok).toBe(false);
    expect(second.logs.filter((l) => l.level === "error" || l.level === "warn")).toEqual([]);
  } finally {
    await second.close();
    project.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
