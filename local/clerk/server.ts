/**
 * The Clerk emulator: opens the data file (seeding the demo on first
 * start), loads or creates the signing key, starts the webhook sender, and
 * serves, on one port:
 *
 *   /fapi/v1/…            Clerk's Frontend API (the app's NEXT_PUBLIC_CLERK_PROXY_URL is `${url}/fapi`)
 *   /v1/…                 Clerk's Backend API subset and the testing routes (secret key required)
 *   /npm/@clerk/…         clerk-js and @clerk/ui from node_modules
 *   /.well-known/…        JWKS and OpenID configuration of the issuer
 *
 * `startClerk` is what main.ts and the tests call.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { Assets } from "./assets";
import { backendRoutes } from "./backendApi";
import { Directory } from "./directory";
import { ClerkError, unauthorized } from "./errors";
import { Frontend } from "./fapi/frontend";
import { FAPI_BASE, frontendRoutes } from "./fapi/routes";
import { json, parseCookies, readBody, Router, send, type Reply, type Request } from "./http";
import { randomBase62 } from "./ids";
import { seedDemo } from "./seed";
import { parseSettings } from "./settings";
import { Store } from "./store";
import { testingRoutes } from "./testing";
import { generateKeys, Tokens } from "./tokens";
import instance from "./instance.json";
import { DEFAULT_RETRY, Webhooks, type Chaos, type Logger, type RetryPolicy } from "./webhooks";

/** The emulator's Frontend API host, as its publishable key encodes it: `.localhost` is reserved, so no real Clerk instance has it. */
export const EMULATOR_FRONTEND_API_HOST = instance.frontend_api_host;
export const EMULATOR_PUBLISHABLE_KEY = `pk_live_${Buffer.from(`${EMULATOR_FRONTEND_API_HOST}$`).toString("base64")}`;

export type ClerkOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  dataDir: string;
  /** The issuer in tokens and the base of every URL; default `http://127.0.0.1:${port}`. No trailing slash. */
  publicUrl?: string;
  /** The app's origin (environment URLs, invitation links without a redirect URL); default http://localhost:3000. */
  appUrl?: string;
  /** The publishable key the app is built with (cookie names are suffixed with its hash). */
  publishableKey?: string;
  /** Where webhooks go; without it they wait in the data file. */
  webhookUrl?: string;
  /** svix secret (`whsec_…`); without it one is generated and kept in the data file. */
  webhookSecret?: string;
  /** Bearer key the Backend API and the testing routes require. */
  secretKey: string;
  /** Instance settings that replace the data file's (tests). */
  settings?: Record<string, unknown>;
  chaos?: Chaos | false;
  retry?: Partial<RetryPolicy>;
  /** Seed the demo on first start (default true). */
  seed?: boolean;
  logger?: Logger;
};

export type ClerkServer = {
  url: string;
  port: number;
  /** `NEXT_PUBLIC_CLERK_PROXY_URL` for the app. */
  frontendApiUrl: string;
  publishableKey: string;
  /** `NEXT_PUBLIC_CLERK_JS_URL` / `NEXT_PUBLIC_CLERK_UI_URL` for the app. */
  scriptUrls: { clerkJs: string; ui: string };
  /** The svix secret in use (useful when it was generated). */
  webhookSecret: string;
  close(): Promise<void>;
};

const CLIENT_IDLE_MS = 7 * 86_400_000;

export async function startClerk(options: ClerkOptions): Promise<ClerkServer> {
  const logger = options.logger ?? console;
  const store = Store.open(options.dataDir);
  const state = store.state;
  state.keys ??= await generateKeys();
  if (options.settings) state.settings = parseSettings(options.settings, "startClerk({ settings })");
  const webhookSecret = options.webhookSecret ?? (state.webhook_secret ??= `whsec_${Buffer.from(randomBase62(32)).toString("base64")}`);
  pruneIdleClients(store);
  store.save();

  const webhooks = new Webhooks(store, {
    url: options.webhookUrl,
    secret: webhookSecret,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    chaos: options.chaos || undefined,
    logger,
  });
  const directory = new Directory(store, webhooks);
  if (store.fresh && options.seed !== false) seedDemo(directory);

  // Requests that arrive before the routes exist (the port is known only after listen) wait for them.
  let ready!: () => void;
  const routesReady = new Promise<void>((resolve) => (ready = resolve));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // No keep-alive: a client's pooled socket from before a restart would fail its next request
    // ("other side closed"); a fresh local connection per request costs nothing here.
    res.shouldKeepAlive = false;
    void routesReady.then(() => handle(req)).then((reply) => send(res, reply));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = (options.publicUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, "");
  directory.publicUrl = `${url}/fapi`;

  const tokens = await Tokens.create(state.keys, url);
  const publishableKey = options.publishableKey ?? EMULATOR_PUBLISHABLE_KEY;
  const fapi = await Frontend.create(directory, tokens, { publishableKey, appUrl: (options.appUrl ?? "http://localhost:3000").replace(/\/+$/, "") });
  const assets = new Assets();

  const router = new Router();
  router.add("GET", "/.well-known/jwks.json", () => json(200, tokens.jwks(), { "access-control-allow-origin": "*" }));
  router.add("GET", "/.well-known/openid-configuration", () => json(200, tokens.openidConfiguration(), { "access-control-allow-origin": "*" }));
  const handshakes = frontendRoutes(router, fapi, logger);
  backendRoutes(router, directory, tokens, handshakes, fapi.options.appUrl);
  testingRoutes(router, directory, fapi, webhooks);

  ready();

  async function handle(req: IncomingMessage): Promise<Reply> {
    const reqUrl = new URL(req.url ?? "/", url);
    const path = reqUrl.pathname;
    if (req.method === "GET" || req.method === "HEAD") {
      const asset = assets.serve(path);
      if (asset) return asset;
    }
    const frontend = path.startsWith(`${FAPI_BASE}/`);
    // clerk-js sends PATCH, PUT and DELETE as POST with `_method` (simple CORS requests).
    const override = frontend && req.method === "POST" ? reqUrl.searchParams.get("_method")?.toUpperCase() : undefined;
    const method = override ?? req.method ?? "GET";
    const request: Request = { method, url: reqUrl, params: {}, headers: req.headers, body: {}, cookies: parseCookies(req.headers.cookie) };
    const cors = frontend ? fapi.cors(request) : {};
    try {
      if (frontend && method === "OPTIONS") return { status: 204, headers: cors };
      if (path.startsWith("/v1/") && !authorized(req.headers.authorization, options.secretKey)) throw unauthorized();
      const match = router.match(method, path);
      if (!match) throw new ClerkError(404, "resource_not_found", "not found", `No route for ${path}.`);
      if (match === "method") throw new ClerkError(405, "method_not_allowed", `${method} is not allowed on ${path}.`);
      request.params = match.params;
      if (["POST", "PATCH", "PUT", "DELETE"].includes(req.method ?? "")) request.body = await readBody(req);
      const reply = await match.handler(request);
      return { ...reply, headers: { ...cors, ...reply.headers } };
    } catch (error) {
      const headers = frontend ? { ...cors, "set-cookie": fapi.errorCookies(request) } : cors;
      if (error instanceof ClerkError) return json(error.status, error.body(), headers);
      logger.error("clerk emulator: request failed", error);
      return json(500, new ClerkError(500, "internal_clerk_error", "Something went wrong").body(), headers);
    }
  }

  webhooks.kick(); // deliver what a previous run left in the outbox
  if (!options.webhookUrl) logger.warn("clerk emulator: no webhook URL configured; events wait in the data file");

  return {
    url,
    port,
    frontendApiUrl: `${url}/fapi`,
    publishableKey,
    scriptUrls: assets.scriptUrls(url),
    webhookSecret,
    async close() {
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.save();
    },
  };
}

/** Browsers that never signed in (or signed out long ago) leave a client each: drop those idle for a week. */
function pruneIdleClients(store: Store): void {
  const state = store.state;
  const cutoff = Date.now() - CLIENT_IDLE_MS;
  const active = new Set(state.sessions.filter((s) => s.status === "active").map((s) => s.client_id));
  state.clients = state.clients.filter((c) => active.has(c.id) || c.updated_at > cutoff);
}

function authorized(header: string | undefined, secretKey: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(secretKey);
  return header !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
}
