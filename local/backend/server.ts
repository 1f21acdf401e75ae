/**
 * The local Convex dev backend: the project's Convex functions (convex/,
 * with its local components) running in-process on convex-test, served to
 * the unchanged `convex` clients on 127.0.0.1:
 *
 * - `port` (the deployment URL, NEXT_PUBLIC_CONVEX_URL): the WebSocket sync
 *   protocol at /api/<version>/sync and the HTTP client API under /api;
 * - `sitePort` (CONVEX_SITE_URL): HTTP actions (convex/http.ts).
 *
 * The process environment is the deployment's environment: `env` is merged
 * into it (plus CONVEX_CLOUD_URL / CONVEX_SITE_URL) before the code loads,
 * and restored on close.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { resolve } from "node:path";
import { WebSocketServer } from "ws";
import { Deployment } from "./deployment";
import { clientApi, httpActions } from "./httpApi";
import { errorMessage, jsonLogger, type Logger } from "./log";
import { inRoot } from "./rootContext";
import { SyncHub } from "./syncServer";

export type BackendOptions = {
  /** Client API port; 0 picks a free one. */
  port: number;
  /** HTTP actions port; 0 picks a free one. */
  sitePort: number;
  /** Where convex.json (the data) and build output live. */
  dataDir: string;
  /** The project root: the one holding convex/. */
  projectDir: string;
  /** Deployment environment variables (CLERK_WEBHOOK_SECRET, LOCAL_CLERK_ISSUER, …). */
  env?: Record<string, string | undefined>;
  host?: string;
  /** Reload when convex/ changes (default true). */
  watch?: boolean;
  logger?: Logger;
};

export type Backend = {
  url: string;
  siteUrl: string;
  /** Re-reads convex/ now (the watcher does this on its own). */
  reload(): Promise<void>;
  close(): Promise<void>;
};

const SYNC_PATH = /^\/api\/[^/]+\/sync$/;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      done((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (server: Server) => new Promise<void>((done) => server.close(() => done()));

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? jsonLogger;
  const host = options.host ?? "127.0.0.1";
  const dataDir = resolve(options.dataDir);
  const projectDir = resolve(options.projectDir);

  // Requests may arrive while the code loads; they wait for it.
  type Loaded = { hub: SyncHub; api: ReturnType<typeof clientApi>; site: ReturnType<typeof httpActions> };
  let ready!: (value: Loaded) => void;
  let failed!: (error: unknown) => void;
  const loaded = new Promise<Loaded>((res, rej) => ((ready = res), (failed = rej)));
  loaded.catch(() => undefined);

  const api = createServer((req, res) => void loaded.then((l) => l.api(req, res), () => res.destroy()));
  const site = createServer((req, res) => void loaded.then((l) => l.site(req, res), () => res.destroy()));
  const wss = new WebSocketServer({ noServer: true });
  api.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!SYNC_PATH.test(new URL(req.url ?? "/", "http://local").pathname)) {
      socket.destroy();
      return;
    }
    void loaded.then(
      ({ hub }) => inRoot(() => wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws, req))),
      () => socket.destroy(),
    );
  });

  const port = await listen(api, options.port, host);
  const sitePort = await listen(site, options.sitePort, host);
  const url = `http://${host}:${port}`;
  const siteUrl = `http://${host}:${sitePort}`;

  const env: Record<string, string | undefined> = { ...options.env, CONVEX_CLOUD_URL: url, CONVEX_SITE_URL: siteUrl };
  const savedEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  setEnv(env);

  let hub: SyncHub | undefined;
  let deployment: Deployment;
  try {
    deployment = await Deployment.start({
      projectDir,
      dataDir,
      logger,
      watch: options.watch,
      onCommit: (writes) => hub?.commit(writes),
      onReload: () => hub?.invalidateAll(),
    });
  } catch (error) {
    failed(error);
    await Promise.all([closeServer(api), closeServer(site)]);
    setEnv(savedEnv);
    throw error;
  }
  const syncHub = (hub = new SyncHub(deployment, logger));
  ready({ hub: syncHub, api: clientApi(deployment, () => syncHub.currentTs, logger), site: httpActions(deployment, siteUrl, logger) });
  logger({ level: "info", msg: "local Convex backend ready", url, siteUrl, dataDir });

  let closing: Promise<void> | undefined;
  return {
    url,
    siteUrl,
    reload: () => deployment.reload(),
    close: () =>
      (closing ??= (async () => {
        syncHub.close();
        wss.close();
        api.closeAllConnections();
        site.closeAllConnections();
        await Promise.all([closeServer(api), closeServer(site)]);
        try {
          await deployment.close();
        } catch (error) {
          logger({ level: "error", msg: "closing failed", error: errorMessage(error) });
        }
        setEnv(savedEnv);
      })()),
  };
}
