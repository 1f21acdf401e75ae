// @vitest-environment node
/**
 * The clean-text rule (convex/lib/text.ts) at the Convex boundary: every
 * public function that takes a name or a title — lists, todos, notes,
 * organizations (through the Backend API) — stores the NFC form, and refuses
 * control characters, bidirectional overrides, lone surrogates and invisible
 * values with an INVALID_ARGUMENT that names the field, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { setupConvex, type TestApp } from "../test/convex";
import { startLocalClerk } from "../test/localClerk";
import { as, expectCode, seedOrgs, snapshotApp, tokenV2 } from "../test/tenants";

const BAD: [string, string, RegExp][] = [
  ["a NUL", "Groceries\u0000", /contains a control character \(U\+0000\)/],
  ["a right-to-left override", "Q3 \u202Etegdub", /reorders text \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/],
  ["an isolate", "\u2067Team\u2069", /reorders text \(U\+2067/],
  ["a lone surrogate", "Plans \uD83D", /broken character/],
  ["a line break", "Two\nlines", /must fit on one line/],
];
const INVISIBLE = ["\u200B\u200C\u200D", "\u3164", " \u00A0\u2800 "];

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedOrgs>>;
const admin = () => as(t, seeded.identities.adminA);

beforeAll(async () => {
  t = setupConvex();
  seeded = await seedOrgs(t);
});

describe("lists", () => {
  test("names are stored NFC and trimmed of invisible edges", async () => {
    const listId = await admin().mutation(api.lists.create, { name: "\u200BCafe\u0301 \u00A0" });
    expect((await admin().query(api.lists.get, { listId })).name).toBe("Café");
    await admin().mutation(api.lists.rename, { listId, name: "Re\u0301sume\u0301s" });
    expect((await admin().query(api.lists.get, { listId })).name).toBe("Résumés");
  });

  test.each(BAD)("create and rename refuse %s, naming the field, and change nothing", async (_what, name, message) => {
    const listId = await admin().mutation(api.lists.create, { name: "Kept" });
    const before = await snapshotApp(t);
    const created = await expectCode(admin().mutation(api.lists.create, { name }), "INVALID_ARGUMENT");
    expect(created.message).toMatch(/^List name /);
    expect(created.message).toMatch(message);
    const renamed = await expectCode(admin().mutation(api.lists.rename, { listId, name }), "INVALID_ARGUMENT");
    expect(renamed.message).toBe(created.message);
    expect(await snapshotApp(t)).toEqual(before);
  });

  test.each(INVISIBLE)("an invisible name (%j) is an empty one", async (name) => {
    const before = await snapshotApp(t);
    expect(await expectCode(admin().mutation(api.lists.create, { name }), "INVALID_ARGUMENT")).toMatchObject({ message: "Name the list." });
    expect(await snapshotApp(t)).toEqual(before);
  });
});

describe("todos", () => {
  test("titles and notes: NFC, notes keep their lines (CRLF becomes LF), invisible notes are cleared", async () => {
    const listId = await admin().mutation(api.lists.create, { name: "Todos" });
    const todoId = await admin().mutation(api.todos.create, { listId, title: "Nai\u0308ve plan", notes: "step one\r\n\tstep two" });
    const stored = async () => (await t.run((ctx) => ctx.db.get("todos", todoId)))!;
    expect(await stored()).toMatchObject({ title: "Naïve plan", notes: "step one\n\tstep two" });
    await admin().mutation(api.todos.update, { todoId, notes: "\u200B \u2060" });
    expect((await stored()).notes).toBeUndefined();
  });

  test.each(BAD)("titles refuse %s, naming the field, and change nothing", async (_what, title, message) => {
    const listId = await admin().mutation(api.lists.create, { name: `Titles ${Math.random()}` });
    const todoId = await admin().mutation(api.todos.create, { listId, title: "Kept" });
    const before = await snapshotApp(t);
    const error = await expectCode(admin().mutation(api.todos.create, { listId, title }), "INVALID_ARGUMENT");
    expect(error.message).toMatch(/^Title /);
    expect(error.message).toMatch(message);
    await expectCode(admin().mutation(api.todos.update, { todoId, title }), "INVALID_ARGUMENT");
    expect(await snapshotApp(t)).toEqual(before);
  });

  test("notes refuse bidirectional controls and control characters other than newline and tab", async () => {
    const listId = await admin().mutation(api.lists.create, { name: "Notes" });
    const todoId = await admin().mutation(api.todos.create, { listId, title: "Has notes", notes: "fine" });
    const before = await snapshotApp(t);
    for (const notes of ["pay \u202Eyad", "bell\u0007", "half \uDC00"]) {
      const error = await expectCode(admin().mutation(api.todos.update, { todoId, notes }), "INVALID_ARGUMENT");
      expect(error.message).toMatch(/^Notes /);
      await expectCode(admin().mutation(api.todos.create, { listId, title: "New", notes }), "INVALID_ARGUMENT");
    }
    expect(await snapshotApp(t)).toEqual(before);
  });
});

describe("organization names (through the Backend API)", () => {
  let local: Awaited<ReturnType<typeof startLocalClerk>>;
  let app: TestApp;
  beforeAll(async () => {
    app = setupConvex();
    local = await startLocalClerk(app);
    await local.drain();
  });
  afterAll(async () => await local?.close());

  test("create and rename store the NFC form; bad names reach neither Clerk nor the component", async () => {
    const { sam } = await local.demoIds();
    const creator = as(app, tokenV2(sam));
    const { orgId } = await creator.action(api.admin.createOrganization, { name: "Cre\u0300me Co" });
    const inOrg = as(app, tokenV2(sam, { id: orgId, role: "admin" }));
    expect((await inOrg.query(api.me.get, {})).activeOrg?.name).toBe("Crème Co");
    expect((await local.clerk.organizations.getOrganization({ organizationId: orgId })).name).toBe("Crème Co");

    const orgsBefore = (await local.clerk.organizations.getOrganizationList({ limit: 100 })).totalCount;
    for (const [, name, message] of BAD) {
      const renamed = await expectCode(inOrg.action(api.admin.renameOrganization, { name }), "INVALID_ARGUMENT");
      expect(renamed.message).toMatch(/^Organization name /);
      expect(renamed.message).toMatch(message);
      await expectCode(creator.action(api.admin.createOrganization, { name }), "INVALID_ARGUMENT");
    }
    for (const name of INVISIBLE) await expectCode(inOrg.action(api.admin.renameOrganization, { name }), "INVALID_ARGUMENT");
    expect((await local.clerk.organizations.getOrganization({ organizationId: orgId })).name).toBe("Crème Co");
    expect((await local.clerk.organizations.getOrganizationList({ limit: 100 })).totalCount).toBe(orgsBefore);
    expect((await inOrg.query(api.me.get, {})).activeOrg?.name).toBe("Crème Co");
  });
});
