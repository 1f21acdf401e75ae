/**
 * The Clerk emulator as the Clerk Backend API for convex-test: the
 * admin actions call it over HTTP, and its webhooks are forwarded into the
 * test deployment's /clerk-webhook route — the whole loop, in one process.
 * Needs the Node test environment (`// @vitest-environment node`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClerkClient } from "@clerk/backend";
import { startClerk } from "../local/clerk/server";
import { WEBHOOK_SECRET, type TestApp } from "./convex";

const SECRET_KEY = "sk_test_admin_actions";
/** The app's origin as the deployment knows it (APP_URL): invitation links return to its /sign-in. */
export const APP_URL = "https://todos.example.test";

async function withEnv<T>(name: string, value: string | undefined, fn: () => Promise<T>): Promise<T> {
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

export async function startLocalClerk(t: TestApp) {
  let accepting = true;
  let dropRate = 0;
  const forwarder = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!accepting) return void res.writeHead(503).end();
    // Lost for good: the sender sees success, the deployment never sees it.
    if (Math.random() < dropRate) return void res.writeHead(204).end();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const answer = await t.fetch("/clerk-webhook", { method: "POST", headers, body: Buffer.concat(chunks).toString() });
    res.writeHead(answer.status).end(await answer.text());
  });
  await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
  const dataDir = mkdtempSync(join(tmpdir(), "clerk-admin-"));
  const clerkServer = await startClerk({
    port: 0,
    dataDir,
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}/clerk-webhook`,
    retry: { baseMs: 10, maxMs: 50 },
    logger: { info: () => {}, warn: () => {}, error: console.error },
  });
  process.env.CLERK_SECRET_KEY = SECRET_KEY;
  process.env.CLERK_API_URL = clerkServer.url;
  process.env.APP_URL = APP_URL;
  const clerk = createClerkClient({ secretKey: SECRET_KEY, apiUrl: clerkServer.url });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${clerkServer.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/json" },
    }).then((r) => r.json());

  return {
    clerk,
    /** Webhooks are answered 503 (and retried later) while paused. */
    pauseWebhooks: () => void (accepting = false),
    resumeWebhooks: () => void (accepting = true),
    /** The provider's Backend API URL. */
    url: clerkServer.url,
    /** Runs `fn` with the deployment's functions calling the Backend API at `apiUrl` (a proxy) instead. */
    withApiUrl: <T>(apiUrl: string, fn: () => Promise<T>) => withEnv("CLERK_API_URL", apiUrl, fn),
    /** Runs `fn` as a deployment with no CLERK_SECRET_KEY. */
    withoutSecretKey: <T>(fn: () => Promise<T>) => withEnv("CLERK_SECRET_KEY", undefined, fn),
    /** Runs `fn` as a deployment with no APP_URL. */
    withoutAppUrl: <T>(fn: () => Promise<T>) => withEnv("APP_URL", undefined, fn),
    /** From now on this fraction of deliveries (0–1) is lost without a retry. */
    dropWebhooks: (rate: number) => void (dropRate = rate),
    /** A synthetic directory (see local/clerk/testing.ts); `webhooks: false` sends none of it. */
    bulk: (input: { users: number; organizations: number; members_per_org: number; webhooks?: boolean }) =>
      api("/v1/testing/bulk", { method: "POST", body: JSON.stringify(input) }),
    /** Waits until every webhook the provider queued has been delivered. */
    async drain(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await api("/v1/testing/webhooks")).pending.length > 0) {
        if (Date.now() > deadline) throw new Error("webhooks still pending");
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async userId(email: string) {
      const { data: [user] } = await clerk.users.getUserList({ emailAddress: [email] });
      if (!user) throw new Error(`no user ${email}`);
      return user.id;
    },
    async orgId(slug: string) {
      return (await clerk.organizations.getOrganization({ slug })).id;
    },
    /** The seeded demo's ids (local/clerk/seed.ts): four users, two orgs. */
    async demoIds() {
      return {
        ada: await this.userId("ada@acme.test"),
        bob: await this.userId("bob@acme.test"),
        grace: await this.userId("grace@globex.test"),
        sam: await this.userId("sam@both.test"),
        acme: await this.orgId("acme"),
        globex: await this.orgId("globex"),
      };
    },
    acceptInvitation: (invitationId: string) =>
      api(`/v1/testing/invitations/${invitationId}/accept`, { method: "POST", body: "{}" }),
    async close() {
      await clerkServer.close();
      await new Promise((resolve) => forwarder.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
      delete process.env.CLERK_SECRET_KEY;
      delete process.env.CLERK_API_URL;
      delete process.env.APP_URL;
    },
  };
}
