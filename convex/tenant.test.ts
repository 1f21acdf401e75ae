/**
 * The tenant contract (README, "Tenant isolation") as a
 * user would notice it: who may call what, that another org's ids behave
 * exactly like missing ones, that webhooks revoke access at once, and that
 * lists and todos behave as promised.
 */
import { makeFunctionReference } from "convex/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { PURGE_BATCH } from "./lib/purge";
import { SCOPE } from "./lib/tenant";
import { apply, deleted, event } from "../test/clerk";
import { appModules, setupConvex, type TestApp } from "../test/convex";
import {
  addMember,
  addUser,
  as,
  changeRole,
  errorOf,
  expectCode,
  removeMember,
  seedOrgs,
  snapshotApp,
  tokenV1,
  todoRow,
  tokenV2,
} from "../test/tenants";

afterEach(() => {
  vi.useRealTimers();
});

const page = (numItems = 50) => ({ paginationOpts: { numItems, cursor: null } });

/** Org A and B seeded by webhook, each with one list holding one todo, plus deleted ids. */
async function setup() {
  const t = setupConvex();
  const seeded = await seedOrgs(t);
  const { identities } = seeded;
  const adminA = as(t, identities.adminA);
  const adminB = as(t, identities.adminB);
  const listA = await adminA.mutation(api.lists.create, { name: "A list" });
  const todoA = await adminA.mutation(api.todos.create, { listId: listA, title: "A todo" });
  const listB = await adminB.mutation(api.lists.create, { name: "B list" });
  const todoB = await adminB.mutation(api.todos.create, { listId: listB, title: "B todo" });
  // Ids of the same tables whose documents no longer exist.
  const goneList = await adminB.mutation(api.lists.create, { name: "gone" });
  const goneTodo = await adminB.mutation(api.todos.create, { listId: listB, title: "gone" });
  await t.run(async (ctx) => {
    await ctx.db.delete("todos", goneTodo);
    await ctx.db.delete("lists", goneList);
  });
  return { t, ...seeded, adminA, adminB, listA, todoA, listB, todoB, goneList, goneTodo };
}

type World = Awaited<ReturnType<typeof setup>>;
type Client = Pick<TestApp, "query" | "mutation" | "action">;
type Ids = { listId: string; todoId: string; assigneeId: string };

/** Every public tenant function, with valid arguments built from ids. */
type Call = {
  name: string;
  kind: "query" | "mutation" | "action";
  /** Which client-supplied id the function loads; absent for org-wide functions. */
  takes?: "listId" | "todoId";
  args: (ids: Ids) => Record<string, unknown>;
};

const CALLS: Call[] = [
  { name: "lists:list", kind: "query", args: () => ({}) },
  { name: "lists:counts", kind: "query", takes: "listId", args: ({ listId }) => ({ listIds: [listId], today: "2025-03-31" }) },
  { name: "lists:completedCount", kind: "query", takes: "listId", args: ({ listId }) => ({ listId, mine: false }) },
  { name: "lists:get", kind: "query", takes: "listId", args: ({ listId }) => ({ listId }) },
  { name: "lists:create", kind: "mutation", args: () => ({ name: "New list" }) },
  { name: "lists:rename", kind: "mutation", takes: "listId", args: ({ listId }) => ({ listId, name: "Renamed" }) },
  { name: "lists:setArchived", kind: "mutation", takes: "listId", args: ({ listId }) => ({ listId, archived: true }) },
  { name: "lists:remove", kind: "mutation", takes: "listId", args: ({ listId }) => ({ listId }) },
  { name: "todos:list", kind: "query", takes: "listId", args: ({ listId }) => ({ listId, filter: "all", ...page() }) },
  { name: "todos:get", kind: "query", takes: "todoId", args: ({ todoId }) => ({ todoId }) },
  { name: "todos:create", kind: "mutation", takes: "listId", args: ({ listId }) => ({ listId, title: "New todo" }) },
  { name: "todos:update", kind: "mutation", takes: "todoId", args: ({ todoId }) => ({ todoId, title: "Changed", notes: "n" }) },
  { name: "todos:setDone", kind: "mutation", takes: "todoId", args: ({ todoId }) => ({ todoId, done: true }) },
  { name: "todos:assign", kind: "mutation", takes: "todoId", args: ({ todoId, assigneeId }) => ({ todoId, assigneeId }) },
  { name: "todos:move", kind: "mutation", takes: "todoId", args: ({ todoId }) => ({ todoId, afterId: null, beforeId: null }) },
  { name: "todos:remove", kind: "mutation", takes: "todoId", args: ({ todoId }) => ({ todoId }) },
  { name: "todos:restore", kind: "mutation", args: () => ({ undoId: "no-such-undo" }) },
  { name: "bulk:setDone", kind: "mutation", takes: "todoId", args: ({ todoId }) => ({ todoIds: [todoId], done: true }) },
  { name: "bulk:remove", kind: "mutation", takes: "todoId", args: ({ todoId }) => ({ todoIds: [todoId] }) },
  { name: "search:todos", kind: "query", args: () => ({ text: "todo" }) },
  { name: "assigned:list", kind: "query", args: ({ assigneeId }) => ({ userId: assigneeId, dated: true, ...page() }) },
  { name: "members:list", kind: "query", args: () => page() },
  { name: "members:get", kind: "query", args: ({ assigneeId }) => ({ userId: assigneeId }) },
  { name: "members:invitations", kind: "query", args: () => ({}) },
  { name: "audit:list", kind: "query", args: () => page() },
  { name: "syncHealth:get", kind: "query", args: () => ({}) },
  { name: "syncHealth:reconcile", kind: "mutation", args: () => ({}) },
  // Admin actions refuse before any Clerk Backend API call; their own id checks
  // (members, invitations of another org) are in admin.test.ts.
  { name: "admin:renameOrganization", kind: "action", args: () => ({ name: "Renamed org" }) },
  { name: "admin:invite", kind: "action", args: () => ({ email: "new@example.com", role: "org:member" }) },
  { name: "admin:resendInvitation", kind: "action", args: () => ({ invitationId: "orginv_x" }) },
  { name: "admin:deleteOrganization", kind: "action", args: () => ({ confirmName: "Org A" }) },
  { name: "admin:revokeInvitation", kind: "action", args: () => ({ invitationId: "orginv_x" }) },
  { name: "admin:changeRole", kind: "action", args: ({ assigneeId }) => ({ userId: assigneeId, role: "org:admin" }) },
  { name: "admin:removeMember", kind: "action", args: ({ assigneeId }) => ({ userId: assigneeId }) },
  { name: "admin:leave", kind: "action", args: () => ({}) },
];
const ID_CALLS = CALLS.filter((c) => c.takes);

function invoke(client: Client, call: Call, ids: Ids) {
  const args = call.args(ids);
  switch (call.kind) {
    case "query":
      return client.query(makeFunctionReference<"query">(call.name), args);
    case "mutation":
      return client.mutation(makeFunctionReference<"mutation">(call.name), args);
    case "action":
      return client.action(makeFunctionReference<"action">(call.name), args);
  }
}

const idsOfA = (w: World): Ids => ({ listId: w.listA, todoId: w.todoA, assigneeId: "user_member_a" });

const todosOf = (t: TestApp, listId: Id<"lists">) =>
  t.run((ctx) => ctx.db.query("todos").withIndex("by_org_list", (q) => q.eq("orgId", "org_a").eq("listId", listId)).collect());

test("the call table covers every public tenant function", async () => {
  const names: string[] = [];
  for (const [path, load] of Object.entries(appModules)) {
    if (path.includes("/_generated/") || path.endsWith(".config.ts")) continue;
    const module = path.replace(/^\.\.\/convex\//, "").replace(/\.ts$/, "");
    for (const [name, fn] of Object.entries((await load()) as Record<string, { isPublic?: boolean; [SCOPE]?: string }>)) {
      if (fn?.isPublic && fn[SCOPE] === "tenant") names.push(`${module}:${name}`);
    }
  }
  expect(CALLS.map((c) => c.name).sort()).toEqual(names.sort());
});

describe("identity and active org", () => {
  test.each(CALLS)("$name: UNAUTHENTICATED without a signed-in user, nothing written", async (call) => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    await expectCode(invoke(w.t, call, idsOfA(w)), "UNAUTHENTICATED");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test.each(CALLS)("$name: NO_ACTIVE_ORG when the token names no organization", async (call) => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    await expectCode(invoke(as(w.t, w.identities.bothNoOrg), call, idsOfA(w)), "NO_ACTIVE_ORG");
    // A malformed org claim is no org claim, never a fallback to some other org.
    await expectCode(invoke(as(w.t, { subject: "user_both", o: { rol: "admin" } }), call, idsOfA(w)), "NO_ACTIVE_ORG");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("a token naming an org the user does not belong to is FORBIDDEN for every function", async () => {
    const w = await setup();
    const forged = as(w.t, tokenV2("user_admin_b", { id: "org_a", role: "admin" }));
    const before = await snapshotApp(w.t);
    for (const call of CALLS) await expectCode(invoke(forged, call, idsOfA(w)), "FORBIDDEN");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("v1 (JWT template) tokens work like v2 tokens", async () => {
    const w = await setup();
    const v1 = as(w.t, tokenV1("user_member_a", { id: "org_a", role: "org:member" }));
    expect((await v1.query(api.lists.list, {})).map((l) => l.name)).toEqual(["A list"]);
    const todoId = await v1.mutation(api.todos.create, { listId: w.listA, title: "from v1" });
    expect((await v1.query(api.todos.list, { listId: w.listA, ...page() })).page.map((t) => t._id)).toContain(todoId);
  });

  test("me.get works without an active org: activeOrg is null and the user's orgs are listed", async () => {
    const w = await setup();
    const me = await as(w.t, w.identities.bothNoOrg).query(api.me.get, {});
    expect(me.userId).toBe("user_both");
    expect(me.user?.email).toBe("user_both@example.com");
    expect(me.activeOrg).toBeNull();
    expect(me.orgs).toEqual([
      { orgId: "org_a", slug: "org-a", name: "Org A", role: "org:member" },
      { orgId: "org_b", slug: "org-b", name: "Org B", role: "org:admin" },
    ]);
  });

  test("me.get names the active org with the synced role, and refuses without sign-in", async () => {
    const w = await setup();
    const me = await as(w.t, w.identities.bothInB).query(api.me.get, {});
    expect(me.activeOrg).toMatchObject({ orgId: "org_b", slug: "org-b", name: "Org B", role: "org:admin" });
    await expectCode(w.t.query(api.me.get, {}), "UNAUTHENTICATED");
  });
});

describe("tenant isolation", () => {
  const callers = ["bothInB", "adminB"] as const;

  describe.each(callers)("caller %s (active org B)", (caller) => {
    test.each(ID_CALLS)(
      "$name with org A's id reads nothing, changes nothing, and fails exactly like a missing or malformed id",
      async (call) => {
        const w = await setup();
        const client = as(w.t, w.identities[caller]);
        const assigneeId = w.identities[caller].subject!;
        const before = await snapshotApp(w.t);

        const foreign = await expectCode(invoke(client, call, { listId: w.listA, todoId: w.todoA, assigneeId }), "NOT_FOUND");
        const missing = await errorOf(invoke(client, call, { listId: w.goneList, todoId: w.goneTodo, assigneeId }));
        const malformed = await errorOf(invoke(client, call, { listId: "not-an-id", todoId: "not-an-id", assigneeId }));
        const otherTable = await errorOf(invoke(client, call, { listId: w.todoB, todoId: w.listB, assigneeId }));
        expect(missing).toEqual(foreign);
        expect(malformed).toEqual(foreign);
        expect(otherTable).toEqual(foreign);
        expect(await snapshotApp(w.t)).toEqual(before);

        // The same call with org B's own ids succeeds: the refusal was about the id alone.
        await invoke(client, call, { listId: w.listB, todoId: w.todoB, assigneeId });
      },
    );

    test("lists.list shows only org B's lists, archived or not", async () => {
      const w = await setup();
      await w.adminA.mutation(api.lists.setArchived, { listId: w.listA, archived: true });
      await w.adminA.mutation(api.lists.create, { name: "A open" });
      const client = as(w.t, w.identities[caller]);
      expect((await client.query(api.lists.list, {})).map((l) => l.name)).toEqual(["B list"]);
      expect(await client.query(api.lists.list, { archived: true })).toEqual([]);
    });

    test("members.list shows only org B's members, also when searching for an org A member", async () => {
      const w = await setup();
      const client = as(w.t, w.identities[caller]);
      const { page: members } = await client.query(api.members.list, page());
      expect(members.map((m) => m.userId).sort()).toEqual(["user_admin_b", "user_both"]);
      const { page: found } = await client.query(api.members.list, { search: "user_member_a", ...page() });
      expect(found).toEqual([]);
    });

    test("lists.create writes into org B only, org A's rows are untouched", async () => {
      const w = await setup();
      const before = await snapshotApp(w.t);
      const listId = await as(w.t, w.identities[caller]).mutation(api.lists.create, { name: "Mine" });
      const after = await snapshotApp(w.t);
      const ofA = (s: typeof before) => ({ lists: s.lists.filter((l) => l.orgId === "org_a"), todos: s.todos.filter((t) => t.orgId === "org_a") });
      expect(ofA(after)).toEqual(ofA(before));
      expect(after.lists.find((l) => l._id === listId)?.orgId).toBe("org_b");
    });
  });
});

describe("revocation by webhook", () => {
  test("a member removed by webhook is refused at once while their token still names the org", async () => {
    const w = await setup();
    const member = as(w.t, w.identities.memberA);
    expect(await member.query(api.lists.list, {})).toHaveLength(1);

    await removeMember(w.t, w.memberships.memberA);

    const before = await snapshotApp(w.t);
    for (const call of CALLS) await expectCode(invoke(member, call, idsOfA(w)), "FORBIDDEN");
    expect(await snapshotApp(w.t)).toEqual(before);
    const me = await member.query(api.me.get, {});
    expect(me.activeOrg).toBeNull();
    expect(me.orgs).toEqual([]);
  });

  test("a role lowered by webhook (admin → member) loses admin rights at once", async () => {
    const w = await setup();
    const admin = w.adminA;
    const spare = await admin.mutation(api.lists.create, { name: "spare" });
    await admin.mutation(api.lists.remove, { listId: spare });

    await changeRole(w.t, w.memberships.adminA, "org:member");

    await expectCode(admin.mutation(api.lists.remove, { listId: w.listA }), "FORBIDDEN");
    expect((await admin.query(api.lists.get, { listId: w.listA }))._id).toBe(w.listA);
    // Still a member: reads and writes todos.
    await admin.mutation(api.todos.create, { listId: w.listA, title: "still a member" });
    expect((await as(w.t, w.identities.adminA).query(api.me.get, {})).activeOrg?.role).toBe("org:member");
  });

  test.each([
    ["v2", tokenV2("user_member_a", { id: "org_a", role: "admin" })],
    ["v1", tokenV1("user_member_a", { id: "org_a", role: "org:admin" })],
  ])("a %s token claiming admin while the synced membership says member cannot delete a list", async (_, claims) => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    await expectCode(as(w.t, claims).mutation(api.lists.remove, { listId: w.listA }), "FORBIDDEN");
    expect(await snapshotApp(w.t)).toEqual(before);
  });
});

describe("roles and permissions", () => {
  test("a member cannot delete a list: FORBIDDEN, and the list and its todos stay", async () => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    await expectCode(as(w.t, w.identities.memberA).mutation(api.lists.remove, { listId: w.listA }), "FORBIDDEN");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("an admin can delete a list: it is gone at once", async () => {
    const w = await setup();
    await w.adminA.mutation(api.lists.remove, { listId: w.listA });
    await expectCode(w.adminA.query(api.lists.get, { listId: w.listA }), "NOT_FOUND");
    await expectCode(w.adminA.query(api.todos.list, { listId: w.listA, ...page() }), "NOT_FOUND");
    expect(await w.adminA.query(api.lists.list, {})).toEqual([]);
  });

  test("members read and write lists and todos", async () => {
    const w = await setup();
    const member = as(w.t, w.identities.memberA);
    const listId = await member.mutation(api.lists.create, { name: "Member's" });
    await member.mutation(api.lists.rename, { listId, name: "Member's list" });
    const todoId = await member.mutation(api.todos.create, { listId, title: "t" });
    await member.mutation(api.todos.setDone, { todoId, done: true });
    expect((await member.query(api.todos.list, { listId, ...page() })).page).toMatchObject([{ _id: todoId, done: true }]);
  });

  test("custom permissions refine a role: org:todos:read alone reads but cannot write", async () => {
    const w = await setup();
    await addUser(w.t, "user_reader");
    await addMember(w.t, w.orgA, "user_reader", { role: "org:viewer", permissions: ["org:sys_memberships:read", "org:todos:read"] });
    const reader = as(w.t, tokenV2("user_reader", { id: "org_a", role: "viewer", permissions: ["org:todos:read"] }));

    expect((await reader.query(api.lists.list, {})).map((l) => l.name)).toEqual(["A list"]);
    expect((await reader.query(api.lists.get, { listId: w.listA })).name).toBe("A list");
    expect((await reader.query(api.todos.list, { listId: w.listA, ...page() })).page.map((t) => t.title)).toEqual(["A todo"]);
    expect((await reader.query(api.members.list, page())).page.length).toBe(4);

    const before = await snapshotApp(w.t);
    const writes = CALLS.filter((c) => c.kind === "mutation");
    for (const call of writes) await expectCode(invoke(reader, call, idsOfA(w)), "FORBIDDEN");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("custom permissions refine a role: org:todos:write writes todos but not lists", async () => {
    const w = await setup();
    await addUser(w.t, "user_writer");
    await addMember(w.t, w.orgA, "user_writer", { role: "org:helper", permissions: ["org:todos:read", "org:todos:write"] });
    const writer = as(w.t, tokenV2("user_writer", { id: "org_a", role: "helper", permissions: ["org:todos:read", "org:todos:write"] }));

    const todoId = await writer.mutation(api.todos.create, { listId: w.listA, title: "helped" });
    await writer.mutation(api.todos.setDone, { todoId, done: true });
    await expectCode(writer.mutation(api.lists.create, { name: "no" }), "FORBIDDEN");
    await expectCode(writer.mutation(api.lists.rename, { listId: w.listA, name: "no" }), "FORBIDDEN");
  });
});

describe("assign", () => {
  test("assigns to a member of the same org and unassigns with null", async () => {
    const w = await setup();
    await w.adminA.mutation(api.todos.assign, { todoId: w.todoA, assigneeId: "user_member_a" });
    expect((await w.t.run((ctx) => ctx.db.get("todos", w.todoA)))?.assigneeId).toBe("user_member_a");
    await w.adminA.mutation(api.todos.assign, { todoId: w.todoA, assigneeId: null });
    expect((await w.t.run((ctx) => ctx.db.get("todos", w.todoA)))?.assigneeId).toBeUndefined();
  });

  test("a user of another org answers NOT_FOUND exactly like an unknown user, and nothing changes", async () => {
    const w = await setup();
    await w.adminA.mutation(api.todos.assign, { todoId: w.todoA, assigneeId: "user_member_a" });
    const before = await snapshotApp(w.t);
    const otherOrg = await expectCode(w.adminA.mutation(api.todos.assign, { todoId: w.todoA, assigneeId: "user_admin_b" }), "NOT_FOUND");
    const unknown = await errorOf(w.adminA.mutation(api.todos.assign, { todoId: w.todoA, assigneeId: "user_nobody" }));
    expect(unknown).toEqual(otherOrg);
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("a member removed by webhook can no longer be assigned", async () => {
    const w = await setup();
    await removeMember(w.t, w.memberships.memberA);
    await expectCode(w.adminA.mutation(api.todos.assign, { todoId: w.todoA, assigneeId: "user_member_a" }), "NOT_FOUND");
  });
});

describe("malformed inputs", () => {
  test.each([
    ["empty", ""],
    ["whitespace", "   \t "],
    ["81 characters", "x".repeat(81)],
  ])("a %s list name is INVALID_ARGUMENT and nothing is written", async (_, name) => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    await expectCode(w.adminA.mutation(api.lists.create, { name }), "INVALID_ARGUMENT");
    await expectCode(w.adminA.mutation(api.lists.rename, { listId: w.listA, name }), "INVALID_ARGUMENT");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("an 80-character list name is accepted, trimmed of surrounding spaces", async () => {
    const w = await setup();
    const name = "y".repeat(80);
    const listId = await w.adminA.mutation(api.lists.create, { name: `  ${name}  ` });
    expect((await w.adminA.query(api.lists.get, { listId })).name).toBe(name);
  });

  test.each([
    ["empty", ""],
    ["whitespace", "  "],
    ["201 characters", "z".repeat(201)],
  ])("a %s todo title is INVALID_ARGUMENT and nothing is written", async (_, title) => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    await expectCode(w.adminA.mutation(api.todos.create, { listId: w.listA, title }), "INVALID_ARGUMENT");
    await expectCode(w.adminA.mutation(api.todos.update, { todoId: w.todoA, title }), "INVALID_ARGUMENT");
    expect(await snapshotApp(w.t)).toEqual(before);
  });

  test("notes over 5,000 characters and a member search over 100 are INVALID_ARGUMENT", async () => {
    const w = await setup();
    const before = await snapshotApp(w.t);
    const notes = "n".repeat(5001);
    await expectCode(w.adminA.mutation(api.todos.create, { listId: w.listA, title: "ok", notes }), "INVALID_ARGUMENT");
    await expectCode(w.adminA.mutation(api.todos.update, { todoId: w.todoA, notes }), "INVALID_ARGUMENT");
    await expectCode(w.adminA.query(api.members.list, { search: "s".repeat(101), ...page() }), "INVALID_ARGUMENT");
    expect(await snapshotApp(w.t)).toEqual(before);
  });
});

describe("lists and todos", () => {
  test("filters all/open/done/mine return the right todos, oldest first, page by page", async () => {
    const w = await setup();
    const member = as(w.t, w.identities.memberA);
    const listId = await member.mutation(api.lists.create, { name: "Filters" });
    const add = (title: string) => member.mutation(api.todos.create, { listId, title });
    const open = await add("open");
    const done = await add("done");
    const mineOpen = await add("mine, open");
    const mineDone = await add("mine, done");
    const othersDone = await add("others, done");
    for (const todoId of [done, mineDone, othersDone]) await member.mutation(api.todos.setDone, { todoId, done: true });
    for (const todoId of [mineOpen, mineDone]) await member.mutation(api.todos.assign, { todoId, assigneeId: "user_member_a" });
    await member.mutation(api.todos.assign, { todoId: othersDone, assigneeId: "user_admin_a" });

    const ids = async (filter?: "all" | "open" | "done" | "mine") =>
      (await member.query(api.todos.list, { listId, filter, ...page() })).page.map((t) => t._id);
    expect(await ids()).toEqual([open, done, mineOpen, mineDone, othersDone]);
    expect(await ids("all")).toEqual([open, done, mineOpen, mineDone, othersDone]);
    expect(await ids("open")).toEqual([open, mineOpen]);
    expect(await ids("done")).toEqual([done, mineDone, othersDone]);
    expect(await ids("mine")).toEqual([mineOpen, mineDone]);
    // "mine" is the caller's: the other assignee sees their own.
    expect((await w.adminA.query(api.todos.list, { listId, filter: "mine", ...page() })).page.map((t) => t._id)).toEqual([othersDone]);

    const first = await member.query(api.todos.list, { listId, paginationOpts: { numItems: 3, cursor: null } });
    const second = await member.query(api.todos.list, { listId, paginationOpts: { numItems: 3, cursor: first.continueCursor } });
    expect([...first.page, ...second.page].map((t) => t._id)).toEqual([open, done, mineOpen, mineDone, othersDone]);
    expect(second.isDone).toBe(true);

    // Undone: completion time cleared, back under "open".
    await member.mutation(api.todos.setDone, { todoId: done, done: false });
    expect(await ids("open")).toEqual([open, done, mineOpen]);
    expect((await w.t.run((ctx) => ctx.db.get("todos", done)))?.completedAt).toBeUndefined();
  });

  test("an archived list refuses new todos, leaves the open lists, and takes todos again once restored", async () => {
    const w = await setup();
    await w.adminA.mutation(api.lists.setArchived, { listId: w.listA, archived: true });
    const before = await snapshotApp(w.t);
    await expectCode(w.adminA.mutation(api.todos.create, { listId: w.listA, title: "late" }), "INVALID_ARGUMENT");
    expect(await snapshotApp(w.t)).toEqual(before);
    expect(await w.adminA.query(api.lists.list, {})).toEqual([]);
    expect((await w.adminA.query(api.lists.list, { archived: true })).map((l) => l._id)).toEqual([w.listA]);

    await w.adminA.mutation(api.lists.setArchived, { listId: w.listA, archived: false });
    await w.adminA.mutation(api.todos.create, { listId: w.listA, title: "back" });
    expect((await w.adminA.query(api.lists.list, {})).map((l) => l._id)).toEqual([w.listA]);
  });

  test("deleting a list removes it at once and purges its todos in batches afterwards", async () => {
    vi.useFakeTimers();
    const w = await setup();
    const keep = await w.adminA.mutation(api.lists.create, { name: "keep" });
    const keptTodo = await w.adminA.mutation(api.todos.create, { listId: keep, title: "kept" });
    const many = 2 * PURGE_BATCH + 7;
    await w.t.run(async (ctx) => {
      for (let i = 0; i < many; i++) {
        await ctx.db.insert("todos", todoRow({ orgId: "org_a", listId: w.listA, title: `t${i}`, done: false, createdBy: "user_admin_a" }));
      }
    });

    await w.adminA.mutation(api.lists.remove, { listId: w.listA });
    await expectCode(w.adminA.query(api.lists.get, { listId: w.listA }), "NOT_FOUND");
    await expectCode(w.adminA.query(api.todos.list, { listId: w.listA, ...page() }), "NOT_FOUND");
    await expectCode(w.adminA.mutation(api.todos.create, { listId: w.listA, title: "late" }), "NOT_FOUND");
    expect(await todosOf(w.t, w.listA)).toHaveLength(many + 1);
    // Not yet purged, but already gone for every caller.
    await expectCode(w.adminA.mutation(api.todos.setDone, { todoId: w.todoA, done: true }), "NOT_FOUND");
    await expectCode(w.adminA.mutation(api.todos.remove, { todoId: w.todoA }), "NOT_FOUND");

    await w.t.finishAllScheduledFunctions(vi.runAllTimers);

    expect(await todosOf(w.t, w.listA)).toEqual([]);
    expect((await todosOf(w.t, keep)).map((t) => t._id)).toEqual([keptTodo]);
    const state = await snapshotApp(w.t);
    expect(state.todos.filter((t) => t.orgId === "org_b").map((t) => t._id)).toEqual([w.todoB]);
    expect(state.scheduled.every((s) => s.state.kind === "success")).toBe(true);
  });

  test("organization.deleted purges that org's lists and todos, and leaves other orgs' data alone", async () => {
    vi.useFakeTimers();
    const w = await setup();
    await w.t.run(async (ctx) => {
      for (let i = 0; i < PURGE_BATCH + 50; i++) {
        await ctx.db.insert("todos", todoRow({ orgId: "org_a", listId: w.listA, title: `t${i}`, done: false, createdBy: "user_admin_a" }));
      }
    });
    const ofOrg = (s: Awaited<ReturnType<typeof snapshotApp>>, orgId: string) => ({
      lists: s.lists.filter((l) => l.orgId === orgId),
      todos: s.todos.filter((t) => t.orgId === orgId),
    });
    const before = await snapshotApp(w.t);

    await apply(w.t, event("organization.deleted", deleted("org_a", "organization")));
    await w.t.finishAllScheduledFunctions(vi.runAllTimers);

    const after = await snapshotApp(w.t);
    expect(ofOrg(after, "org_a")).toEqual({ lists: [], todos: [] });
    expect(ofOrg(after, "org_b")).toEqual(ofOrg(before, "org_b"));
    expect(after.scheduled.every((s) => s.state.kind === "success")).toBe(true);
    // Its members are refused, and the shared user keeps org B.
    await expectCode(w.adminA.query(api.lists.list, {}), "FORBIDDEN");
    expect((await as(w.t, w.identities.bothNoOrg).query(api.me.get, {})).orgs.map((o) => o.orgId)).toEqual(["org_b"]);
    expect((await w.adminB.query(api.lists.list, {})).map((l) => l._id)).toEqual([w.listB]);
  });
});

describe("members.get", () => {
  test("a member of the caller's org by id; anyone else is null, in another org or nowhere", async () => {
    const w = await setup();
    const member = as(w.t, w.identities.memberA);
    expect(await member.query(api.members.get, { userId: "user_admin_a" })).toMatchObject({ userId: "user_admin_a", role: "org:admin" });
    expect(await member.query(api.members.get, { userId: "user_admin_b" })).toBeNull();
    expect(await member.query(api.members.get, { userId: "user_nobody" })).toBeNull();
  });
});
