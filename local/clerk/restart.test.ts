import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { demo, startHarness, waitFor, type Harness } from "./testkit";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("restart", () => {
  it("keeps users, organizations, sessions and the signing key; does not seed twice", async () => {
    h = await startHarness();
    const ids = await demo(h);
    const org = await h.client.organizations.createOrganization({ name: "Persisted", createdBy: ids.sam });
    const res = await h.api("POST", "/v1/testing/sessions", { user_id: ids.sam, org_id: org.id });
    const { session_id, jwt } = (await res.json()) as { session_id: string; jwt: string };

    await h.restart();

    // A token minted before the restart verifies against the restarted provider's JWKS.
    const jwks = createRemoteJWKSet(new URL(`${h.clerk.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(jwt, jwks, { issuer: h.clerk.url, audience: "convex" });
    expect(payload).toMatchObject({ sub: ids.sam, sid: session_id, o: { id: org.id, rol: "admin" } });

    expect((await h.client.users.getUserList()).totalCount).toBe(4);
    expect((await h.client.organizations.getOrganizationList()).data.map((o) => o.name).sort()).toEqual(["Acme", "Globex", "Persisted"]);
    expect(await demo(h)).toEqual(ids);
    // The session survives too: it still mints tokens.
    expect((await h.api("POST", `/v1/testing/sessions/${session_id}/tokens`, {})).status).toBe(200);
  });

  it("keeps undelivered webhooks across a restart and delivers them afterwards with the same svix-ids", async () => {
    h = await startHarness({ retry: { attempts: 1000, baseMs: 5, maxMs: 10 } }, () => 503); // the backend is "down"
    await waitFor(() => new Set(h!.receiver.received.map((r) => r.svixId)).size === 11, "a first attempt of each seed event");
    const attempted = new Set(h.receiver.received.map((r) => r.svixId));
    await h.clerk.close();
    const saved = JSON.parse(readFileSync(join(h.dataDir, "clerk.json"), "utf8")) as { deliveries: { svix_id: string }[] };
    expect(new Set(saved.deliveries.map((d) => d.svix_id))).toEqual(attempted);

    h.receiver.respond = () => 200;
    await h.restart();
    // At least once: an attempt cut off by the shutdown may also count as delivered, so compare ids, not counts.
    const delivered = () => new Set(h!.receiver.delivered.map((r) => r.svixId));
    await waitFor(() => delivered().size >= 11, "the outbox after restart");
    expect(delivered()).toEqual(attempted);
  });
});
