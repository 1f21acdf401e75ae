/**
 * Clerk-shaped webhook payloads (field names and nullability as Clerk sends
 * them) and svix-signed delivery through the app's HTTP route.
 */
import type { GenericMutationCtx } from "convex/server";
import { Webhook } from "svix";
import type { DataModel as ClerkSyncDataModel, Doc } from "../convex/clerkSync/_generated/dataModel";
import { WEBHOOK_SECRET, type TestApp } from "./convex";

let clock = 1_700_000_000_000;
/** A strictly increasing Clerk timestamp (ms). */
export const tick = () => (clock += 1000);

export type ClerkEvent = { type: string; object: "event"; data: Record<string, unknown>; timestamp: number; instance_id: string; event_attributes: Record<string, unknown> };

export function event(type: string, data: Record<string, unknown>, timestamp = tick()): ClerkEvent {
  return { type, object: "event", data, timestamp, instance_id: "ins_test", event_attributes: { http_request: { client_ip: "", user_agent: "" } } };
}

export function user(id: string, o: { email?: string; first?: string | null; last?: string | null; updatedAt?: number; createdAt?: number; lastSignInAt?: number | null } = {}) {
  const updatedAt = o.updatedAt ?? tick();
  const email = o.email ?? `${id}@example.com`;
  return {
    id,
    object: "user",
    first_name: o.first === undefined ? "First" : o.first,
    last_name: o.last === undefined ? "Last" : o.last,
    username: null,
    image_url: `https://img.clerk.com/${id}`,
    has_image: false,
    primary_email_address_id: `idn_${id}`,
    email_addresses: [{ id: `idn_${id}`, object: "email_address", email_address: email, verification: { status: "verified", strategy: "email_code" } }],
    external_id: null,
    public_metadata: {},
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
    last_sign_in_at: o.lastSignInAt ?? null,
  };
}

export function organization(id: string, o: { name?: string; slug?: string; updatedAt?: number; createdAt?: number } = {}) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    id,
    object: "organization",
    name: o.name ?? `Org ${id}`,
    slug: o.slug ?? id.replace(/_/g, "-"),
    image_url: "",
    has_image: false,
    members_count: 1,
    max_allowed_memberships: 5,
    public_metadata: {},
    created_by: "user_creator",
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
  };
}

export function membership(
  id: string,
  org: ReturnType<typeof organization>,
  userId: string,
  o: { role?: string; permissions?: string[]; updatedAt?: number; createdAt?: number; email?: string; first?: string; last?: string } = {},
) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    id,
    object: "organization_membership",
    role: o.role ?? "org:member",
    permissions: o.permissions ?? [],
    public_metadata: {},
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
    organization: org,
    public_user_data: {
      user_id: userId,
      identifier: o.email ?? `${userId}@example.com`,
      first_name: o.first ?? "First",
      last_name: o.last ?? "Last",
      image_url: `https://img.clerk.com/${userId}`,
      has_image: false,
    },
  };
}

export function invitation(id: string, orgId: string, email: string, o: { status?: string; role?: string; updatedAt?: number; createdAt?: number; userId?: string } = {}) {
  const updatedAt = o.updatedAt ?? tick();
  return {
    id,
    object: "organization_invitation",
    email_address: email,
    role: o.role ?? "org:member",
    organization_id: orgId,
    status: o.status ?? "pending",
    public_metadata: {},
    created_at: o.createdAt ?? updatedAt,
    updated_at: updatedAt,
    expires_at: updatedAt + 30 * 86_400_000,
    ...(o.userId ? { user_id: o.userId } : {}),
  };
}

export function session(id: string, userId: string, o: { orgId?: string; createdAt?: number } = {}) {
  const createdAt = o.createdAt ?? tick();
  return { id, object: "session", user_id: userId, status: "active", last_active_organization_id: o.orgId ?? null, created_at: createdAt, updated_at: createdAt };
}

export const deleted = (id: string, object: string) => ({ id, object, deleted: true });

let svixSeq = 0;
export const newSvixId = () => `msg_test_${++svixSeq}`;

/** Headers and body exactly as svix signs them. */
export function signed(body: string, o: { secret?: string; id?: string; at?: Date } = {}) {
  const id = o.id ?? newSvixId();
  const at = o.at ?? new Date();
  const signature = new Webhook(o.secret ?? WEBHOOK_SECRET).sign(id, at, body);
  return {
    id,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  };
}

/** Runs `fn` with CLERK_WEBHOOK_SECRET unset (a misconfigured deployment), then restores it. */
export async function withoutWebhookSecret<T>(fn: () => Promise<T>) {
  const saved = process.env.CLERK_WEBHOOK_SECRET;
  delete process.env.CLERK_WEBHOOK_SECRET;
  try {
    return await fn();
  } finally {
    process.env.CLERK_WEBHOOK_SECRET = saved;
  }
}

/** Delivers one event through POST /clerk-webhook, signed. */
export async function deliver(t: TestApp, e: ClerkEvent, o: { id?: string } = {}) {
  const body = JSON.stringify(e);
  const { headers } = signed(body, o);
  return await t.fetch("/clerk-webhook", { method: "POST", headers, body });
}

/** Delivers and asserts a 200, returning the outcome the route reported. */
export async function apply(t: TestApp, e: ClerkEvent, o: { id?: string } = {}) {
  const res = await deliver(t, e, o);
  if (res.status !== 200) throw new Error(`${e.type} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { outcome: string }).outcome;
}

/** The clerkSync component's tables, in a stable order. */
export const COMPONENT_TABLES = ["users", "organizations", "memberships", "invitations", "tombstones", "webhookEvents"] as const;
export type ComponentTable = (typeof COMPONENT_TABLES)[number];
export type Snapshot = { [T in ComponentTable]: Doc<T>[] };

type ComponentCtx = GenericMutationCtx<ClerkSyncDataModel>;
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

/**
 * The synced state, independent of delivery order: no document ids, creation
 * or receipt times, and no per-delivery outcome (an event applied in one order
 * is "stale" in another); rows sorted so insertion order does not matter.
 */
export function syncedState(s: Snapshot) {
  const strip = (row: Record<string, unknown>) => {
    const { _id, _creationTime, receivedAt, outcome, ...rest } = row;
    void [_id, _creationTime, receivedAt, outcome];
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
