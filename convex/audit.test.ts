// @vitest-environment node
/**
 * The audit log and sync health, end to end against the local identity
 * provider: admin actions are recorded as the app's, with their actor; what
 * happens in Clerk arrives by webhook and is recorded as Clerk's; the
 * webhook that confirms an app change adds nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { setupConvex, type TestApp } from "../test/convex";
import { signed } from "../test/clerk";
import { startLocalClerk } from "../test/localClerk";
import { untilFinished } from "../test/reconcile";
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

const page = (numItems = 50) => ({ paginationOpts: { numItems, cursor: null } });
const adaInAcme = () => as(t, tokenV2(ids.ada, { id: ids.acme, role: "admin" }));
/** Acme's log, oldest first, as "kind source actor→subject" lines. */
async function acmeLog() {
  const { page: entries } = await adaInAcme().query(api.audit.list, page());
  return entries
    .reverse()
    .map((e) => `${e.kind} ${e.source} ${e.actor?.name ?? "-"}→${e.subject?.email ?? e.subject?.name ?? e.name ?? "-"}`);
}

describe("audit log", { timeout: 30_000 }, () => {
  test("records who did what, from the app or from Clerk, once each", async () => {
    const ada = adaInAcme();
    await ada.action(api.admin.invite, { email: "new@example.com", role: "org:member" });
    const [invitation] = await ada.query(api.members.invitations, {});
    await local.acceptInvitation(invitation!.invitationId); // in Clerk: arrives by webhook
    await local.drain();
    await ada.action(api.admin.changeRole, { userId: ids.bob, role: "org:admin" });
    await ada.action(api.admin.removeMember, { userId: ids.bob });
    await ada.action(api.admin.invite, { email: "later@example.com", role: "org:admin" });
    const [later] = await ada.query(api.members.invitations, {});
    await ada.action(api.admin.revokeInvitation, { invitationId: later!.invitationId });
    await ada.action(api.admin.renameOrganization, { name: "Acme Corp" });
    const listId = await ada.mutation(api.lists.create, { name: "Launch" });
    await ada.mutation(api.lists.remove, { listId });
    await local.clerk.organizations.updateOrganization(ids.acme, { name: "Acme Inc" }); // in Clerk's dashboard
    await local.drain(); // every webhook confirming the app's changes arrives: no second entry

    expect(await acmeLog()).toEqual([
      // The seeded demo, made in Clerk.
      "member.added clerk -→Ada Admin",
      "member.added clerk -→Bob Member",
      "member.added clerk -→Sam Both",
      "invitation.created app Ada Admin→new@example.com",
      // Accepted in Clerk by the invitee (who has no name yet: shown by email): one
      // entry, though the acceptance and the membership it creates are two webhooks.
      "invitation.accepted clerk new@example.com→new@example.com",
      "member.roleChanged app Ada Admin→Bob Member",
      "member.removed app Ada Admin→Bob Member",
      "invitation.created app Ada Admin→later@example.com",
      "invitation.revoked app Ada Admin→later@example.com",
      "org.renamed app Ada Admin→Acme Corp",
      "list.created app Ada Admin→Launch",
      "list.deleted app Ada Admin→Launch",
      "org.renamed clerk -→Acme Inc",
    ]);
    const { page: [renamed] } = await ada.query(api.audit.list, { kind: "org.renamed", ...page(1) });
    expect(renamed).toMatchObject({ name: "Acme Inc", previousName: "Acme Corp", source: "clerk", actor: null });
    const { page: [promoted] } = await ada.query(api.audit.list, { kind: "member.roleChanged", ...page() });
    expect(promoted).toMatchObject({ role: "org:admin", previousRole: "org:member", actor: { userId: ids.ada } });
  });

  test("filterable by kind, paginated, and for the org's admins only", async () => {
    const ada = adaInAcme();
    for (const name of ["One", "Two", "Three"]) await ada.mutation(api.lists.create, { name });
    await ada.action(api.admin.renameOrganization, { name: "Acme Corp" });

    const first = await ada.query(api.audit.list, { kind: "list.created", paginationOpts: { numItems: 2, cursor: null } });
    expect(first.page.map((e) => e.name)).toEqual(["Three", "Two"]);
    const rest = await ada.query(api.audit.list, { kind: "list.created", paginationOpts: { numItems: 2, cursor: first.continueCursor } });
    expect(rest.page.map((e) => e.name)).toEqual(["One"]);
    expect(rest.isDone).toBe(true);

    await expectCode(as(t, tokenV2(ids.bob, { id: ids.acme, role: "member" })).query(api.audit.list, page()), "FORBIDDEN");
    // Globex's admin sees Globex's log (its two seeded members), nothing of Acme's.
    const grace = as(t, tokenV2(ids.grace, { id: ids.globex, role: "admin" }));
    const globexLog = (await grace.query(api.audit.list, page())).page;
    expect(globexLog.map((e) => `${e.kind} ${e.subject?.name}`).sort()).toEqual(["member.added Grace Admin", "member.added Sam Both"]);
    // A kind that is not one: refused by the validator.
    await expect(ada.query(api.audit.list, { kind: "org.deleted" as "org.renamed", ...page() })).rejects.toThrow(/Validator/);
  });
});

describe("sync health", { timeout: 30_000 }, () => {
  test("shows the last webhook and counts refused deliveries", async () => {
    const ada = adaInAcme();
    const before = await ada.query(api.syncHealth.get, {});
    expect(before.lastWebhook).toMatchObject({ outcome: "applied" });
    expect(before.rejectedLast24h).toEqual({ signature: 0, payload: 0, size: 0, instance: 0 });

    const body = JSON.stringify({ type: "user.created", data: {} });
    const forged = signed(body, { secret: "whsec_" + btoa("not-the-secret-0123456789abcdef") });
    expect((await t.fetch("/clerk-webhook", { method: "POST", headers: forged.headers, body })).status).toBe(401);
    expect((await t.fetch("/clerk-webhook", { method: "POST", headers: signed(body).headers, body })).status).toBe(400);
    const huge = "x".repeat(1024 * 1024 + 1);
    expect((await t.fetch("/clerk-webhook", { method: "POST", headers: signed(huge).headers, body: huge })).status).toBe(413);

    const after = await ada.query(api.syncHealth.get, {});
    expect(after.rejectedLast24h).toEqual({ signature: 1, payload: 1, size: 1, instance: 0 });
    await expectCode(as(t, tokenV2(ids.bob, { id: ids.acme, role: "member" })).query(api.syncHealth.get, {}), "FORBIDDEN");
  });

  test("an admin starts a re-sync, sees its progress, and cannot start a second meanwhile", async () => {
    const ada = adaInAcme();
    expect((await ada.query(api.syncHealth.get, {})).reconciliation).toEqual({ active: null, last: null });
    await ada.mutation(api.syncHealth.reconcile, {});
    const { reconciliation } = await ada.query(api.syncHealth.get, {});
    expect(reconciliation.active).toMatchObject({ status: "running", trigger: "admin", phase: "users" });
    expect(reconciliation.active).not.toHaveProperty("counts"); // instance-wide figures stay out
    await expectCode(ada.mutation(api.syncHealth.reconcile, {}), "CONFLICT");

    await untilFinished(t);
    const done = await ada.query(api.syncHealth.get, {});
    expect(done.reconciliation.active).toBeNull();
    expect(done.reconciliation.last).toMatchObject({ status: "succeeded", progress: 1, error: null });
  });
});
