/**
 * The whole local stack under the delivery conditions Clerk really produces:
 * the identity provider in chaos mode (every webhook delivered twice, out of
 * order, late) feeding the local Convex backend. After a burst of changes,
 * what the app reads through the component equals the provider's state.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClerkClient } from "@clerk/backend";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { startBackend, type Backend } from "./backend/server";
import { startClerk, type ClerkServer } from "./clerk/server";

const SECRET_KEY = "sk_local_sync_test";
const WEBHOOK_SECRET = "whsec_" + Buffer.from("local-sync-test-secret-0123456789").toString("base64");
let dataDir: string;
let backend: Backend;
let provider: ClerkServer;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "local-sync-"));
  const [port, sitePort, clerkPort] = [await freePort(), await freePort(), await freePort()];
  const clerkUrl = `http://127.0.0.1:${clerkPort}`;
  backend = await startBackend({
    port,
    sitePort,
    dataDir,
    projectDir: fileURLToPath(new URL("..", import.meta.url)),
    watch: false,
    env: { CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET, LOCAL_CLERK_ISSUER: clerkUrl },
    logger: () => {},
  });
  provider = await startClerk({
    port: clerkPort,
    dataDir,
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `${backend.siteUrl}/clerk-webhook`,
    chaos: { duplicates: 1, reorder: true, delayMs: 40 },
    retry: { baseMs: 20, maxMs: 200 },
    logger: { info: () => {}, warn: () => {}, error: console.error },
  });
}, 60_000);

afterAll(async () => {
  await provider?.close();
  await backend?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const testing = async <T>(path: string, body: object = {}, method = "POST") =>
  (await fetch(`${provider.url}/v1/testing/${path}`, {
    method,
    headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/json" },
    body: method === "GET" ? undefined : JSON.stringify(body),
  }).then((r) => r.json())) as T;

async function drained() {
  const deadline = Date.now() + 20_000;
  while ((await testing<{ pending: unknown[] }>("webhooks", {}, "GET")).pending.length > 0) {
    if (Date.now() > deadline) throw new Error("webhooks still pending");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What the app shows `userId` through the component: their orgs and roles. */
async function seenBy(userId: string) {
  const { jwt } = await testing<{ jwt: string }>("sessions", { user_id: userId });
  const client = new ConvexHttpClient(backend.url);
  client.setAuth(jwt);
  const me = await client.query(api.me.get, {});
  return me.orgs.map((o) => ({ orgId: o.orgId, name: o.name, role: o.role })).sort((a, b) => a.orgId.localeCompare(b.orgId));
}

test("after duplicated, reordered, delayed delivery, every user's orgs and roles equal the provider's", async () => {
  const clerk = createClerkClient({ secretKey: SECRET_KEY, apiUrl: provider.url });
  const users = [];
  for (const name of ["Ann", "Ben", "Cat", "Dan"]) {
    users.push(await clerk.users.createUser({ firstName: name, lastName: "Test", emailAddress: [`${name.toLowerCase()}@sync.test`] }));
  }
  const [ann, ben, cat, dan] = users.map((u) => u.id) as [string, string, string, string];
  const north = await clerk.organizations.createOrganization({ name: "North", createdBy: ann });
  const south = await clerk.organizations.createOrganization({ name: "South", createdBy: ben });
  const doomed = await clerk.organizations.createOrganization({ name: "Doomed", createdBy: cat });
  await clerk.organizations.createOrganizationMembership({ organizationId: north.id, userId: ben, role: "org:member" });
  await clerk.organizations.createOrganizationMembership({ organizationId: north.id, userId: cat, role: "org:member" });
  await clerk.organizations.createOrganizationMembership({ organizationId: south.id, userId: dan, role: "org:member" });
  await clerk.organizations.createOrganizationMembership({ organizationId: doomed.id, userId: dan, role: "org:member" });
  await clerk.organizations.updateOrganizationMembership({ organizationId: north.id, userId: ben, role: "org:admin" });
  await clerk.organizations.deleteOrganizationMembership({ organizationId: north.id, userId: cat });
  await clerk.organizations.createOrganizationMembership({ organizationId: north.id, userId: cat, role: "org:admin" });
  await clerk.organizations.updateOrganization(south.id, { name: "South Pole" });
  await clerk.organizations.deleteOrganization(doomed.id);
  await clerk.users.updateUser(dan, { firstName: "Daniel" });

  await drained();
  const delivered = await testing<{ delivered_count: number }>("webhooks", {}, "GET");
  expect(delivered.delivered_count).toBeGreaterThan(20); // duplicates included

  for (const userId of [ann, ben, cat, dan]) {
    const { data } = await clerk.users.getOrganizationMembershipList({ userId });
    const truth = data
      .map((m) => ({ orgId: m.organization.id, name: m.organization.name, role: m.role }))
      .sort((a, b) => a.orgId.localeCompare(b.orgId));
    expect(await seenBy(userId), userId).toEqual(truth);
  }
  expect(await seenBy(dan)).toEqual([{ orgId: south.id, name: "South Pole", role: "org:member" }]);
}, 60_000);
