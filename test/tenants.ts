/**
 * Tenant fixtures: organizations and memberships made the way production
 * makes them (signed Clerk webhooks), identities in both token shapes, and
 * small assertion helpers for the app's typed errors.
 */
import type { UserIdentity } from "convex/server";
import { ConvexError } from "convex/values";
import { expect } from "vitest";
import { generateKeyBetween } from "fractional-indexing";
import type { Id } from "../convex/_generated/dataModel";
import type { AppErrorData, ErrorCode } from "../convex/lib/errors";
import { NO_PRIORITY, searchTextOf, type TodoFields } from "../convex/lib/todoFields";
import { apply, event, membership, organization, user } from "./clerk";
import type { TestApp } from "./convex";

type Org = ReturnType<typeof organization>;
type Membership = ReturnType<typeof membership>;

/** Token claims as `withIdentity` takes them, org claims included. */
export type Claims = Partial<UserIdentity> & Record<string, unknown>;

/**
 * A session token v2 identity, as Clerk's Convex integration issues it:
 * `v: 2`, `o: { id, slg, rol, per, fpm }` and `fea`, custom permissions
 * (`org:<feature>:<perm>`) encoded as bare names plus one bitmask per feature.
 */
export function tokenV2(userId: string, org?: { id: string; slug?: string; role?: string; permissions?: string[] }): Claims {
  const claims: Claims = { subject: userId, name: `Name ${userId}`, email: `${userId}@example.com`, v: 2, sts: "active" };
  if (!org) return claims;
  const o: Record<string, string> = { id: org.id, slg: org.slug ?? org.id.replace(/_/g, "-"), rol: org.role ?? "member" };
  const granted = (org.permissions ?? []).map((p) => p.split(":")).filter((parts) => parts.length === 3);
  const features = [...new Set(granted.map(([, feature]) => feature!))];
  const per = [...new Set(granted.map(([, , permission]) => permission!))];
  if (per.length > 0) {
    o.per = per.join(",");
    o.fpm = features.map((f) => per.reduce((mask, p, i) => (granted.some(([, gf, gp]) => gf === f && gp === p) ? mask | (1 << i) : mask), 0)).join(",");
    claims.fea = features.map((f) => `o:${f}`).join(",");
  }
  claims.o = o;
  return claims;
}

/** A JWT-template (v1) identity (`org_id`, `org_role` with prefix, …). */
export function tokenV1(userId: string, org?: { id: string; slug?: string; role?: string; permissions?: string[] }): Claims {
  const claims: Claims = { subject: userId, name: `Name ${userId}`, email: `${userId}@example.com` };
  if (org) {
    claims.org_id = org.id;
    claims.org_slug = org.slug ?? org.id.replace(/_/g, "-");
    claims.org_role = org.role ?? "org:member";
    claims.org_permissions = org.permissions ?? [];
  }
  return claims;
}

/** Acts as the holder of these token claims. */
export const as = (t: TestApp, claims: Claims) => t.withIdentity(claims);

/** Creates the user through `user.created`. */
export async function addUser(t: TestApp, userId: string) {
  await apply(t, event("user.created", user(userId)));
}

/**
 * Adds a member through `organizationMembership.created` and returns the
 * payload, so a test can later send `.updated` / `.deleted` for it.
 */
export async function addMember(
  t: TestApp,
  org: Org,
  userId: string,
  o: { role?: string; permissions?: string[]; id?: string } = {},
): Promise<Membership> {
  const payload = membership(o.id ?? `orgmem_${org.id}_${userId}`, org, userId, {
    role: o.role ?? "org:member",
    permissions: o.permissions,
  });
  await apply(t, event("organizationMembership.created", payload));
  return payload;
}

/** Changes a member's role by webhook (a newer `updated_at` of the same membership). */
export async function changeRole(t: TestApp, m: Membership, role: string, permissions: string[] = []) {
  await apply(t, event("organizationMembership.updated", membership(m.id, m.organization, m.public_user_data.user_id, { role, permissions, createdAt: m.created_at })));
}

/** Removes a member by webhook (Clerk sends the full membership object). */
export async function removeMember(t: TestApp, m: Membership) {
  await apply(t, event("organizationMembership.deleted", membership(m.id, m.organization, m.public_user_data.user_id, { role: m.role, createdAt: m.created_at })));
}

/**
 * Two organizations:
 * - org A (`org_a`): `user_admin_a` (admin), `user_member_a` (member);
 * - org B (`org_b`): `user_admin_b` (admin);
 * - `user_both`: member of A and admin of B.
 * Returns the orgs, the memberships (for later webhooks) and v2 identities
 * whose token role matches the synced role.
 */
export async function seedOrgs(t: TestApp) {
  const orgA = organization("org_a", { name: "Org A", slug: "org-a" });
  const orgB = organization("org_b", { name: "Org B", slug: "org-b" });
  await apply(t, event("organization.created", orgA));
  await apply(t, event("organization.created", orgB));
  for (const id of ["user_admin_a", "user_member_a", "user_admin_b", "user_both"]) await addUser(t, id);

  const memberships = {
    adminA: await addMember(t, orgA, "user_admin_a", { role: "org:admin" }),
    memberA: await addMember(t, orgA, "user_member_a", { role: "org:member" }),
    adminB: await addMember(t, orgB, "user_admin_b", { role: "org:admin" }),
    bothInA: await addMember(t, orgA, "user_both", { role: "org:member" }),
    bothInB: await addMember(t, orgB, "user_both", { role: "org:admin" }),
  };
  const a = { id: orgA.id, slug: orgA.slug };
  const b = { id: orgB.id, slug: orgB.slug };
  const identities = {
    adminA: tokenV2("user_admin_a", { ...a, role: "admin" }),
    memberA: tokenV2("user_member_a", { ...a, role: "member" }),
    adminB: tokenV2("user_admin_b", { ...b, role: "admin" }),
    bothInA: tokenV2("user_both", { ...a, role: "member" }),
    bothInB: tokenV2("user_both", { ...b, role: "admin" }),
    /** Signed in, no active organization. */
    bothNoOrg: tokenV2("user_both"),
  };
  return { orgA, orgB, memberships, identities };
}

export type Seeded = Awaited<ReturnType<typeof seedOrgs>>;

/** Awaits a rejection with the app's ConvexError and returns its `{ code, message }`. */
export async function errorOf(promise: Promise<unknown>): Promise<AppErrorData> {
  let thrown: unknown;
  try {
    await promise;
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected the call to fail, it succeeded");
  if (!(thrown instanceof ConvexError)) throw thrown;
  return thrown.data as AppErrorData;
}

/** Asserts the call fails with this `data.code`; returns the error data. */
export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<AppErrorData> {
  const data = await errorOf(promise);
  expect(data.code, data.message).toBe(code);
  return data;
}

/** Every row of the app's tables and the scheduler, to prove a call changed nothing. */
export async function snapshotApp(t: TestApp) {
  return await t.run(async (ctx) => ({
    lists: await ctx.db.query("lists").collect(),
    todos: await ctx.db.query("todos").collect(),
    deletedTodos: await ctx.db.query("deletedTodos").collect(),
    departures: await ctx.db.query("departures").collect(),
    scheduled: await ctx.db.system.query("_scheduled_functions").collect(),
  }));
}

let lastOrder: string | null = null;

/**
 * A todo row for `ctx.db.insert("todos", …)` in tests that seed many rows
 * directly: the stored fields the app's write path (lib/todoStore.ts) would
 * set, each row after the previous one in its list's order. Rows seeded this
 * way are not in the overview's counts.
 */
export function todoRow<T extends { orgId: string; listId: Id<"lists">; title: string; createdBy: string; done: boolean }>(fields: T & Partial<TodoFields>): TodoFields {
  lastOrder = generateKeyBetween(lastOrder, null);
  return { priority: NO_PRIORITY, order: lastOrder, searchText: searchTextOf(fields), ...fields };
}
