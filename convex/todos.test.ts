/**
 * What a task tool promises, as a user would notice it: due dates and
 * priorities (set, change, clear, filter, sort), the list's own order (moves
 * write one document, pages stay consistent), delete with an undo that
 * restores exactly, bulk actions, search across the org (never another
 * org's todo), "My todos", and the overview's counts.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { BULK_LIMIT, UNDO_WINDOW_MS } from "./lib/trash";
import { setupConvex, type TestApp } from "../test/convex";
import { as, errorOf, expectCode, removeMember, seedOrgs, snapshotApp } from "../test/tenants";

afterEach(() => {
  vi.useRealTimers();
});

const page = (numItems = 50) => ({ paginationOpts: { numItems, cursor: null } });
const TODAY = "2025-03-31";

async function setup(options: Parameters<typeof setupConvex>[0] = {}) {
  const t = setupConvex(options);
  const seeded = await seedOrgs(t);
  const adminA = as(t, seeded.identities.adminA);
  const memberA = as(t, seeded.identities.memberA);
  const adminB = as(t, seeded.identities.adminB);
  const listA = await adminA.mutation(api.lists.create, { name: "Launch" });
  return { t, ...seeded, adminA, memberA, adminB, listA };
}
type World = Awaited<ReturnType<typeof setup>>;
type Client = World["adminA"];

const todoOf = (t: TestApp, id: Id<"todos">) => t.run((ctx) => ctx.db.get("todos", id));

async function titles(client: Client, listId: Id<"lists">, view: Record<string, unknown> = {}) {
  return (await client.query(api.todos.list, { listId, ...view, ...page() })).page.map((t) => t.title);
}

async function addAll(client: Client, listId: Id<"lists">, items: (string | { title: string; dueDate?: string; priority?: 1 | 2 | 3 | 4 })[]) {
  const ids: Id<"todos">[] = [];
  for (const item of items) ids.push(await client.mutation(api.todos.create, { listId, ...(typeof item === "string" ? { title: item } : item) }));
  return ids;
}

describe("due dates and priorities", () => {
  test("set when creating, changed, cleared; a priority of 4 means none", async () => {
    const { t, adminA, listA } = await setup();
    const [id] = await addAll(adminA, listA, [{ title: "Ship", dueDate: "2025-04-02", priority: 1 }]);
    expect(await todoOf(t, id!)).toMatchObject({ dueDate: "2025-04-02", priority: 1 });
    await adminA.mutation(api.todos.update, { todoId: id!, dueDate: "2025-04-09", priority: 3 });
    expect(await todoOf(t, id!)).toMatchObject({ dueDate: "2025-04-09", priority: 3 });
    await adminA.mutation(api.todos.update, { todoId: id!, dueDate: null, priority: 4 });
    const cleared = await todoOf(t, id!);
    expect(cleared?.dueDate).toBeUndefined();
    expect(cleared?.priority).toBe(4);
    // Without a priority, a todo has none.
    const [plain] = await addAll(adminA, listA, ["plain"]);
    expect((await todoOf(t, plain!))?.priority).toBe(4);
  });

  test.each(["2025-02-30", "tomorrow", "2025-4-1", "31/03/2025", ""])("the due date %j is INVALID_ARGUMENT and nothing is written", async (dueDate) => {
    const { t, adminA, listA } = await setup();
    const [id] = await addAll(adminA, listA, ["keep"]);
    const before = await snapshotApp(t);
    await expectCode(adminA.mutation(api.todos.create, { listId: listA, title: "x", dueDate: dueDate || "  " }), "INVALID_ARGUMENT");
    await expectCode(adminA.mutation(api.todos.update, { todoId: id!, dueDate: dueDate || "  " }), "INVALID_ARGUMENT");
    expect(await snapshotApp(t)).toEqual(before);
  });

  test("overdue, today, upcoming and undated views, by due date then the list's order", async () => {
    const { adminA, listA } = await setup();
    await addAll(adminA, listA, [
      { title: "later", dueDate: "2025-05-01" },
      { title: "no date" },
      { title: "late 2", dueDate: "2025-03-30" },
      { title: "today", dueDate: TODAY },
      { title: "late 1", dueDate: "2025-01-15" },
      { title: "soon", dueDate: "2025-04-01" },
      { title: "late 2 too", dueDate: "2025-03-30" },
    ]);
    const view = (due: string) => titles(adminA, listA, { filter: "open", due, today: TODAY });
    expect(await view("overdue")).toEqual(["late 1", "late 2", "late 2 too"]);
    expect(await view("today")).toEqual(["today"]);
    expect(await view("upcoming")).toEqual(["soon", "later"]);
    expect(await view("dated")).toEqual(["late 1", "late 2", "late 2 too", "today", "soon", "later"]);
    expect(await view("none")).toEqual(["no date"]);
    // "Today" is the caller's: without it the relative views refuse.
    await expectCode(adminA.query(api.todos.list, { listId: listA, filter: "open", due: "overdue", ...page() }), "INVALID_ARGUMENT");
  });

  test("sort by priority puts 1 first and none last; a priority filter keeps the list's order", async () => {
    const { adminA, listA } = await setup();
    await addAll(adminA, listA, [
      { title: "none a" },
      { title: "p3", priority: 3 },
      { title: "p1 a", priority: 1 },
      { title: "p2", priority: 2 },
      { title: "p1 b", priority: 1 },
    ]);
    expect(await titles(adminA, listA, { filter: "open", sort: "priority" })).toEqual(["p1 a", "p1 b", "p2", "p3", "none a"]);
    expect(await titles(adminA, listA, { filter: "open", priority: 1 })).toEqual(["p1 a", "p1 b"]);
    // A view of open or done todos: with "all" it refuses.
    await expectCode(adminA.query(api.todos.list, { listId: listA, sort: "priority", ...page() }), "INVALID_ARGUMENT");
  });

  test("every view has a 'mine' and a 'done' variant", async () => {
    const { adminA, listA } = await setup();
    const [a, b, c] = await addAll(adminA, listA, [
      { title: "mine p1", priority: 1, dueDate: TODAY },
      { title: "theirs p1", priority: 1, dueDate: TODAY },
      { title: "mine done", priority: 1, dueDate: TODAY },
    ]);
    await adminA.mutation(api.todos.assign, { todoId: a!, assigneeId: "user_admin_a" });
    await adminA.mutation(api.todos.assign, { todoId: b!, assigneeId: "user_member_a" });
    await adminA.mutation(api.todos.assign, { todoId: c!, assigneeId: "user_admin_a" });
    await adminA.mutation(api.todos.setDone, { todoId: c!, done: true });
    expect(await titles(adminA, listA, { filter: "open", mine: true, priority: 1 })).toEqual(["mine p1"]);
    expect(await titles(adminA, listA, { filter: "open", mine: true, due: "today", today: TODAY })).toEqual(["mine p1"]);
    expect(await titles(adminA, listA, { filter: "done", mine: true, due: "today", today: TODAY })).toEqual(["mine done"]);
    expect(await titles(adminA, listA, { filter: "done", sort: "priority" })).toEqual(["mine done"]);
    expect(await titles(adminA, listA, { filter: "mine" })).toEqual(["mine p1", "mine done"]);
  });
});

describe("the list's own order", () => {
  test("new todos go to the end; a move puts a todo between two others, at the start, or at the end", async () => {
    const { adminA, listA } = await setup();
    const [a, b, c, d] = await addAll(adminA, listA, ["a", "b", "c", "d"]);
    expect(await titles(adminA, listA)).toEqual(["a", "b", "c", "d"]);
    await adminA.mutation(api.todos.move, { todoId: d!, afterId: a!, beforeId: b! });
    expect(await titles(adminA, listA)).toEqual(["a", "d", "b", "c"]);
    await adminA.mutation(api.todos.move, { todoId: c!, afterId: null, beforeId: a! });
    expect(await titles(adminA, listA)).toEqual(["c", "a", "d", "b"]);
    await adminA.mutation(api.todos.move, { todoId: c!, afterId: b!, beforeId: null });
    expect(await titles(adminA, listA)).toEqual(["a", "d", "b", "c"]);
    await adminA.mutation(api.todos.move, { todoId: a!, afterId: null, beforeId: null });
    expect(await titles(adminA, listA)).toEqual(["d", "b", "c", "a"]);
    // Every view follows the same order.
    await adminA.mutation(api.todos.setDone, { todoId: b!, done: true });
    expect(await titles(adminA, listA, { filter: "open" })).toEqual(["d", "c", "a"]);
  });

  test("a move writes one document, however long the list", async () => {
    const { adminA, listA } = await setup();
    const ids = await addAll(adminA, listA, Array.from({ length: 60 }, (_, i) => `t${i}`));
    const metrics = await adminA.run(async (ctx) => {
      await ctx.runMutation(api.todos.move, { todoId: ids[59]!, afterId: ids[0]!, beforeId: ids[1]! });
      return await ctx.meta.getTransactionMetrics();
    });
    expect(metrics.documentsWritten.used).toBe(1);
    expect((await titles(adminA, listA)).slice(0, 3)).toEqual(["t0", "t59", "t1"]);
  });

  test("a page already loaded keeps its cursor: the next page neither repeats nor skips an unmoved todo", async () => {
    const { adminA, listA } = await setup();
    const ids = await addAll(adminA, listA, ["1", "2", "3", "4", "5", "6"]);
    const first = await adminA.query(api.todos.list, { listId: listA, paginationOpts: { numItems: 3, cursor: null } });
    // Someone moves the last todo to the top while this page is on screen.
    await adminA.mutation(api.todos.move, { todoId: ids[5]!, afterId: null, beforeId: ids[0]! });
    const second = await adminA.query(api.todos.list, { listId: listA, paginationOpts: { numItems: 3, cursor: first.continueCursor } });
    expect(first.page.map((t) => t.title)).toEqual(["1", "2", "3"]);
    expect(second.page.map((t) => t.title)).toEqual(["4", "5"]);
  });

  test("neighbours out of order are a CONFLICT; one of another list or org is NOT_FOUND; nothing is written", async () => {
    const w = await setup();
    const [a, b, c] = await addAll(w.adminA, w.listA, ["a", "b", "c"]);
    const otherList = await w.adminA.mutation(api.lists.create, { name: "Other" });
    const [elsewhere] = await addAll(w.adminA, otherList, ["elsewhere"]);
    const listB = await w.adminB.mutation(api.lists.create, { name: "B" });
    const [foreign] = await addAll(w.adminB, listB, ["foreign"]);
    const before = await snapshotApp(w.t);
    await expectCode(w.adminA.mutation(api.todos.move, { todoId: a!, afterId: c!, beforeId: b! }), "CONFLICT");
    await expectCode(w.adminA.mutation(api.todos.move, { todoId: a!, afterId: elsewhere!, beforeId: null }), "NOT_FOUND");
    const viaForeign = await expectCode(w.adminA.mutation(api.todos.move, { todoId: a!, afterId: foreign!, beforeId: null }), "NOT_FOUND");
    expect(await errorOf(w.adminA.mutation(api.todos.move, { todoId: a!, afterId: "nope", beforeId: null }))).toEqual(viaForeign);
    expect(await snapshotApp(w.t)).toEqual(before);
  });
});

describe("delete and undo", () => {
  const fields = (todo: Doc<"todos"> | null) => {
    if (!todo) return null;
    const copy: Partial<Doc<"todos">> = { ...todo };
    delete copy._id;
    delete copy._creationTime;
    return copy;
  };

  test("undo restores a deleted todo exactly: every field and its place in the list", async () => {
    const { t, adminA, listA } = await setup();
    const [a, b, c] = await addAll(adminA, listA, ["a", { title: "b", dueDate: "2025-04-02", priority: 2 }, "c"]);
    await adminA.mutation(api.todos.update, { todoId: b!, notes: "with notes" });
    await adminA.mutation(api.todos.assign, { todoId: b!, assigneeId: "user_member_a" });
    await adminA.mutation(api.todos.setDone, { todoId: b!, done: true });
    const original = fields(await todoOf(t, b!));

    const { undoId } = await adminA.mutation(api.todos.remove, { todoId: b! });
    expect(await todoOf(t, b!)).toBeNull();
    expect(await titles(adminA, listA)).toEqual(["a", "c"]);

    const [restored] = await adminA.mutation(api.todos.restore, { undoId });
    expect(fields(await todoOf(t, restored!))).toEqual(original);
    expect(await titles(adminA, listA)).toEqual(["a", "b", "c"]);
    // Once is enough.
    await expectCode(adminA.mutation(api.todos.restore, { undoId }), "NOT_FOUND");
    expect([a, c]).toHaveLength(2);
  });

  test("a todo added meanwhile in the deleted one's place: the restored one goes right after it", async () => {
    const { adminA, listA } = await setup();
    const [, last] = await addAll(adminA, listA, ["a", "last"]);
    const { undoId } = await adminA.mutation(api.todos.remove, { todoId: last! });
    await addAll(adminA, listA, ["new"]); // takes the freed key at the end
    await adminA.mutation(api.todos.restore, { undoId });
    expect(await titles(adminA, listA)).toEqual(["a", "new", "last"]);
  });

  test("another org cannot undo my deletion, and the undo expires", async () => {
    vi.useFakeTimers();
    const w = await setup();
    const [a] = await addAll(w.adminA, w.listA, ["a"]);
    const { undoId } = await w.adminA.mutation(api.todos.remove, { todoId: a! });
    const before = await snapshotApp(w.t);
    await expectCode(w.adminB.mutation(api.todos.restore, { undoId }), "NOT_FOUND");
    expect(await snapshotApp(w.t)).toEqual(before);

    vi.advanceTimersByTime(UNDO_WINDOW_MS + 1000);
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);
    await expectCode(w.adminA.mutation(api.todos.restore, { undoId }), "NOT_FOUND");
    expect((await snapshotApp(w.t)).deletedTodos).toEqual([]);
  });

  test("bulk delete and its undo; bulk done and its undo", async () => {
    const { t, adminA, listA } = await setup();
    let ids = await addAll(adminA, listA, ["a", "b", "c", "d"]);
    const { undoId, count } = await adminA.mutation(api.bulk.remove, { todoIds: [ids[1]!, ids[3]!] });
    expect(count).toBe(2);
    expect(await titles(adminA, listA)).toEqual(["a", "c"]);
    expect(await adminA.mutation(api.todos.restore, { undoId })).toHaveLength(2);
    expect(await titles(adminA, listA)).toEqual(["a", "b", "c", "d"]);
    // Restored todos have new ids: Convex mints them.
    ids = (await adminA.query(api.todos.list, { listId: listA, ...page() })).page.map((todo) => todo._id);

    await adminA.mutation(api.todos.setDone, { todoId: ids[0]!, done: true });
    const { changed } = await adminA.mutation(api.bulk.setDone, { todoIds: ids, done: true });
    expect(changed.sort()).toEqual([ids[1], ids[2], ids[3]].sort());
    await adminA.mutation(api.bulk.setDone, { todoIds: changed, done: false });
    expect((await todoOf(t, ids[0]!))?.done).toBe(true);
    expect(await titles(adminA, listA, { filter: "open" })).toEqual(["b", "c", "d"]);
  });

  test("one foreign, missing or malformed id refuses the whole bulk action; so do none or too many", async () => {
    const w = await setup();
    const ids = await addAll(w.adminA, w.listA, ["a", "b"]);
    const listB = await w.adminB.mutation(api.lists.create, { name: "B" });
    const [foreign] = await addAll(w.adminB, listB, ["foreign"]);
    const before = await snapshotApp(w.t);
    const viaForeign = await expectCode(w.adminA.mutation(api.bulk.remove, { todoIds: [...ids, foreign!] }), "NOT_FOUND");
    expect(await errorOf(w.adminA.mutation(api.bulk.remove, { todoIds: [...ids, "nope"] }))).toEqual(viaForeign);
    await expectCode(w.adminA.mutation(api.bulk.setDone, { todoIds: [ids[0]!, foreign!], done: true }), "NOT_FOUND");
    await expectCode(w.adminA.mutation(api.bulk.remove, { todoIds: [] }), "INVALID_ARGUMENT");
    await expectCode(w.adminA.mutation(api.bulk.remove, { todoIds: Array(BULK_LIMIT + 1).fill(ids[0]!) }), "INVALID_ARGUMENT");
    expect(await snapshotApp(w.t)).toEqual(before);
  });
});

describe("search", () => {
  test("finds the active org's todos by title and by notes, across lists, never another org's", async () => {
    const w = await setup();
    const other = await w.adminA.mutation(api.lists.create, { name: "Ops" });
    const [byTitle] = await addAll(w.adminA, w.listA, ["Renew the TLS certificate"]);
    const [byNotes] = await addAll(w.adminA, other, ["Rotate keys"]);
    await w.adminA.mutation(api.todos.update, { todoId: byNotes!, notes: "the certificate expires in May" });
    await addAll(w.adminA, w.listA, ["Unrelated"]);
    const listB = await w.adminB.mutation(api.lists.create, { name: "B" });
    await addAll(w.adminB, listB, ["Renew the TLS certificate too", "certificate certificate certificate"]);

    const found = await w.memberA.query(api.search.todos, { text: "certificate" });
    expect(found.map((r) => r._id).sort()).toEqual([byTitle, byNotes].sort());
    expect(found.find((r) => r._id === byNotes)?.list.name).toBe("Ops");
    // From org B the same words find only org B's.
    const fromB = await w.adminB.query(api.search.todos, { text: "certificate" });
    expect(fromB.map((r) => r.title).sort()).toEqual(["Renew the TLS certificate too", "certificate certificate certificate"]);
    expect(await w.adminA.query(api.search.todos, { text: "   " })).toEqual([]);
    await expectCode(w.adminA.query(api.search.todos, { text: "s".repeat(101) }), "INVALID_ARGUMENT");
  });

  test("an edited title is found by its new words; a deleted todo and a deleted list's todos are not", async () => {
    const w = await setup();
    const [id] = await addAll(w.adminA, w.listA, ["Draft"]);
    await w.adminA.mutation(api.todos.update, { todoId: id!, title: "Publish the newsletter" });
    expect((await w.adminA.query(api.search.todos, { text: "newsletter" })).map((r) => r._id)).toEqual([id]);
    await w.adminA.mutation(api.todos.remove, { todoId: id! });
    expect(await w.adminA.query(api.search.todos, { text: "newsletter" })).toEqual([]);
    const doomed = await w.adminA.mutation(api.lists.create, { name: "Doomed" });
    await addAll(w.adminA, doomed, ["newsletter draft"]);
    await w.adminA.mutation(api.lists.remove, { listId: doomed });
    expect(await w.adminA.query(api.search.todos, { text: "newsletter" })).toEqual([]);
  });
});

describe("My todos and a member's todos", () => {
  test("open todos assigned to someone across lists, dated first by date, then undated; done and archived ones are out", async () => {
    const w = await setup();
    const other = await w.adminA.mutation(api.lists.create, { name: "Other" });
    const archived = await w.adminA.mutation(api.lists.create, { name: "Old" });
    const [late, undated, soon, done, hidden, theirs] = [
      ...(await addAll(w.adminA, w.listA, [{ title: "late", dueDate: "2025-03-01" }, "undated"])),
      ...(await addAll(w.adminA, other, [{ title: "soon", dueDate: "2025-04-01" }, { title: "done", dueDate: "2025-03-02" }])),
      ...(await addAll(w.adminA, archived, [{ title: "hidden", dueDate: "2025-03-03" }])),
      ...(await addAll(w.adminA, w.listA, [{ title: "theirs", dueDate: "2025-03-04" }])),
    ];
    for (const id of [late, undated, soon, done, hidden]) await w.adminA.mutation(api.todos.assign, { todoId: id!, assigneeId: "user_member_a" });
    await w.adminA.mutation(api.todos.assign, { todoId: theirs!, assigneeId: "user_admin_a" });
    await w.adminA.mutation(api.todos.setDone, { todoId: done!, done: true });
    await w.adminA.mutation(api.lists.setArchived, { listId: archived, archived: true });

    const mine = (dated: boolean) => w.memberA.query(api.assigned.list, { dated, ...page() });
    expect((await mine(true)).page.map((t) => [t.title, t.list.name])).toEqual([
      ["late", "Launch"],
      ["soon", "Other"],
    ]);
    expect((await mine(false)).page.map((t) => t.title)).toEqual(["undated"]);
    // A member's page shows the same to a colleague.
    const onTheirPage = await w.adminA.query(api.assigned.list, { userId: "user_member_a", dated: true, ...page() });
    expect(onTheirPage.page.map((t) => t.title)).toEqual(["late", "soon"]);
  });

  test("someone outside the org has nothing, exactly like a member with nothing to do", async () => {
    const w = await setup();
    const listB = await w.adminB.mutation(api.lists.create, { name: "B" });
    const [b] = await addAll(w.adminB, listB, [{ title: "B's", dueDate: TODAY }]);
    await w.adminB.mutation(api.todos.assign, { todoId: b!, assigneeId: "user_admin_b" });
    const outsider = await w.adminA.query(api.assigned.list, { userId: "user_admin_b", dated: true, ...page() });
    const idle = await w.adminA.query(api.assigned.list, { userId: "user_member_a", dated: true, ...page() });
    expect(outsider.page).toEqual([]);
    expect(idle.page).toEqual([]);
  });
});

describe("overview counts", () => {
  const countsOf = async (client: Client, listId: Id<"lists">, today = TODAY) =>
    (await client.query(api.lists.counts, { listIds: [listId], today }))[listId];

  test("open, done, assigned to me and overdue follow every change, for each viewer", async () => {
    const { adminA, memberA, listA } = await setup();
    expect(await countsOf(adminA, listA)).toEqual({ open: 0, done: 0, mine: 0, mineDone: 0, overdue: 0 });
    const [a, b, c] = await addAll(adminA, listA, [{ title: "a", dueDate: "2025-03-01" }, { title: "b", dueDate: TODAY }, "c"]);
    expect(await countsOf(adminA, listA)).toEqual({ open: 3, done: 0, mine: 0, mineDone: 0, overdue: 1 });
    // Tomorrow, "b" is overdue too: the clock changes the count, not a write.
    expect(await countsOf(adminA, listA, "2025-04-01")).toMatchObject({ overdue: 2 });

    await adminA.mutation(api.todos.assign, { todoId: a!, assigneeId: "user_member_a" });
    await adminA.mutation(api.todos.assign, { todoId: c!, assigneeId: "user_admin_a" });
    expect(await countsOf(memberA, listA)).toMatchObject({ mine: 1 });
    expect(await countsOf(adminA, listA)).toMatchObject({ mine: 1 });

    await memberA.mutation(api.todos.setDone, { todoId: a!, done: true });
    expect(await countsOf(memberA, listA)).toEqual({ open: 2, done: 1, mine: 0, mineDone: 1, overdue: 0 });
    await adminA.mutation(api.todos.update, { todoId: c!, dueDate: "2025-02-01" });
    expect(await countsOf(adminA, listA)).toEqual({ open: 2, done: 1, mine: 1, mineDone: 0, overdue: 1 });

    const { undoId } = await adminA.mutation(api.bulk.remove, { todoIds: [b!, c!] });
    expect(await countsOf(adminA, listA)).toEqual({ open: 0, done: 1, mine: 0, mineDone: 0, overdue: 0 });
    await adminA.mutation(api.todos.restore, { undoId });
    expect(await countsOf(adminA, listA)).toEqual({ open: 2, done: 1, mine: 1, mineDone: 0, overdue: 1 });
    await expectCode(adminA.query(api.lists.counts, { listIds: [listA], today: "yesterday" }), "INVALID_ARGUMENT");
  });

  test("the list page's Completed count agrees with the overview's, for all and for mine", async () => {
    const { adminA, memberA, listA } = await setup();
    const completed = (client: Client, mine: boolean) => client.query(api.lists.completedCount, { listId: listA, mine });
    const [a, b] = await addAll(adminA, listA, ["a", "b", "c"]);
    await adminA.mutation(api.todos.assign, { todoId: a!, assigneeId: "user_member_a" });
    await memberA.mutation(api.todos.setDone, { todoId: a!, done: true });
    await adminA.mutation(api.todos.setDone, { todoId: b!, done: true });
    expect([await completed(adminA, false), await completed(memberA, true), await completed(adminA, true)]).toEqual([2, 1, 0]);
    const counts = await countsOf(memberA, listA);
    expect([counts!.done, counts!.mineDone]).toEqual([2, 1]);
    await adminA.mutation(api.todos.setDone, { todoId: a!, done: false });
    expect([await completed(adminA, false), await completed(memberA, true)]).toEqual([1, 0]);
  });

  test("a removed member's todos keep their counts; a deleted list's counts go with it", async () => {
    const w = await setup();
    const [a] = await addAll(w.adminA, w.listA, ["a"]);
    await w.adminA.mutation(api.todos.assign, { todoId: a!, assigneeId: "user_member_a" });
    await removeMember(w.t, w.memberships.memberA);
    expect(await countsOf(w.adminA, w.listA)).toEqual({ open: 1, done: 0, mine: 0, mineDone: 0, overdue: 0 });
    const { undoId } = await w.adminA.mutation(api.todos.remove, { todoId: a! });
    await w.adminA.mutation(api.lists.remove, { listId: w.listA });
    await expectCode(w.adminA.query(api.lists.counts, { listIds: [w.listA], today: TODAY }), "NOT_FOUND");
    // Undone after its list is gone: nothing comes back.
    expect(await w.adminA.mutation(api.todos.restore, { undoId })).toEqual([]);
    expect((await snapshotApp(w.t)).todos.filter((t) => t.orgId === "org_a")).toEqual([]);
  });
});

describe("moving in a partial view", () => {
  test("named on one side only, the other side is the list's next todo: hidden and unloaded todos keep their places", async () => {
    const { adminA, listA } = await setup();
    const [a, b, c, d] = await addAll(adminA, listA, ["a", "b", "c", "d"]);
    await adminA.mutation(api.todos.setDone, { todoId: b!, done: true });
    // In the open view ("a", "c", "d"), "d" is dropped right after "a": it lands before the hidden "b".
    await adminA.mutation(api.todos.move, { todoId: d!, afterId: a!, beforeId: null });
    expect(await titles(adminA, listA)).toEqual(["a", "d", "b", "c"]);
    // Dropped right before "c" with nothing loaded above it.
    await adminA.mutation(api.todos.move, { todoId: a!, afterId: null, beforeId: c! });
    expect(await titles(adminA, listA)).toEqual(["d", "b", "a", "c"]);
  });
});
