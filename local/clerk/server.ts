/**
 * The local Clerk-compatible identity provider: opens the data file (seeding
 * the demo on first start), loads or creates the signing key, starts the
 * webhook sender, and serves the routes. `startClerk` is what main.ts and
 * the tests call.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { backendRoutes } from "./backendApi";
import { browserRoutes } from "./browser";
import { Directory } from "./directory";
import { ClerkError, unauthorized } from "./errors";
import { corsHeaders, json, parseCookies, readBody, redirect, Router, send, type Reply } from "./http";
import { randomBase62 } from "./ids";
import { seedDemo } from "./seed";
import { Store } from "./store";
import { testingRoutes } from "./testing";
import { generateKeys, Tokens } from "./tokens";
import { DEFAULT_RETRY, Webhooks, type Chaos, type Logger, type RetryPolicy } from "./webhooks";

export type ClerkOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  dataDir: string;
  /** The issuer in tokens and the base of every URL; default `http://127.0.0.1:${port}`. No trailing slash. */
  publicUrl?: string;
  /** Where webhooks go; without it they wait in the data file. */
  webhookUrl?: string;
  /** svix secret (`whsec_…`); without it one is generated and kept in the data file. */
  webhookSecret?: string;
  /** Bearer key the Backend API and the testing endpoints require. */
  secretKey: string;
  chaos?: Chaos | false;
  retry?: Partial<RetryPolicy>;
  tokenTtlSeconds?: number;
  /** Seed the demo on first start (default true). */
  seed?: boolean;
  logger?: Logger;
};

export type ClerkServer = {
  url: string;
  port: number;
  /** The svix secret in use (useful when it was generated). */
  webhookSecret: string;
  close(): Promise<void>;
};

export async function startClerk(options: ClerkOptions): Promise<ClerkServer> {
  const logger = options.logger ?? console;
  const store = Store.open(options.dataDir);
  const state = store.state;
  state.keys ??= await generateKeys();
  const webhookSecret = options.webhookSecret ?? (state.webhook_secret ??= `whsec_${Buffer.from(randomBase62(32)).toString("base64")}`);
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

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = (options.publicUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, "");
  const tokens = await Tokens.create(state.keys, url, options.tokenTtlSeconds);

  const router = new Router();
  router.add("GET", "/", () => redirect("/sign-in"));
  router.add("GET", "/.well-known/jwks.json", () => json(200, tokens.jwks(), { "access-control-allow-origin": "*" }));
  router.add("GET", "/.well-known/openid-configuration", () => json(200, tokens.openidConfiguration(), { "access-control-allow-origin": "*" }));
  browserRoutes(router, directory, tokens);
  backendRoutes(router, directory, tokens);
  testingRoutes(router, directory, tokens, webhooks);

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // No keep-alive: a client's pooled socket from before a restart would fail its next request
    // ("other side closed"); a fresh local connection per request costs nothing here.
    res.shouldKeepAlive = false;
    void handle(req).then((reply) => send(res, reply));
  });

  async function handle(req: IncomingMessage): Promise<Reply> {
    const reqUrl = new URL(req.url ?? "/", url);
    const path = reqUrl.pathname;
    const cors = path === "/session" || path.startsWith("/session/") ? corsHeaders(req.headers.origin) : {};
    try {
      if (path.startsWith("/v1/") && !authorized(req.headers.authorization, options.secretKey)) throw unauthorized();
      const match = router.match(req.method ?? "GET", path);
      if (!match) throw new ClerkError(404, "resource_not_found", "not found", `No route for ${path}.`);
      if (match === "method") throw new ClerkError(405, "method_not_allowed", `${req.method} is not allowed on ${path}.`);
      const body = ["POST", "PATCH", "PUT", "DELETE"].includes(req.method ?? "") ? await readBody(req) : {};
      const reply = await match.handler({
        method: req.method ?? "GET",
        url: reqUrl,
        params: match.params,
        headers: req.headers,
        body,
        cookies: parseCookies(req.headers.cookie),
      });
      return { ...reply, headers: { ...cors, ...reply.headers } };
    } catch (error) {
      if (error instanceof ClerkError) return json(error.status, error.body(), cors);
      logger.error("local clerk: request failed", error);
      return json(500, new ClerkError(500, "internal_clerk_error", "Something went wrong").body(), cors);
    }
  }

  webhooks.kick(); // deliver what a previous run left in the outbox
  if (!options.webhookUrl) logger.warn("local clerk: no webhook URL configured; events wait in the data file");

  return {
    url,
    port,
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

function authorized(header: string | undefined, secretKey: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(secretKey);
  return header !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
}
