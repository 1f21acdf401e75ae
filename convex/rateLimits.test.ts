// @vitest-environment node
/**
 * Rate limits on the admin actions, through the Clerk emulator as
 * the Clerk Backend API: a refused call answers RATE_LIMITED and reaches
 * neither the provider nor the component; limits are per user and per org,
 * all or none. Counts only — no wall-clock assertions (the buckets refill
 * one token per 72 s at the fastest, far beyond a test's run).
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { inAbout } from "./lib/errors";
import { LIMITS } from "./rateLimits";
import { setupConvex, type TestApp } from "../test/convex";
import { startLocalClerk } from "../test/localClerk";
import { as, expectCode, tokenV2 } from "../test/tenants";

let t: TestApp;
let local: Awaited<ReturnType<typeof startLocalClerk>>;
let ids: Awaited<ReturnType<typeof local.demoIds>>;

beforeEach(async () => {
  t = setupConvex();
  local = await startLocalClerk(t);
  await local.drain();
  ids = await local.demoIds();
});

afterEach(async () => {
  await local.close();
});

const admin = (userId: string, orgId: string) => as(t, tokenV2(userId, { id: orgId, role: "admin" }));

/** Pending invitations the provider holds for an org (what Clerk would have emailed). */
async function providerInvitations(orgId: string) {
  const { data, totalCount } = await local.clerk.organizations.getOrganizationInvitationList({ organizationId: orgId, status: ["pending"], limit: 100 });
  return { count: totalCount, emails: data.map((i) => i.emailAddress) };
}

/** `n` invitations from one admin, each accepted. */
async function inviteMany(who: ReturnType<typeof admin>, prefix: string, n: number) {
  for (let i = 0; i < n; i++) await who.action(api.admin.invite, { email: `${prefix}${i}@example.com`, role: "org:member" });
}

describe("rate limits", () => {
  test("the limits are the documented ones", () => {
    expect(LIMITS.inviteByUser).toMatchObject({ rate: 20, capacity: 20 });
    expect(LIMITS.inviteByOrg).toMatchObject({ rate: 50, capacity: 30 });
    expect(LIMITS.createOrgByUser).toMatchObject({ rate: 5, capacity: 5 });
  });

  test("one admin's invitation past the per-user limit is refused before Clerk; another org's admin is not affected", async () => {
    const ada = admin(ids.ada, ids.acme);
    // Refusals for bad input cost no token.
    await expectCode(ada.action(api.admin.invite, { email: "not-an-email", role: "org:member" }), "INVALID_ARGUMENT");
    await inviteMany(ada, "ada", LIMITS.inviteByUser.capacity);

    const refused = await expectCode(ada.action(api.admin.invite, { email: "one-too-many@example.com", role: "org:member" }), "RATE_LIMITED");
    expect(refused.message).toMatch(/^You have sent too many invitations\. Try again in \d+ (second|minute)s?\.$/);
    expect(refused.retryAfter).toBeGreaterThan(0);
    // Nothing reached the provider or the component.
    const sent = await providerInvitations(ids.acme);
    expect(sent.count).toBe(LIMITS.inviteByUser.capacity);
    expect(sent.emails).not.toContain("one-too-many@example.com");
    await local.drain();
    expect(await ada.query(api.members.invitations, {})).toHaveLength(LIMITS.inviteByUser.capacity);

    // Grace, admin of Globex, has her own buckets.
    const grace = admin(ids.grace, ids.globex);
    await grace.action(api.admin.invite, { email: "globex-new@example.com", role: "org:member" });
    expect((await providerInvitations(ids.globex)).emails).toContain("globex-new@example.com");
  });

  test("the per-org limit holds across admins; a refusal takes no token from the other limit", async () => {
    const ada = admin(ids.ada, ids.acme);
    await ada.action(api.admin.changeRole, { userId: ids.bob, role: "org:admin" });
    const bob = admin(ids.bob, ids.acme);

    await inviteMany(ada, "ada", LIMITS.inviteByUser.capacity);
    // Ada's own bucket is empty: refused, and Acme's bucket keeps the token it
    // would have given (the two limits are taken all or none).
    await expectCode(ada.action(api.admin.invite, { email: "ada-extra@example.com", role: "org:member" }), "RATE_LIMITED");

    // Bob has a full bucket of his own, but Acme has only 30 - 20 = 10 left.
    const orgLeft = LIMITS.inviteByOrg.capacity - LIMITS.inviteByUser.capacity;
    await inviteMany(bob, "bob", orgLeft);
    const refused = await expectCode(bob.action(api.admin.invite, { email: "bob-extra@example.com", role: "org:member" }), "RATE_LIMITED");
    expect(refused.message).toMatch(/^This organization has sent too many invitations\. Try again in /);

    const sent = await providerInvitations(ids.acme);
    expect(sent.count).toBe(LIMITS.inviteByOrg.capacity);
    expect(sent.emails).not.toContain("ada-extra@example.com");
    expect(sent.emails).not.toContain("bob-extra@example.com");

    // Globex's bucket is its own.
    await admin(ids.grace, ids.globex).action(api.admin.invite, { email: "globex-new@example.com", role: "org:member" });
  });

  test("creating organizations is limited per user; other users are not affected", async () => {
    const sam = as(t, tokenV2(ids.sam));
    const orgsInProvider = async () => (await local.clerk.organizations.getOrganizationList({ limit: 100 })).totalCount;
    const before = await orgsInProvider();
    for (let i = 0; i < LIMITS.createOrgByUser.capacity; i++) {
      await sam.action(api.admin.createOrganization, { name: `Sam's org ${i}` });
    }
    const refused = await expectCode(sam.action(api.admin.createOrganization, { name: "One too many" }), "RATE_LIMITED");
    expect(refused.message).toMatch(/^You have created too many organizations\. Try again in /);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(await orgsInProvider()).toBe(before + LIMITS.createOrgByUser.capacity);
    expect((await sam.query(api.me.get, {})).orgs.map((o) => o.name)).not.toContain("One too many");

    const { orgId } = await as(t, tokenV2(ids.bob)).action(api.admin.createOrganization, { name: "Bob's own" });
    expect(orgId).toMatch(/^org_/);
  });

  test("the retry hint rounds up to a unit people read", () => {
    expect(inAbout(1)).toBe("in 1 second");
    expect(inAbout(45_000)).toBe("in 45 seconds");
    expect(inAbout(72_000)).toBe("in 2 minutes");
    expect(inAbout(180_000)).toBe("in 3 minutes");
    expect(inAbout(2 * 60 * 60_000)).toBe("in 2 hours");
  });
});
