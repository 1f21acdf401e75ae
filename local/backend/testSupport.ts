/**
 * Test helpers for the backend's tests: a tiny OIDC issuer (RS256 keys,
 * openid-configuration, JWKS) that mints Clerk-shaped session tokens, a
 * copy of the project's convex/ to run against, the real `convex` clients
 * pointed at a backend on free ports, and signed Clerk webhooks.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import type { FunctionArgs, FunctionReference, FunctionReturnType } from "convex/server";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll } from "vitest";
import WebSocket from "ws";
import { event, membership, organization, signed, type ClerkEvent } from "../../test/clerk";
import { WEBHOOK_SECRET } from "../../test/convex";
import type { LogEntry } from "./log";
import { startBackend, type Backend } from "./server";

export const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));

export type Issuer = {
  url: string;
  /** A session token v2 (`o: { id, slg, rol, per }`); options make it invalid in one way. */
  token(
    userId: string,
    org?: { id: string; role?: string },
    o?: { audience?: string; expiresIn?: number; noExpiry?: boolean; forgeSignature?: boolean; issuer?: string },
  ): Promise<string>;
  close(): Promise<void>;
};

export async function startIssuer(): Promise<Issuer> {
  const keys = await generateKeyPair("RS256", { extractable: true });
  const forged = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  let url = "";
  const server = createServer((req, res) => {
    const body =
      req.url === "/.well-known/openid-configuration"
        ? { issuer: url, jwks_uri: `${url}/.well-known/jwks.json` }
        : req.url === "/.well-known/jwks.json"
          ? { keys: [jwk] }
          : null;
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? { error: "not found" }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async token(userId, org, o = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = { sid: `sess_${userId}`, v: 2, name: `Name ${userId}`, email: `${userId}@example.com` };
      if (org) claims.o = { id: org.id, slg: org.id.replace(/_/g, "-"), rol: org.role ?? "member" };
      const expiresIn = o.expiresIn ?? 120;
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "test-key", typ: "JWT" })
        .setSubject(userId)
        .setIssuer(o.issuer ?? url)
        .setAudience(o.audience ?? "convex")
        .setIssuedAt(Math.min(now, now + expiresIn - 60));
      if (!o.noExpiry) jwt.setExpirationTime(now + expiresIn);
      return await jwt.sign(o.forgeSignature ? forged.privateKey : keys.privateKey);
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A temp project holding a copy of convex/ (tests excluded) plus `extra` files under convex/. */
export function copyProject(extra: Record<string, string> = {}): { dir: string; write(file: string, source: string): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "local-backend-project-"));
  cpSync(join(PROJECT_DIR, "convex"), join(dir, "convex"), { recursive: true, filter: (src) => !/\.test\.ts$/.test(src) });
  const write = (file: string, source: string) => writeFileSync(join(dir, "convex", file), source);
  for (const [file, source] of Object.entries(extra)) write(file, source);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), "local-backend-data-"));

export type TestBackend = Backend & { logs: LogEntry[]; dataDir: string };

export async function startTestBackend(o: { projectDir: string; dataDir?: string; issuer: Issuer; watch?: boolean }): Promise<TestBackend> {
  const logs: LogEntry[] = [];
  const dataDir = o.dataDir ?? tempDataDir();
  const ownsDataDir = o.dataDir === undefined;
  const backend = await startBackend({
    port: 0,
    sitePort: 0,
    dataDir,
    projectDir: o.projectDir,
    watch: o.watch ?? false,
    env: { CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET, LOCAL_CLERK_ISSUER: o.issuer.url, CLERK_JWT_ISSUER_DOMAIN: undefined },
    logger: (entry) => logs.push(entry),
  });
  const close = async () => {
    await backend.close();
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { ...backend, close, logs, dataDir };
}

/**
 * A backend for a whole test file, on a copy of convex/ (plus `extra`
 * modules), with Alice (admin) and Bob (member) in org_a and Carol (admin)
 * in org_b, synced by signed webhooks. Its fields are set before the tests
 * run; clients pushed to `clients` are closed after them.
 */
export function seededBackend(extra: Record<string, string> = {}) {
  const world = { issuer: undefined as unknown as Issuer, backend: undefined as unknown as TestBackend, clients: [] as ConvexClient[] };
  let project: ReturnType<typeof copyProject> | undefined;
  beforeAll(async () => {
    world.issuer = await startIssuer();
    project = copyProject(extra);
    world.backend = await startTestBackend({ projectDir: project.dir, issuer: world.issuer });
    await addMember(world.backend.siteUrl, "org_a", "user_alice", "org:admin");
    await addMember(world.backend.siteUrl, "org_a", "user_bob", "org:member");
    await addMember(world.backend.siteUrl, "org_b", "user_carol", "org:admin");
  }, 30_000);
  afterAll(async () => {
    await Promise.all(world.clients.map((c) => c.close()));
    await world.backend?.close();
    await world.issuer?.close();
    project?.remove();
  });
  return world;
}

/** The real browser client over a real WebSocket; `token` signs it in and resolves once the server accepted it. */
export async function wsClient(url: string, token?: string): Promise<ConvexClient> {
  const client = new ConvexClient(url, { webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket, unsavedChangesWarning: false, logger: false });
  if (token) {
    const accepted = await authResult(client, async () => token);
    if (!accepted) throw new Error("token refused");
  }
  return client;
}

/** Sets auth on a client; resolves with whether the server accepted it. */
export function authResult(client: ConvexClient, fetchToken: () => Promise<string>): Promise<boolean> {
  return new Promise((done) => client.setAuth(fetchToken, (isAuthenticated) => done(isAuthenticated)));
}

export function httpClient(url: string, token?: string): ConvexHttpClient {
  const client = new ConvexHttpClient(url);
  if (token) client.setAuth(token);
  return client;
}

/** Resolves with the first result of the subscription that satisfies `until` (rejects on timeout). */
export function waitFor<Q extends FunctionReference<"query">>(
  client: ConvexClient,
  query: Q,
  args: FunctionArgs<Q>,
  until: (value: FunctionReturnType<Q>) => boolean,
  timeoutMs = 5000,
): Promise<FunctionReturnType<Q>> {
  return new Promise((resolve, reject) => {
    let last: unknown;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting; last value: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const unsubscribe = client.onUpdate(
      query,
      args,
      (value) => {
        last = value;
        if (!until(value)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      },
      (error) => {
        last = `error: ${error.message}`;
      },
    );
  });
}

/** A subscription kept open: `until` waits for a result matching the predicate (the latest one counts). */
export function subscribe<Q extends FunctionReference<"query">>(client: ConvexClient, query: Q, args: FunctionArgs<Q>) {
  type Result = FunctionReturnType<Q>;
  let latest: { value: Result } | undefined;
  let waiter: { until: (value: Result) => boolean; resolve: (value: Result) => void } | undefined;
  const unsubscribe = client.onUpdate(query, args, (value) => {
    latest = { value };
    if (waiter?.until(value)) waiter.resolve(value);
  });
  return {
    until(until: (value: Result) => boolean, timeoutMs = 5000): Promise<Result> {
      if (latest && until(latest.value)) return Promise.resolve(latest.value);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting; latest: ${JSON.stringify(latest?.value)}`)), timeoutMs);
        waiter = {
          until,
          resolve: (value) => {
            clearTimeout(timer);
            waiter = undefined;
            resolve(value);
          },
        };
      });
    },
    close: () => unsubscribe(),
  };
}

/** A raw WebSocket speaking the sync protocol, to check what the client library hides. */
export async function rawSession(url: string, sessionId: string = crypto.randomUUID()) {
  const socket = new WebSocket(`${url.replace("http", "ws")}/api/1.48.0/sync`);
  const received: Record<string, unknown>[] = [];
  socket.on("message", (data: Buffer) => received.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await new Promise((resolve) => socket.once("open", resolve));
  const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
  send({ type: "Connect", sessionId, connectionCount: 0, lastCloseReason: null, clientTs: Date.now() });
  /** The first message of that type (taken out of `received`); rejects after `timeoutMs`. */
  const next = async (type: string, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = received.findIndex((m) => m.type === type);
      if (index >= 0) return received.splice(index, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`no ${type}; got ${JSON.stringify(received)}`);
      await sleep(10);
    }
  };
  return { socket, send, next, received };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs a svix-signed Clerk event to the backend's webhook route. */
export async function deliver(siteUrl: string, e: ClerkEvent, o: { secret?: string } = {}): Promise<Response> {
  const body = JSON.stringify(e);
  const { headers } = signed(body, { secret: o.secret });
  return await fetch(`${siteUrl}/clerk-webhook`, { method: "POST", headers, body });
}

/** Makes `userId` a member of `orgId` the way production does: a signed `organizationMembership.created`. */
export async function addMember(siteUrl: string, orgId: string, userId: string, role = "org:member"): Promise<void> {
  const res = await deliver(siteUrl, event("organizationMembership.created", membership(`orgmem_${orgId}_${userId}`, organization(orgId), userId, { role })));
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
}

export const probeModule = `
import { v } from "convex/values";
import { query } from "./_generated/server";

export const shout = query({
  args: {},
  handler: async () => {
    console.log("hi", { n: 1 });
    console.warn("careful");
    return "done";
  },
});

/** Test probe: how many todos an org has, whatever list they are on. */
export const countTodos = query({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) =>
    (await ctx.db.query("todos").withIndex("by_org_list", (q) => q.eq("orgId", orgId)).collect()).length,
});
`;
