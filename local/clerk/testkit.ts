/**
 * Test helpers: a provider on a free port with a temporary data dir, a tiny
 * webhook receiver that verifies every delivery (svix signature, then the
 * sync component's own `parseClerkEvent`), and a polling `waitFor`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClerkClient } from "@clerk/backend";
import { Webhook } from "svix";
import { parseClerkEvent } from "convex-clerk-sync";
import { startClerk, type ClerkOptions, type ClerkServer } from "./server";

export const SECRET_KEY = "sk_test_local_clerk_tests";
export const WEBHOOK_SECRET = "whsec_" + Buffer.from("local-clerk-test-secret-0123456789").toString("base64");

/** Polls `check` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export type Received = {
  svixId: string;
  /** Attempt number for this svix-id, starting at 1. */
  attempt: number;
  status: number;
  type: string;
  data: Record<string, unknown>;
  /** The whole event: `{ type, object, data, timestamp, instance_id, event_attributes }`. */
  envelope: Record<string, unknown>;
  /** What `parseClerkEvent` made of it (`kind` of the change), or its error. */
  parsed: { ok: true; kind: string } | { ok: false; error: string };
  signatureOk: boolean;
};

/** A webhook target: records every POST, answers with `respond(svixId, attempt)` (200 by default). */
export class Receiver {
  readonly received: Received[] = [];
  respond: (svixId: string, attempt: number) => number = () => 200;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(secret = WEBHOOK_SECRET, port = 0): Promise<Receiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const receiver = new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/clerk-webhook`);
    const verifier = new Webhook(secret);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const header = (name: string) => String(req.headers[name] ?? "");
        const svixId = header("svix-id");
        let signatureOk = true;
        try {
          verifier.verify(body, { "svix-id": svixId, "svix-timestamp": header("svix-timestamp"), "svix-signature": header("svix-signature") });
        } catch {
          signatureOk = false;
        }
        let event: { type: string; data: Record<string, unknown> };
        try {
          event = JSON.parse(body) as typeof event;
        } catch {
          res.writeHead(400).end();
          return;
        }
        const result = parseClerkEvent(event, Date.now());
        const attempt = receiver.received.filter((r) => r.svixId === svixId).length + 1;
        const status = receiver.respond(svixId, attempt);
        receiver.received.push({
          svixId,
          attempt,
          status,
          type: event.type,
          data: event.data,
          envelope: event,
          parsed: result.ok ? { ok: true, kind: result.event.change.kind } : { ok: false, error: result.error },
          signatureOk,
        });
        res.writeHead(status, { "content-type": "application/json" }).end("{}");
      });
    });
    return receiver;
  }

  /** Successful deliveries (2xx), in arrival order. */
  get delivered(): Received[] {
    return this.received.filter((r) => r.status < 300);
  }

  /** Waits for a successful delivery of `type` whose data matches. */
  async waitForEvent(type: string, match: (data: Record<string, unknown>) => boolean = () => true): Promise<Received> {
    return await waitFor(() => this.delivered.find((r) => r.type === type && match(r.data)), `${type} webhook`);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

export type Harness = {
  clerk: ClerkServer;
  receiver: Receiver;
  dataDir: string;
  client: ReturnType<typeof createClerkClient>;
  /** Calls the provider with the secret key (Backend API and testing routes). */
  api: (method: string, path: string, body?: unknown) => Promise<Response>;
  restart: (overrides?: Partial<ClerkOptions>) => Promise<void>;
  close: () => Promise<void>;
};

const quietLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * A provider with a receiver as its webhook target; short retry delays so
 * retry tests stay fast. `respond` is set before the provider starts, so it
 * applies to the seed's deliveries too.
 */
export async function startHarness(overrides: Partial<ClerkOptions> = {}, respond?: Receiver["respond"]): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "local-clerk-"));
  const receiver = await Receiver.start();
  if (respond) receiver.respond = respond;
  const options = (port: number): ClerkOptions => ({
    port,
    dataDir,
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    secretKey: SECRET_KEY,
    retry: { baseMs: 5, maxMs: 50, attempts: 5 },
    logger: quietLogger,
    ...overrides,
  });
  const harness: Harness = {
    clerk: await startClerk(options(0)),
    receiver,
    dataDir,
    get client() {
      return createClerkClient({ secretKey: SECRET_KEY, apiUrl: harness.clerk.url });
    },
    api: (method, path, body) =>
      fetch(`${harness.clerk.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    // Same port, so the issuer (and so tokens minted before) stay valid.
    restart: async (more = {}) => {
      await harness.clerk.close();
      harness.clerk = await startClerk({ ...options(harness.clerk.port), ...more });
    },
    close: async () => {
      await harness.clerk.close();
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The seeded demo's ids, by email / slug. */
export async function demo(h: Harness) {
  const { data: users } = await h.client.users.getUserList({ limit: 100 });
  const { data: orgs } = await h.client.organizations.getOrganizationList({ limit: 100 });
  const user = (email: string) => users.find((u) => u.primaryEmailAddress?.emailAddress === email)!.id;
  const org = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  return {
    ada: user("ada@acme.test"),
    bob: user("bob@acme.test"),
    grace: user("grace@globex.test"),
    sam: user("sam@both.test"),
    acme: org("acme"),
    globex: org("globex"),
  };
}

export const APP_ORIGIN = "http://localhost:3000";

/**
 * One browser talking to the Frontend API as clerk-js does: form-encoded
 * POSTs (PATCH/DELETE as `_method`), the app's Origin, and a cookie jar that
 * keeps what the emulator sets (`__client`, `__client_uat…`, handshake cookies).
 */
export class FapiBrowser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly h: Harness) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** A Frontend API call; `path` is relative to `/fapi/v1`. Answers the status and the parsed body. */
  async call<T = Record<string, unknown>>(method: string, path: string, body?: Record<string, string>) {
    const url = new URL(`${this.h.clerk.frontendApiUrl}/v1${path}`);
    url.searchParams.set("__clerk_api_version", "2026-08-20");
    if (method !== "GET" && method !== "POST") url.searchParams.set("_method", method);
    const res = await fetch(url, {
      method: method === "GET" ? "GET" : "POST",
      headers: { origin: APP_ORIGIN, cookie: this.cookieHeader(), ...(method === "GET" ? {} : { "content-type": "application/x-www-form-urlencoded" }) },
      body: method === "GET" ? undefined : new URLSearchParams(body ?? {}),
      redirect: "manual",
    });
    this.keep(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Signs in with email and password in one step (what `<SignIn/>` does with both fields filled). */
  async signIn(identifier: string, password: string) {
    return await this.call<{ response: { status: string; created_session_id: string }; client: { sessions: { id: string }[] } }>("POST", "/client/sign_ins", {
      strategy: "password",
      identifier,
      password,
    });
  }
}
