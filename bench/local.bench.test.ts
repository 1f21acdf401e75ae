// @vitest-environment node
/**
 * `npm run bench`, local stack: the Clerk emulator and the local
 * Convex backend in this process, on free ports, driven by the real clients.
 * Prints medians (and p95) for the README; asserts nothing about time.
 */
import { ConvexClient } from "convex/browser";
import type { FunctionReference } from "convex/server";
import { afterAll, test } from "vitest";
import WebSocket from "ws";
import { api } from "../convex/_generated/api";
import { startLocalStack } from "../local/stack";

const ROUNDS = 20;
const rows: string[] = [];

afterAll(() => console.log(["", "| measure (local stack) | value |", "|---|---|", ...rows, ""].join("\n")));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Resolves when the subscription's result satisfies `until`. */
function next<Q extends FunctionReference<"query">>(client: ConvexClient, query: Q, args: Q["_args"], until: (r: Q["_returnType"]) => boolean) {
  return new Promise<void>((resolve) => {
    const unsubscribe = client.onUpdate(query, args, (result) => {
      if (until(result)) {
        unsubscribe();
        resolve();
      }
    });
  });
}

test("local stack latency", async () => {
  const stack = await startLocalStack();
  const { clerk, testing, backend } = stack;
  const clientFor = async (email: string, orgId: string) => {
    const { data: [user] } = await clerk.users.getUserList({ emailAddress: [email] });
    const session = await testing<{ session_id: string }>("sessions", { user_id: user!.id, org_id: orgId });
    const client = new ConvexClient(backend.url, { webSocketConstructor: WebSocket as never, logger: false });
    client.setAuth(async () => (await testing<{ jwt: string }>(`sessions/${session.session_id}/tokens`, {})).jwt);
    return client;
  };
  try {
    const acme = await clerk.organizations.getOrganization({ slug: "acme" });
    const ada = await clientFor("ada@acme.test", acme.id);
    const bob = await clientFor("bob@acme.test", acme.id);
    await next(ada, api.me.get, {}, (me) => me.activeOrg !== null); // seed webhooks applied
    const listId = await ada.mutation(api.lists.create, { name: "Bench" });
    const page = { listId, paginationOpts: { numItems: 100, cursor: null } };

    const roundTrips: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const title = `todo ${i}`;
      const seen = next(ada, api.todos.list, page, (r) => r.page.some((t) => t.title === title));
      const start = performance.now();
      await bob.mutation(api.todos.create, { listId, title });
      await seen;
      roundTrips.push(performance.now() - start);
    }
    rows.push(`| one user's mutation → the other user's subscription, median (${ROUNDS}) | ${ms(percentile(roundTrips, 50))} |`);
    rows.push(`| one user's mutation → the other user's subscription, p95 | ${ms(percentile(roundTrips, 95))} |`);

    const deliveries: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const name = `Acme ${i}`;
      const seen = next(ada, api.me.get, {}, (me) => me.activeOrg?.name === name);
      const start = performance.now();
      await clerk.organizations.updateOrganization(acme.id, { name });
      await seen;
      deliveries.push(performance.now() - start);
    }
    rows.push(`| Clerk change → signed webhook → applied and pushed to a subscriber, median (${ROUNDS}) | ${ms(percentile(deliveries, 50))} |`);
    await ada.close();
    await bob.close();
  } finally {
    await stack.close();
  }
}, 120_000);
