/**
 * What one page of todos costs: the documents a call reads must not grow
 * with the number of organizations (or their data), only with the page.
 *
 * convex-test enforces per-transaction limits like a deployment does
 * (`transactionLimits`); nested calls into the clerkSync component count
 * against the same transaction. A call that reads more than the limit
 * throws "Scanned too many documents", so each passing call below is a proof.
 *
 * convex-test counts the documents a query *returns* toward `documentsRead`,
 * not the ones an unindexed `.filter()` scans and drops (a deployment counts
 * both). Scanned rows show in the page's `pageStatus` instead: the mock sets
 * "SplitRecommended" once a page scans more than `numItems + 1` rows, so every
 * page below must come back without one.
 */
import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { insertTodo } from "./lib/todoStore";
import { organization } from "../test/clerk";
import { setupConvex } from "../test/convex";
import { addMember, addUser, as, todoRow, tokenV2 } from "../test/tenants";

const PAGE = 20;
const TODOS_PER_ORG = 200;
/**
 * Reads besides the page itself, measured exactly below: the caller's
 * membership row (read in the clerkSync component on every call, so a
 * revoked member is refused at once) and the list row (`loadOwned`).
 */
const FIXED_READS = 2;
/**
 * The allowed constant: the two fixed reads plus headroom for up to three
 * more per-call lookups. Anything that scales with orgs, lists or todos
 * blows through it at once (one org here holds 200 todos, all orgs 10,000).
 */
const K = 5;
const LIMIT = PAGE + K;

const USER = "user_cost";
const filters = ["all", "open", "done", "mine"] as const;

/**
 * `orgCount` orgs, each with one list of 200 todos (half done, half assigned
 * to USER) and USER plus one colleague as members, synced by webhook.
 */
async function load(orgCount: number) {
  const t = setupConvex({ transactionLimits: { documentsRead: LIMIT } });
  await addUser(t, USER);
  const lists = new Map<string, Id<"lists">>();
  for (let i = 0; i < orgCount; i++) {
    const org = organization(`org_${i}`, { name: `Org ${i}` });
    await addMember(t, org, USER, { role: "org:member" });
    await addMember(t, org, `user_colleague_${i}`, { role: "org:admin" });
    const listId = await t.run(async (ctx) => {
      const listId = await ctx.db.insert("lists", { orgId: org.id, name: "Backlog", archived: false, createdBy: USER });
      for (let j = 0; j < TODOS_PER_ORG; j++) {
        await ctx.db.insert("todos", todoRow({
          orgId: org.id,
          listId,
          title: `Todo ${j}`,
          done: j % 2 === 1,
          assigneeId: j % 4 < 2 ? USER : `user_colleague_${i}`,
          createdBy: USER,
        }));
      }
      return listId;
    });
    lists.set(org.id, listId);
  }
  // The org in the middle: its rows are surrounded by other orgs' rows in every index.
  const orgId = `org_${Math.floor(orgCount / 2)}`;
  return { t, orgId, listId: lists.get(orgId)!, client: as(t, tokenV2(USER, { id: orgId, role: "member" })) };
}

type Loaded = Awaited<ReturnType<typeof load>>;

const listPage = ({ client, listId }: Loaded, filter: (typeof filters)[number], numItems: number, cursor: string | null = null) =>
  client.query(api.todos.list, { listId, filter, paginationOpts: { numItems, cursor } });

describe.each([1, 50])("%i org(s) of 200 todos each", (orgCount) => {
  test(`a page of ${PAGE} todos reads at most ${PAGE} + ${K} documents and scans nothing beyond the page, for every filter and the next page`, async () => {
    const loaded = await load(orgCount);
    for (const filter of filters) {
      const first = await listPage(loaded, filter, PAGE);
      expect(first.page, filter).toHaveLength(PAGE);
      expect(first.pageStatus ?? null, `${filter}: rows scanned beyond the page`).toBeNull();
      expect(first.page.every((todo) => todo.orgId === loaded.orgId && todo.listId === loaded.listId)).toBe(true);
      if (filter === "open") expect(first.page.every((todo) => !todo.done)).toBe(true);
      if (filter === "done") expect(first.page.every((todo) => todo.done)).toBe(true);
      if (filter === "mine") expect(first.page.every((todo) => todo.assigneeId === USER)).toBe(true);

      const second = await listPage(loaded, filter, PAGE, first.continueCursor);
      expect(second.page, filter).toHaveLength(PAGE);
      expect(second.pageStatus ?? null, `${filter}: rows scanned beyond the page`).toBeNull();
      expect(second.page[0]!._creationTime).toBeGreaterThan(first.page.at(-1)!._creationTime);
    }
  });

  test(`the overhead is exactly ${FIXED_READS} reads: a page filling the limit passes, one more todo throws`, async () => {
    const loaded = await load(orgCount);
    const fits = LIMIT - FIXED_READS;
    for (const filter of filters) {
      expect((await listPage(loaded, filter, fits)).page, filter).toHaveLength(fits);
      await expect(listPage(loaded, filter, fits + 1), filter).rejects.toThrow(/Scanned too many documents/);
    }
  });
});

/**
 * The overview's counts (open, done, assigned to me, overdue per list) come
 * from the aggregates kept in each todo write's transaction: reading them
 * walks a few B-tree nodes per list, never the todos (reading 500 todos per
 * list to count them would be 2,400 reads here).
 */
describe("overview counts", () => {
  const LISTS = 6;
  /**
   * Per list: the tree nodes along the edges of five counted ranges (a node
   * holds up to 16 entries and its subtrees' totals), a few levels deep.
   */
  const PER_LIST = 100;

  const isDone = (j: number) => j % 3 === 0;
  const isMine = (j: number) => j % 2 === 0;
  const isLate = (j: number) => j % 5 === 0;
  const expected = (n: number) => {
    const all = Array.from({ length: n }, (_, j) => j);
    const open = all.filter((j) => !isDone(j));
    return { open: open.length, done: n - open.length, mine: open.filter(isMine).length, mineDone: all.filter((j) => isDone(j) && isMine(j)).length, overdue: open.filter(isLate).length };
  };

  async function seed(todosPerList: number) {
    // The seeding writes thousands of rows; the reads are measured by the overview's own transaction metrics.
    const t = setupConvex();
    const org = organization("org_cost", { name: "Cost" });
    await addMember(t, org, USER, { role: "org:member" });
    await t.run(async (ctx) => {
      for (let l = 0; l < LISTS; l++) {
        const listId = await ctx.db.insert("lists", { orgId: org.id, name: `List ${l}`, archived: false, createdBy: USER });
        for (let j = 0; j < todosPerList; j++) {
          await insertTodo(ctx, {
            orgId: org.id,
            listId,
            title: `Todo ${j}`,
            done: isDone(j),
            assigneeId: isMine(j) ? USER : undefined,
            dueDate: isLate(j) ? "2025-03-01" : undefined,
            priority: 4,
            createdBy: USER,
          });
        }
      }
    });
    return as(t, tokenV2(USER, { id: org.id, role: "member" }));
  }

  const readsOfOverview = (client: Awaited<ReturnType<typeof seed>>) =>
    client.run(async (ctx) => {
      const listIds = (await ctx.runQuery(api.lists.list, {})).map((l) => l._id);
      const before = (await ctx.meta.getTransactionMetrics()).documentsRead.used;
      const counts = await ctx.runQuery(api.lists.counts, { listIds, today: "2025-03-31" });
      return { counts: Object.values(counts), reads: (await ctx.meta.getTransactionMetrics()).documentsRead.used - before };
    });

  test(`${LISTS} lists of 400 todos: the counts are right and reading them stays within ${PER_LIST} documents per list, a small multiple of 4 todos' cost`, { timeout: 120_000 }, async () => {
    const small = await readsOfOverview(await seed(4));
    const large = await readsOfOverview(await seed(400));
    expect(large.counts).toEqual(Array(LISTS).fill(expected(400)));
    expect(large.reads).toBeLessThanOrEqual(2 + LISTS * (1 + PER_LIST));
    // A hundred times the todos costs a few more tree levels, not a hundred times the reads.
    expect(large.reads).toBeLessThan(small.reads * 10);
    expect(large.reads).toBeLessThan((LISTS * 400) / 4);
  });
});
