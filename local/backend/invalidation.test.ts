/**
 * Which subscriptions a commit re-runs, over the real `ConvexClient`: only
 * those whose read set (index ranges, pages, documents read by id) holds
 * the written document's old or new version — and every one of those — and
 * a session busy with slow queries does not hold up another's updates,
 * nor does the session whose mutation wrote.
 * Query executions are counted in the backend's log of function calls.
 */
import { makeFunctionReference, type FunctionReference } from "convex/server";
import { afterEach, describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { probeModule, seededBackend, subscribe, wsClient } from "./testSupport";

/**
 * A query that takes `ms`, holding convex-test's transaction lock but not
 * the event loop (queries may not set timers: it yields with setImmediate,
 * which convex-test leaves alone), so other sessions' messages keep arriving.
 */
const slowModule = `
import { v } from "convex/values";
import { query } from "./_generated/server";

export const slowCount = query({
  args: { orgId: v.string(), ms: v.number(), copy: v.number() },
  handler: async (ctx, { orgId, ms }) => {
    const end = Date.now() + ms;
    while (Date.now() < end) await new Promise((resolve) => setImmediate(resolve));
    return (await ctx.db.query("todos").withIndex("by_org_list", (q) => q.eq("orgId", orgId)).collect()).length;
  },
});
`;

const countTodos = makeFunctionReference<"query", { orgId: string }, number>("localProbe:countTodos");
const slowCount = makeFunctionReference<"query", { orgId: string; ms: number; copy: number }, number>("slowProbe:slowCount");

const world = seededBackend({ "localProbe.ts": probeModule, "slowProbe.ts": slowModule });

const alice = () => world.issuer.token("user_alice", { id: "org_a", role: "admin" });
const carol = () => world.issuer.token("user_carol", { id: "org_b", role: "admin" });

async function client(token: string) {
  const c = await wsClient(world.backend.url, token);
  world.clients.push(c);
  return c;
}

/** Subscription runs of `path` logged so far. */
const runs = (path: string) => world.backend.logs.filter((l) => l.msg === "function" && l.path === path && l.source === "subscription").length;

/** Subscriptions opened by a test, closed after it (so later tests count only their own). */
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function watch<Q extends FunctionReference<"query">>(...args: Parameters<typeof subscribe<Q>>) {
  const s = subscribe(...args);
  opened.push(s);
  return s;
}

type Page = { page: { _id: string; title: string }[]; continueCursor: string };
const titles = (p: Page) => p.page.map((t) => t.title);

describe("a commit re-runs exactly the subscriptions whose read set it touched", () => {
  test("a toggle in one org's list re-runs that list's subscription, not another list's nor another org's", async () => {
    const a = await client(await alice());
    const c = await client(await carol());
    const listA1 = await a.mutation(api.lists.create, { name: "A1" });
    const listA2 = await a.mutation(api.lists.create, { name: "A2" });
    const listB1 = await c.mutation(api.lists.create, { name: "B1" });
    const todoA1 = await a.mutation(api.todos.create, { listId: listA1, title: "toggle me" });
    await a.mutation(api.todos.create, { listId: listA2, title: "untouched" });
    await c.mutation(api.todos.create, { listId: listB1, title: "other org" });
    const open = { filter: "open" as const, paginationOpts: { numItems: 10, cursor: null } };
    const a1 = watch(a, api.todos.list, { listId: listA1, ...open });
    const a2 = watch(a, api.todos.list, { listId: listA2, ...open });
    const b1 = watch(c, api.todos.list, { listId: listB1, ...open });
    await Promise.all([a1, a2, b1].map((s) => s.until((p) => p.page.length === 1)));
    const before = runs("todos:list");

    await a.mutation(api.todos.setDone, { todoId: todoA1, done: true });
    expect((await a1.until((p) => p.page.length === 0)).page).toEqual([]);
    // Carol's session takes rounds in order: once her own write shows, Alice's toggle was handled there too.
    await c.mutation(api.todos.create, { listId: listB1, title: "second" });
    expect(titles(await b1.until((p) => p.page.length === 2))).toEqual(["other org", "second"]);
    // A1 for the toggle, B1 for Carol's todo; A2 for neither.
    expect(runs("todos:list") - before).toBe(2);
  });

  test("a todo moving into or out of an index range (equality prefix) re-runs the views it left and entered", async () => {
    const a = await client(await alice());
    const listId = await a.mutation(api.lists.create, { name: "Moves" });
    const first = await a.mutation(api.todos.create, { listId, title: "first" });
    const second = await a.mutation(api.todos.create, { listId, title: "second" });
    const view = (v: { filter: "open" | "done"; priority?: 1 | 2 }) => watch(a, api.todos.list, { listId, ...v, paginationOpts: { numItems: 10, cursor: null } });
    const open = view({ filter: "open" });
    const done = view({ filter: "done" });
    const p1 = view({ filter: "open", priority: 1 });
    const p2 = view({ filter: "open", priority: 2 });
    await open.until((p) => p.page.length === 2);
    await Promise.all([done, p1, p2].map((s) => s.until(() => true)));
    // A mutation resolves once its session's Transition for its commit arrived: every re-run is counted by then.
    const rerunsOf = async (write: () => Promise<unknown>) => {
      const before = runs("todos:list");
      await write();
      return runs("todos:list") - before;
    };

    // Out of "open", into "done"; the priority views never held it.
    expect(await rerunsOf(() => a.mutation(api.todos.setDone, { todoId: first, done: true }))).toBe(2);
    expect(titles(await open.until((p) => p.page.length === 1))).toEqual(["second"]);
    expect(titles(await done.until((p) => p.page.length === 1))).toEqual(["first"]);

    // An indexed field changes: into priority 1 (still in "open", which shows it).
    expect(await rerunsOf(() => a.mutation(api.todos.update, { todoId: second, priority: 1 }))).toBe(2);
    expect(titles(await p1.until((p) => p.page.length === 1))).toEqual(["second"]);

    // From priority 1 to priority 2: out of one, into the other.
    expect(await rerunsOf(() => a.mutation(api.todos.update, { todoId: second, priority: 2 }))).toBe(3);
    expect((await p1.until((p) => p.page.length === 0)).page).toEqual([]);
    expect(titles(await p2.until((p) => p.page.length === 1))).toEqual(["second"]);

    // An insert enters "open" only.
    expect(await rerunsOf(() => a.mutation(api.todos.create, { listId, title: "third" }))).toBe(1);
    expect(titles(await open.until((p) => p.page.length === 2))).toEqual(["second", "third"]);
  });

  test("a due date crossing a range's gte/lt/gt bounds re-runs the ranges on both sides, not the one it stays out of", async () => {
    const a = await client(await alice());
    const listId = await a.mutation(api.lists.create, { name: "Due" });
    const todoId = await a.mutation(api.todos.create, { listId, title: "due", dueDate: "2030-01-05" });
    const today = "2030-01-10";
    const view = (due: "overdue" | "today" | "upcoming") => watch(a, api.todos.list, { listId, filter: "open", due, today, paginationOpts: { numItems: 10, cursor: null } });
    const overdue = view("overdue");
    const dueToday = view("today");
    const upcoming = view("upcoming");
    await overdue.until((p) => p.page.length === 1);
    await Promise.all([dueToday, upcoming].map((s) => s.until(() => true)));
    const before = runs("todos:list");

    await a.mutation(api.todos.update, { todoId, dueDate: "2030-02-01" });
    expect(runs("todos:list") - before).toBe(2);
    expect((await overdue.until((p) => p.page.length === 0)).page).toEqual([]);
    expect(titles(await upcoming.until((p) => p.page.length === 1))).toEqual(["due"]);
    expect((await dueToday.until(() => true)).page).toEqual([]);
  });

  test("a page re-runs for writes inside its bounds only", async () => {
    const a = await client(await alice());
    const listId = await a.mutation(api.lists.create, { name: "Pages" });
    const ids: Id<"todos">[] = [];
    for (const title of ["a", "b", "c", "d"]) ids.push(await a.mutation(api.todos.create, { listId, title }));
    await a.mutation(api.todos.setDone, { todoId: ids[1]!, done: true });
    const page = (cursor: string | null) => watch(a, api.todos.list, { listId, filter: "open", paginationOpts: { numItems: 2, cursor } });
    const one = page(null);
    const first = await one.until((p) => p.page.length === 2);
    const two = page(first.continueCursor);
    expect(titles(await two.until(() => true))).toEqual(["d"]);
    let before = runs("todos:list");

    // Appended after page one's end: page two only.
    await a.mutation(api.todos.create, { listId, title: "e" });
    expect(titles(await two.until((p) => p.page.length === 2))).toEqual(["d", "e"]);
    expect(runs("todos:list") - before).toBe(1);

    // "b" re-opened lands between a and c: page one only (it grows, keeping its end).
    before = runs("todos:list");
    await a.mutation(api.todos.setDone, { todoId: ids[1]!, done: false });
    expect(titles(await one.until((p) => p.page.length === 3))).toEqual(["a", "b", "c"]);
    expect(runs("todos:list") - before).toBe(1);
  });

  test("a subscription by id re-runs when that document changes, not for its neighbours", async () => {
    const a = await client(await alice());
    const listId = await a.mutation(api.lists.create, { name: "By id" });
    const watched = await a.mutation(api.todos.create, { listId, title: "watched" });
    const neighbour = await a.mutation(api.todos.create, { listId, title: "neighbour" });
    const one = watch(a, api.todos.get, { todoId: watched });
    await one.until((r) => r.todo.title === "watched");
    let before = runs("todos:get");

    await a.mutation(api.todos.update, { todoId: neighbour, title: "neighbour renamed" });
    expect(runs("todos:get") - before).toBe(0);

    before = runs("todos:get");
    await a.mutation(api.todos.update, { todoId: watched, title: "watched renamed" });
    expect((await one.until((r) => r.todo.title === "watched renamed")).todo.title).toBe("watched renamed");
    expect(runs("todos:get") - before).toBe(1);

    // Its list is read by id too.
    await a.mutation(api.lists.rename, { listId, name: "By id, renamed" });
    expect((await one.until((r) => r.list.name === "By id, renamed")).list.name).toBe("By id, renamed");
  });
});

describe("sessions do not wait on one another", () => {
  test("a session busy re-running slow queries does not delay another session's updates", async () => {
    const COPIES = 8;
    const MS = 200;
    const slow = await client(await alice());
    const fast = await client(await carol());
    const listId = await fast.mutation(api.lists.create, { name: "Busy" });
    const slowOnes = Array.from({ length: COPIES }, (_, copy) => watch(slow, slowCount, { orgId: "org_b", ms: MS, copy }));
    const count = watch(fast, countTodos, { orgId: "org_b" });
    const start = await count.until(() => true);
    await Promise.all(slowOnes.map((s) => s.until((n) => n === start)));
    const slowBefore = runs("slowProbe:slowCount");

    // Each of Carol's writes makes Alice's session re-run all its slow queries (COPIES × MS per round).
    await fast.mutation(api.todos.create, { listId, title: "one" });
    await count.until((n) => n === start + 1);
    await fast.mutation(api.todos.create, { listId, title: "two" });
    await count.until((n) => n === start + 2);
    // Carol saw her second write while Alice's session was still busy with the first.
    expect(runs("slowProbe:slowCount") - slowBefore).toBeLessThan(COPIES);

    // …and Alice's session catches up with both.
    await Promise.all(slowOnes.map((s) => s.until((n) => n === start + 2, 10_000)));
  });

  test("a mutation's own session re-runs its queries after the other sessions have theirs", async () => {
    const MS = 100;
    // The author (opened first) also watches slow queries over the table it writes.
    const author = await client(await carol());
    const other = await client(await carol());
    const listId = await author.mutation(api.lists.create, { name: "Authored" });
    const slowOnes = [0, 1, 2].map((copy) => watch(author, slowCount, { orgId: "org_b", ms: MS, copy }));
    const count = watch(other, countTodos, { orgId: "org_b" });
    const start = await count.until(() => true);
    await Promise.all(slowOnes.map((s) => s.until((n) => n === start)));
    const slowBefore = runs("slowProbe:slowCount");

    // (The author's own mutation resolves only once its session has caught up: not awaited yet.)
    const created = author.mutation(api.todos.create, { listId, title: "seen elsewhere first" });
    await count.until((n) => n === start + 1);
    // The other session had the new count before the author's session began its slow re-runs.
    expect(runs("slowProbe:slowCount") - slowBefore).toBe(0);
    await created;
    await Promise.all(slowOnes.map((s) => s.until((n) => n === start + 1)));
  });
});
