import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "./seed";
import { demo, FapiBrowser, startHarness, waitFor, type Harness, type Received } from "./testkit";

/** Every delivery a receiver saw is svix-verified and accepted by the sync component's parser. */
function expectAllValid(received: Received[]) {
  for (const r of received) {
    expect(r.signatureOk, `${r.type} ${r.svixId} signature`).toBe(true);
    expect(r.parsed, `${r.type} ${r.svixId} payload`).toMatchObject({ ok: true });
  }
}

describe("webhooks for every change", () => {
  let h: Harness;
  let ids: Awaited<ReturnType<typeof demo>>;

  beforeAll(async () => {
    h = await startHarness();
    ids = await demo(h);
  });
  afterAll(() => h.close());
  afterEach(() => expectAllValid(h.receiver.received));

  /** Waits for the event and checks the change kind `parseClerkEvent` derived from it. */
  async function expectEvent(type: string, kind: string, match: (data: Record<string, unknown>) => boolean) {
    const r = await h.receiver.waitForEvent(type, match);
    expect(r.parsed).toEqual({ ok: true, kind });
    return r;
  }

  it("delivers the seeded demo: users, organizations, memberships", async () => {
    await waitFor(() => h.receiver.delivered.length >= 11, "the seed's 11 events");
    const types = h.receiver.delivered.slice(0, 11).map((r) => r.type);
    expect(types.filter((t) => t === "user.created")).toHaveLength(4);
    expect(types.filter((t) => t === "organization.created")).toHaveLength(2);
    expect(types.filter((t) => t === "organizationMembership.created")).toHaveLength(5);
    const body = h.receiver.delivered[0]!;
    expect(body.svixId).toMatch(/^msg_/);
  });

  it("sends the Clerk envelope with an svix signature", async () => {
    const user = await h.client.users.createUser({ emailAddress: ["env@example.test"], firstName: "Env" });
    const r = await expectEvent("user.created", "user.upsert", (d) => d.id === user.id);
    expect(r.data).toMatchObject({ id: user.id, object: "user", first_name: "Env", primary_email_address_id: expect.stringMatching(/^idn_/) });
    expect(r.envelope).toMatchObject({
      type: "user.created",
      object: "event",
      instance_id: expect.stringMatching(/^ins_/),
      timestamp: expect.any(Number),
      event_attributes: { http_request: expect.any(Object) },
    });
    expect(r.signatureOk).toBe(true);
  });

  it("user sign-up, profile edit and deletion", async () => {
    const user = await h.client.users.createUser({ emailAddress: ["u@example.test"], firstName: "U" });
    await expectEvent("user.created", "user.upsert", (d) => d.id === user.id);
    await h.client.users.updateUser(user.id, { firstName: "Ursula" });
    await expectEvent("user.updated", "user.upsert", (d) => d.id === user.id && d.first_name === "Ursula");
    await h.client.users.deleteUser(user.id);
    const deleted = await expectEvent("user.deleted", "user.delete", (d) => d.id === user.id);
    expect(deleted.data).toEqual({ id: user.id, object: "user", deleted: true });
  });

  it("profile edit through the Frontend API (what <UserProfile/> calls)", async () => {
    const browser = new FapiBrowser(h);
    await browser.signIn("bob@acme.test", DEMO_PASSWORD);
    expect((await browser.call("PATCH", "/me", { last_name: "Builder" })).status).toBe(200);
    await expectEvent("user.updated", "user.upsert", (d) => d.id === ids.bob && d.last_name === "Builder");
  });

  it("organization create, rename and delete", async () => {
    const org = await h.client.organizations.createOrganization({ name: "Hooli", createdBy: ids.ada });
    const created = await expectEvent("organization.created", "organization.upsert", (d) => d.id === org.id);
    expect(created.data).toMatchObject({ object: "organization", name: "Hooli", slug: "hooli", created_by: ids.ada });
    await expectEvent("organizationMembership.created", "membership.upsert", (d) => (d.organization as { id: string }).id === org.id);

    await h.client.organizations.updateOrganization(org.id, { name: "Hooli XYZ" });
    const updated = await expectEvent("organization.updated", "organization.upsert", (d) => d.id === org.id);
    expect(updated.data.name).toBe("Hooli XYZ");
    expect(updated.data.updated_at as number).toBeGreaterThan(created.data.updated_at as number);

    await h.client.organizations.deleteOrganization(org.id);
    const deleted = await expectEvent("organization.deleted", "organization.delete", (d) => d.id === org.id);
    expect(deleted.data).toEqual({ id: org.id, object: "organization", deleted: true });
  });

  it("membership add, role change and removal, each with the full object", async () => {
    await h.client.organizations.createOrganizationMembership({ organizationId: ids.globex, userId: ids.ada, role: "org:member" });
    const ofAda = (d: Record<string, unknown>) => (d.public_user_data as { user_id: string }).user_id === ids.ada && (d.organization as { id: string }).id === ids.globex;
    const created = await expectEvent("organizationMembership.created", "membership.upsert", ofAda);
    expect(created.data).toMatchObject({
      object: "organization_membership",
      role: "org:member",
      organization: { id: ids.globex, slug: "globex", name: "Globex" },
      public_user_data: { user_id: ids.ada, identifier: "ada@acme.test", first_name: "Ada", last_name: "Admin" },
    });

    await h.client.organizations.updateOrganizationMembership({ organizationId: ids.globex, userId: ids.ada, role: "org:admin" });
    const updated = await expectEvent("organizationMembership.updated", "membership.upsert", ofAda);
    expect(updated.data.role).toBe("org:admin");

    await h.client.organizations.deleteOrganizationMembership({ organizationId: ids.globex, userId: ids.ada });
    const deleted = await expectEvent("organizationMembership.deleted", "membership.delete", ofAda);
    expect(deleted.data).toMatchObject({ id: created.data.id, role: "org:admin", organization: { id: ids.globex } });
    expect(deleted.data.updated_at as number).toBeGreaterThan(updated.data.updated_at as number);
  });

  it("invitation create, accept (with its membership) and revoke", async () => {
    const inv = await h.client.organizations.createOrganizationInvitation({ organizationId: ids.acme, emailAddress: "kim@new.test", role: "org:member" });
    const created = await expectEvent("organizationInvitation.created", "invitation.upsert", (d) => d.id === inv.id);
    expect(created.data).toMatchObject({ email_address: "kim@new.test", organization_id: ids.acme, status: "pending" });

    // Nobody has that email yet: accepting signs Kim up, then adds the membership.
    const accept = await h.api("POST", `/v1/testing/invitations/${inv.id}/accept`, {});
    expect(accept.status).toBe(200);
    const { membership } = (await accept.json()) as { membership: { public_user_data: { user_id: string } } };
    const kim = membership.public_user_data.user_id;
    await expectEvent("user.created", "user.upsert", (d) => d.id === kim);
    const accepted = await expectEvent("organizationInvitation.accepted", "invitation.upsert", (d) => d.id === inv.id);
    expect(accepted.data).toMatchObject({ status: "accepted", user_id: kim });
    await expectEvent("organizationMembership.created", "membership.upsert", (d) => (d.public_user_data as { user_id: string }).user_id === kim);

    const other = await h.client.organizations.createOrganizationInvitation({ organizationId: ids.acme, emailAddress: "lee@new.test", role: "org:admin" });
    await h.client.organizations.revokeOrganizationInvitation({ organizationId: ids.acme, invitationId: other.id });
    const revoked = await expectEvent("organizationInvitation.revoked", "invitation.upsert", (d) => d.id === other.id);
    expect(revoked.data.status).toBe("revoked");
  });

  it("sign-in", async () => {
    const res = await h.api("POST", "/v1/testing/sessions", { user_id: ids.grace, org_id: ids.globex });
    const { session_id } = (await res.json()) as { session_id: string };
    const r = await expectEvent("session.created", "session.created", (d) => d.id === session_id);
    expect(r.data).toMatchObject({ object: "session", user_id: ids.grace, status: "active", last_active_organization_id: ids.globex });
  });
});

describe("resync", () => {
  it("replays the directory as upserts (for a backend whose data was reset)", async () => {
    const h = await startHarness();
    try {
      const ids = await demo(h);
      await waitFor(() => h.receiver.delivered.length >= 11, "the seed");
      const res = await h.api("POST", "/v1/testing/resync");
      expect(await res.json()).toEqual({ queued: 11 });
      const replayed = await h.receiver.waitForEvent("organizationMembership.updated", (d) => (d.public_user_data as { user_id: string }).user_id === ids.sam);
      expect(replayed.parsed).toEqual({ ok: true, kind: "membership.upsert" });
      await waitFor(() => h.receiver.delivered.length >= 22, "the replay");
      expectAllValid(h.receiver.received);
    } finally {
      await h.close();
    }
  });
});

describe("delivery", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("retries failures with backoff and delivers on the 3rd attempt with the same svix-id", async () => {
    h = await startHarness({ seed: false });
    h.receiver.respond = (_id, attempt) => (attempt <= 2 ? 500 : 200);
    const org = await h.client.organizations.createOrganization({ name: "Retry" });
    const delivered = await h.receiver.waitForEvent("organization.created", (d) => d.id === org.id);
    const attempts = h.receiver.received.filter((r) => r.svixId === delivered.svixId);
    expect(attempts.map((r) => [r.attempt, r.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expectAllValid(attempts);
    const status = (await (await h.api("GET", "/v1/testing/webhooks")).json()) as { pending: unknown[]; delivered_count: number };
    expect(status).toMatchObject({ pending: [], delivered_count: 1 });
  });

  it("gives up after the configured attempts on network errors, and logs it", async () => {
    const errors: string[] = [];
    h = await startHarness({
      seed: false,
      webhookUrl: "http://127.0.0.1:9/clerk-webhook", // discard port: connection refused
      retry: { attempts: 3, baseMs: 5, maxMs: 20 },
      logger: { info: () => {}, warn: () => {}, error: (message: string) => errors.push(message) },
    });
    await h.client.organizations.createOrganization({ name: "Lost" });
    const status = await waitFor(async () => {
      const s = (await (await h!.api("GET", "/v1/testing/webhooks")).json()) as { pending: unknown[]; failed: { type: string; attempts: number }[] };
      return s.failed.length > 0 && s;
    }, "the message to fail");
    expect(status.pending).toEqual([]);
    expect(status.failed).toMatchObject([{ type: "organization.created", attempts: 3 }]);
    expect(errors[0]).toMatch(/gave up on organization.created msg_\w+ after 3 attempts/);
  });

  it("chaos mode delivers duplicates with the same svix-id, reordered", async () => {
    h = await startHarness({ chaos: { duplicates: 1, reorder: true, delayMs: 30 } });
    await waitFor(() => h!.receiver.delivered.length >= 22, "every seed event twice");
    const received = h.receiver.delivered;
    expectAllValid(received);
    const counts = new Map<string, number>();
    for (const r of received) counts.set(r.svixId, (counts.get(r.svixId) ?? 0) + 1);
    expect(counts.size).toBe(11);
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
    // The envelope timestamp is the (strictly increasing) time of queueing: chaos must not keep that order.
    const firstSeen = [...counts.keys()].map((id) => received.find((r) => r.svixId === id)!);
    const queued = [...firstSeen].sort((a, b) => (a.envelope.timestamp as number) - (b.envelope.timestamp as number));
    expect(firstSeen.map((r) => r.svixId)).not.toEqual(queued.map((r) => r.svixId));
  });
});
