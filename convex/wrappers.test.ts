/**
 * Guards the tenant rules (README, "Tenant isolation") by construction:
 * every public app function is built with the tenant wrappers, and every app table is keyed
 * by `orgId` with every index starting with it. A new module, export or
 * table that breaks the rule fails here, without anyone writing a test for it.
 */
import { describe, expect, test } from "vitest";
import schema from "./schema";
import { SCOPE } from "./lib/tenant";

/**
 * Every app module Convex would deploy: not generated code, not tests, not
 * the config files (`convex.config.ts`, `auth.config.ts` are not function
 * modules). The components come from npm and have their own boundary.
 */
const modules = import.meta.glob(["./**/*.ts", "!./_generated/**", "!./**/*.test.ts", "!./**/*.config.ts"]);

/** Public by design without an org: they read only the caller's own records. */
const USER_SCOPED = new Set(["me:get", "me:lostAccess", "admin:createOrganization"]);

type Registered = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
  isInternal?: boolean;
  [SCOPE]?: unknown;
};

const isRegistered = (value: unknown): value is Registered =>
  typeof value === "function" && !!((value as Registered).isQuery || (value as Registered).isMutation || (value as Registered).isAction);

/** `module:export` → the scope its wrapper stamped (undefined for a bare query/mutation/action). */
async function publicFunctions() {
  const scopes = new Map<string, unknown>();
  for (const [path, load] of Object.entries(modules)) {
    const module = path.replace(/^\.\//, "").replace(/\.ts$/, "");
    for (const [name, value] of Object.entries((await load()) as Record<string, unknown>)) {
      if (isRegistered(value) && value.isPublic) scopes.set(`${module}:${name}`, value[SCOPE]);
    }
  }
  return scopes;
}

describe("tenant wrappers", () => {
  test("every public app function is built with tenantQuery/tenantMutation, or userQuery when allow-listed", async () => {
    const scopes = await publicFunctions();
    const violations = [...scopes]
      .filter(([name, scope]) => scope !== (USER_SCOPED.has(name) ? "user" : "tenant"))
      .map(([name, scope]) => `${name}: ${scope === undefined ? "not built with a tenant wrapper" : `scope ${String(scope)}`}`);
    expect(violations).toEqual([]);
  });

  test("the scan saw the app's functions, so it cannot pass vacuously", async () => {
    const scopes = await publicFunctions();
    for (const name of ["lists:create", "lists:remove", "todos:list", "todos:assign", "members:list", "me:get"]) {
      expect(scopes.has(name), name).toBe(true);
    }
    // Internal functions are loaded but are not public.
    expect(scopes.has("lists:purgeTodos")).toBe(false);
    // What convex-clerk-sync generates into sync.ts is loaded, and internal.
    const sync = (await modules["./sync.ts"]!()) as Record<string, Registered>;
    for (const name of ["clerkSyncEvent", "reconcile", "reconcileStep"]) {
      expect(isRegistered(sync[name]) && sync[name].isInternal, name).toBe(true);
      expect(scopes.has(`sync:${name}`), name).toBe(false);
    }
  });

  test("every allow-listed user-scoped function exists and is built with userQuery", async () => {
    const scopes = await publicFunctions();
    for (const name of USER_SCOPED) expect(scopes.get(name), name).toBe("user");
  });
});

describe("schema", () => {
  type Table = {
    validator: { kind: string; fields: Record<string, { kind: string; isOptional: string }> };
    indexes: { indexDescriptor: string; fields: string[] }[];
    searchIndexes: { indexDescriptor: string; filterFields: string[] }[];
    vectorIndexes: { indexDescriptor: string; filterFields: string[] }[];
  };
  const tables = Object.entries(schema.tables as unknown as Record<string, Table>);

  test("the app has tables to check", () => {
    expect(tables.map(([name]) => name)).toEqual(expect.arrayContaining(["lists", "todos"]));
  });

  test.each(tables)("%s has a required string orgId", (_, table) => {
    expect(table.validator.kind).toBe("object");
    expect(table.validator.fields.orgId).toMatchObject({ kind: "string", isOptional: "required" });
  });

  test.each(tables)("every index of %s starts with orgId", (_, table) => {
    expect(table.indexes.length).toBeGreaterThan(0);
    for (const index of table.indexes) expect(index.fields[0], index.indexDescriptor).toBe("orgId");
    for (const index of [...table.searchIndexes, ...table.vectorIndexes]) {
      expect(index.filterFields, index.indexDescriptor).toContain("orgId");
    }
  });
});
