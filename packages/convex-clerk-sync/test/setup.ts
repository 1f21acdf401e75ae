/**
 * The package's tests run against its example app (example/convex) with the
 * component mounted as an app mounts it: signed deliveries through the
 * example's POST /clerk-webhook, state read back through the client.
 */
import type { GenericMutationCtx } from "convex/server";
import { convexTest } from "convex-test";
import schema from "../example/convex/schema";
import type { DataModel as ComponentDataModel, Doc } from "../src/component/_generated/dataModel";
import component, { signWebhook, type ClerkEvent } from "../src/test";

export const modules = import.meta.glob(["../example/convex/**/*.ts", "!../example/convex/**/*.test.ts"]);

export const WEBHOOK_SECRET = "whsec_" + btoa("convex-clerk-sync-test-secret-0123");

/** Per-transaction limits to enforce, as a real deployment would (`true`: Convex's defaults). */
type Limits = boolean | { documentsRead?: number; documentsWritten?: number; databaseQueries?: number };

export function setup(options: { transactionLimits?: Limits } = {}) {
  process.env.CLERK_WEBHOOK_SECRET = WEBHOOK_SECRET;
  delete process.env.CLERK_INSTANCE_ID;
  const t = convexTest({ schema, modules, transactionLimits: options.transactionLimits });
  component.register(t);
  return t;
}
export type TestApp = ReturnType<typeof setup>;

/** Runs `fn` with an environment variable set (or unset), then restores it. */
export async function withEnv<T>(name: string, value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

/** Posts a raw body with these headers to the webhook route. */
export const post = (t: TestApp, body: string, headers: Record<string, string>) =>
  t.fetch("/clerk-webhook", { method: "POST", headers, body });

/** Delivers one event, signed. */
export async function deliver(t: TestApp, e: ClerkEvent | object, o: { id?: string } = {}) {
  const body = JSON.stringify(e);
  return await post(t, body, signWebhook(body, { secret: WEBHOOK_SECRET, id: o.id }).headers);
}

/** Delivers and asserts a 200, returning the outcome the route reported. */
export async function apply(t: TestApp, e: ClerkEvent | object, o: { id?: string } = {}) {
  const res = await deliver(t, e, o);
  if (res.status !== 200) throw new Error(`${(e as ClerkEvent).type} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { outcome: string }).outcome;
}

/** Signs with the test secret. */
export const signed = (body: string, o: { secret?: string; id?: string; at?: Date } = {}) =>
  signWebhook(body, { secret: o.secret ?? WEBHOOK_SECRET, id: o.id, at: o.at });

export const COMPONENT_TABLES = [
  "users",
  "emailAddresses",
  "organizations",
  "memberships",
  "invitations",
  "roles",
  "permissions",
  "sessions",
  "tombstones",
  "webhookEvents",
] as const;
export type ComponentTable = (typeof COMPONENT_TABLES)[number];
export type Snapshot = { [T in ComponentTable]: Doc<T>[] };

type ComponentCtx = GenericMutationCtx<ComponentDataModel>;
type RunInComponent = <Output>(path: string, fn: (ctx: ComponentCtx) => Promise<Output>) => Promise<Output>;

/**
 * Runs `fn` against the component's own database. convex-test implements
 * `runInComponent` (what `t.run` uses for the root) without typing it.
 */
export async function inComponent<Output>(t: TestApp, fn: (ctx: ComponentCtx) => Promise<Output>, name = "clerkSync") {
  const run = (t as unknown as { runInComponent?: RunInComponent }).runInComponent;
  if (!run) throw new Error("this convex-test has no runInComponent: read the component through its public queries instead");
  return await run(name, fn);
}

/** Every row of every component table, as stored. */
export async function snapshot(t: TestApp): Promise<Snapshot> {
  return await inComponent(t, async (ctx) => {
    const rows = await Promise.all(COMPONENT_TABLES.map((table) => ctx.db.query(table).collect()));
    return Object.fromEntries(COMPONENT_TABLES.map((table, i) => [table, rows[i]])) as Snapshot;
  });
}

/** The example app's own tables. */
export const appData = (t: TestApp) =>
  t.run(async (ctx) => ({ notes: await ctx.db.query("notes").collect(), activity: await ctx.db.query("activity").collect() }));

/**
 * The synced state, independent of delivery order: no document ids, creation
 * or receipt times, and no per-delivery outcome (an event applied in one order
 * is "stale" in another); rows sorted so insertion order does not matter.
 * The link between an accepted invitation and the membership it created is
 * left out too: it records which of the two webhooks came second (so the
 * app hears of one join), not anything Clerk holds.
 */
export function syncedState(s: Snapshot) {
  const strip = (row: Record<string, unknown>) => {
    const { _id, _creationTime, receivedAt, outcome, invitationId, membershipId, ...rest } = row;
    void [_id, _creationTime, receivedAt, outcome, invitationId, membershipId];
    return rest;
  };
  return Object.fromEntries(
    COMPONENT_TABLES.map((table) => [
      table,
      s[table].map((row) => strip(row)).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1)),
    ]),
  );
}

/** JSON with object keys sorted, so equal rows compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
