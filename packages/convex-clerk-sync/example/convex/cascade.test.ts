/**
 * Deletions larger than one transaction: `organization.deleted` and
 * `user.deleted` carry only an id, and the component removes what hangs off
 * it in batches, under the transaction limits a deployment enforces
 * (convex-test `transactionLimits`). The app hears of each deletion once.
 */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { deleted, event, invitation, membership, organization, user } from "../../src/test";
import { appData, apply, deliver, inComponent, setup, type TestApp } from "../../test/setup";
import { clerkSync } from "./clerkSync";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Limits = Parameters<typeof setup>[0];

/** Inserts memberships straight into the component, `chunk` per transaction (seeding by webhook would take minutes). */
async function seedMemberships(t: TestApp, count: number, row: (i: number) => { orgId: string; userId: string }, chunk: number) {
  for (let start = 0; start < count; start += chunk) {
    await inComponent(t, async (ctx) => {
      for (let i = start; i < Math.min(count, start + chunk); i++) {
        const { orgId, userId } = row(i);
        await ctx.db.insert("memberships", {
          clerkId: `orgmem_${i}`,
          orgId,
          userId,
          role: "org:member",
          permissions: [],
          createdAt: 1_700_000_000_000 + i,
          updatedAt: 1_700_000_000_000 + i,
          firstName: "Member",
          lastName: String(i),
          searchText: `member ${i}`,
        });
      }
    });
  }
}

/** How many rows a table has for this index value, counted in pages (a test runs under limits too). */
async function count(t: TestApp, table: "memberships" | "invitations", index: "by_org_user" | "by_user" | "by_org_status", field: "orgId" | "userId", value: string) {
  let total = 0;
  for (let cursor: string | null = null; ; ) {
    const page = await inComponent(t, (ctx) =>
      ctx.db
        .query(table)
        .withIndex(index as "by_org_user", (q) => q.eq(field as "orgId", value))
        .paginate({ numItems: 4000, cursor }),
    );
    total += page.page.length;
    if (page.isDone) return total;
    cursor = page.continueCursor;
  }
}

test("an organization of 20,000 members is deleted in batches, each within Convex's limits; the app hears of it once", { timeout: 600_000 }, async () => {
  const limits: Limits = { transactionLimits: true };
  const t = setup(limits);
  await apply(t, event("organization.created", organization("org_big")));
  await seedMemberships(t, 20_000, (i) => ({ orgId: "org_big", userId: `user_${i}` }), 4000);
  for (let i = 0; i < 30; i++) await apply(t, event("organizationInvitation.created", invitation(`orginv_${i}`, "org_big", `invitee${i}@example.com`)));
  await t.run(async (ctx) => {
    for (let i = 0; i < 50; i++) await ctx.db.insert("notes", { orgId: "org_big", text: `note ${i}` });
  });
  // The limits are real: one transaction cannot delete them all.
  await expect(
    inComponent(t, async (ctx) => {
      for (const m of await ctx.db.query("memberships").withIndex("by_org_user", (q) => q.eq("orgId", "org_big")).take(20_000)) {
        await ctx.db.delete("memberships", m._id);
      }
    }),
  ).rejects.toThrow(/too many documents/i);

  const res = await deliver(t, event("organization.deleted", deleted("org_big", "organization")));
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.json()).toEqual({ outcome: "applied" });
  // At once, before the batches run: the organization is gone for every reader.
  expect(await t.run((ctx) => clerkSync.getOrganization(ctx, "org_big"))).toBeNull();
  expect(await t.run((ctx) => clerkSync.getMembership(ctx, "org_big", "user_19999"))).toBeNull();
  expect((await t.run((ctx) => clerkSync.listMembers(ctx, { orgId: "org_big", paginationOpts: { numItems: 10, cursor: null } }))).page).toEqual([]);
  expect(await t.run((ctx) => clerkSync.listOrganizationsForUser(ctx, "user_19999"))).toEqual([]);
  expect(await count(t, "memberships", "by_org_user", "orgId", "org_big")).toBeGreaterThan(0);
  // A late membership for it changes nothing, even mid-cascade.
  expect(await apply(t, event("organizationMembership.created", membership("orgmem_late", organization("org_big"), "user_late")))).toBe("stale");

  await t.finishAllScheduledFunctions(vi.runAllTimers);
  expect(await count(t, "memberships", "by_org_user", "orgId", "org_big")).toBe(0);
  expect(await count(t, "invitations", "by_org_status", "orgId", "org_big")).toBe(0);
  const { notes, activity } = await appData(t);
  expect(notes).toEqual([]);
  expect(activity.filter((a) => a.kind === "organization.deleted")).toEqual([expect.objectContaining({ orgId: "org_big" })]);
});

test("a user in 3,000 organizations: deleted, and renamed before that, in batches beyond one transaction's writes", { timeout: 300_000 }, async () => {
  const t = setup({ transactionLimits: { documentsWritten: 1500 } });
  const ann = user("user_ann", { first: "Ann", last: "Lee" });
  await apply(t, event("user.created", ann));
  await seedMemberships(t, 3000, (i) => ({ orgId: `org_${i}`, userId: "user_ann" }), 1000);

  // A rename reaches every membership row (names are copied there for member lists).
  await apply(t, event("user.updated", user("user_ann", { first: "Annie", last: "Lee", createdAt: ann.created_at })));
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  const renamed = await inComponent(t, async (ctx) => {
    const rows = await ctx.db.query("memberships").withIndex("by_user", (q) => q.eq("userId", "user_ann")).take(3000);
    return rows.filter((m) => m.firstName === "Annie").length;
  });
  expect(renamed).toBe(3000);

  const res = await deliver(t, event("user.deleted", deleted("user_ann", "user")));
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await t.run((ctx) => clerkSync.getMembership(ctx, "org_2999", "user_ann"))).toBeNull();
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  expect(await count(t, "memberships", "by_user", "userId", "user_ann")).toBe(0);
  expect((await appData(t)).activity.filter((a) => a.kind === "user.deleted")).toHaveLength(1);
});
