/**
 * `npm run bench`: cost and throughput of the backend core, printed as a
 * table for the README. Not part of `npm test`; nothing here asserts time.
 */
import { convexTest } from "convex-test";
import { makeFunctionReference } from "convex/server";
import { afterAll, test } from "vitest";
import { api } from "../convex/_generated/api";
import { as, todoRow, tokenV2 } from "../test/tenants";
import clerkSync from "convex-clerk-sync/test";
import { apply, event, membership, organization, user } from "../test/clerk";
import { setupConvex } from "../test/convex";
import { record } from "./results";

const { schema: componentSchema, modules: componentModules } = clerkSync;

const TODOS_PER_ORG = 200;
const PAGE = 20;
const rows: string[] = [];

afterAll(() => {
  console.log(["", "| measure | value |", "|---|---|", ...rows, ""].join("\n"));
});

for (const orgCount of [1, 10, 100]) {
  test(`documents read per list page, ${orgCount} orgs x ${TODOS_PER_ORG} todos`, async () => {
    const t = setupConvex();
    const org = organization("org_0");
    await apply(t, event("organizationMembership.created", membership("orgmem_0", org, "user_0")));
    await t.run(async (ctx) => {
      for (let o = 0; o < orgCount; o++) {
        const orgId = `org_${o}`;
        const listId = await ctx.db.insert("lists", { orgId, name: "Inbox", archived: false, createdBy: "user_0" });
        for (let i = 0; i < TODOS_PER_ORG; i++) {
          await ctx.db.insert("todos", todoRow({ orgId, listId, title: `todo ${i}`, done: i % 2 === 0, createdBy: "user_0" }));
        }
      }
    });
    const caller = as(t, tokenV2("user_0", { id: "org_0", role: "member" }));
    const [list] = await caller.query(api.lists.list, {});
    const metrics = await caller.run(async (ctx) => {
      await ctx.runQuery(api.todos.list, { listId: list!._id, paginationOpts: { numItems: PAGE, cursor: null } });
      return await ctx.meta.getTransactionMetrics();
    });
    rows.push(`| documents read, one page of ${PAGE} todos, ${orgCount} org(s) x ${TODOS_PER_ORG} | ${metrics.documentsRead.used} |`);
    record(orgCount === 100 ? "docsReadPerPage" : `docsReadPerPage${orgCount}Org${orgCount === 1 ? "" : "s"}`, metrics.documentsRead.used, "documents");
  }, 120_000);
}

const EVENTS = 1000;
const ingest = makeFunctionReference<"mutation">("ingest:delivery");

function userRow(i: number) {
  return {
    clerkId: `user_${i}`,
    firstName: "Bench",
    lastName: `User ${i}`,
    hasImage: false,
    primaryEmail: `user_${i}@example.com`,
    emailAddresses: [{ id: `idn_${i}`, email: `user_${i}@example.com`, verified: true }],
    phoneNumbers: [],
    banned: false,
    locked: false,
    publicMetadata: {},
    createdAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i,
  };
}

async function perSecond(count: number, run: (i: number) => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return Math.round(count / ((performance.now() - start) / 1000));
}

test("webhook ingest throughput", async () => {
  // The component mounted as the root, so the ingest mutation and the bare
  // insert run in the same runtime and differ only in the sync logic.
  const component = convexTest({ schema: componentSchema, modules: componentModules });
  const ingestRate = await perSecond(EVENTS, (i) =>
    component.mutation(ingest, {
      svixId: `msg_${i}`,
      type: "user.created",
      occurredAt: 1_700_000_000_000 + i,
      change: { kind: "user.upsert", user: userRow(i) },
    }),
  );
  const bare = convexTest({ schema: componentSchema, modules: componentModules });
  const bareRate = await perSecond(EVENTS, (i) =>
    bare.run((ctx) => ctx.db.insert("users", { ...userRow(i), stub: false })),
  );
  const app = setupConvex();
  const httpRate = await perSecond(EVENTS, (i) => apply(app, event("user.created", user(`user_${i}`))));
  const perEvent = await component.run(async (ctx) => {
    await ctx.runMutation(ingest, {
      svixId: "msg_metrics",
      type: "user.updated",
      occurredAt: 1_800_000_000_000,
      change: { kind: "user.upsert", user: { ...userRow(0), updatedAt: 1_800_000_000_000 } },
    });
    return await ctx.meta.getTransactionMetrics();
  });
  rows.push(`| one ingest (user.updated): documents read / written | ${perEvent.documentsRead.used} / ${perEvent.documentsWritten.used} |`);
  rows.push(`| ingest mutation, events/s (${EVENTS} user.created) | ${ingestRate} |`);
  rows.push(`| bare insert of the same rows, rows/s (baseline) | ${bareRate} |`);
  rows.push(`| ingest / bare insert | ${(ingestRate / bareRate).toFixed(2)} |`);
  rows.push(`| full webhook route (svix verify + zod + ingest), events/s | ${httpRate} |`);
}, 300_000);
