/**
 * The HTTP side of both ports.
 *
 * Client API (the deployment URL), as `ConvexHttpClient` and Convex's HTTP
 * API use it: POST /api/query, /api/query_at_ts, /api/mutation,
 * /api/action, /api/function (any type) and /api/run/<module>/<name>, plus
 * /api/query_ts. Success is 200 `{ status: "success", value }`; a function
 * error is 560 `{ status: "error", errorMessage, errorData? }` like the real
 * backend; a bad token is 401. CORS is open, as for a Convex deployment.
 *
 * HTTP actions (the site URL): every request goes to the app's `http`
 * router with its real URL, headers and body.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { convexToJson, type JSONValue, type Value } from "convex/values";
import { AuthError } from "./auth";
import type { Deployment } from "./deployment";
import { wireError } from "./errors";
import { errorMessage, type Logger } from "./log";
import { encodeTs, singleArg } from "./protocol";
import type { Caller, Kind } from "./runtime";

const MAX_BODY_BYTES = 20 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "RequestTooLarge", "Request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": req.headers.origin ?? "*",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "Content-Type, Authorization, Convex-Client",
    "access-control-max-age": "86400",
    vary: "Origin",
  };
}

/** The caller from `Authorization: Bearer <jwt>`; throws HttpError 401 for a token that does not verify. */
async function callerOf(req: IncomingMessage, deployment: Deployment): Promise<Caller> {
  const caller: Caller = { identity: null, token: null, ip: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null };
  const header = req.headers.authorization;
  if (!header) return caller;
  const [scheme, token] = header.split(/\s+/, 2);
  if (scheme !== "Bearer" || !token) throw new HttpError(401, "Unauthenticated", "Only `Authorization: Bearer <JWT>` is accepted by the local backend.");
  try {
    const verified = await deployment.verify(token);
    return { ...caller, identity: verified.identity, token };
  } catch (error) {
    if (error instanceof AuthError) throw new HttpError(401, "Unauthenticated", error.message);
    throw error;
  }
}

const ENDPOINTS: Record<string, Kind | "any"> = {
  "/api/query": "query",
  "/api/query_at_ts": "query",
  "/api/mutation": "mutation",
  "/api/action": "action",
  "/api/function": "any",
};

/** Handles the deployment URL's HTTP requests (the WebSocket upgrade is handled apart). */
export function clientApi(deployment: Deployment, currentTs: () => bigint, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const cors = corsHeaders(req);
    const path = new URL(req.url ?? "/", "http://local").pathname;
    try {
      if (req.method === "OPTIONS") {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      if (req.method === "GET" && path === "/") {
        res.writeHead(200, { "content-type": "text/plain", ...cors });
        res.end("This Convex deployment is running (local development backend).");
        return;
      }
      if (req.method !== "POST") throw new HttpError(404, "NotFound", `No route for ${req.method} ${path}`);
      if (path === "/api/query_ts") {
        sendJson(res, 200, { ts: encodeTs(currentTs()) }, cors);
        return;
      }
      let kind: Kind | "any" | undefined = ENDPOINTS[path];
      let udfPath: string | undefined;
      const run = /^\/api\/run\/(.+)$/.exec(path);
      if (run) {
        // /api/run/messages/list → messages:list
        const segments = run[1]!.split("/");
        const name = segments.pop()!;
        kind = "any";
        udfPath = `${segments.join("/")}:${name}`;
      }
      if (!kind) throw new HttpError(404, "NotFound", `No route for POST ${path}`);

      const raw = await readBody(req);
      let body: { path?: unknown; args?: unknown; componentPath?: unknown };
      try {
        body = raw.length === 0 ? {} : (JSON.parse(raw.toString("utf8")) as typeof body);
      } catch {
        throw new HttpError(400, "BadJsonBody", "The request body is not valid JSON");
      }
      udfPath ??= typeof body.path === "string" ? body.path : undefined;
      if (!udfPath) throw new HttpError(400, "BadJsonBody", "Missing `path`");
      if (typeof body.componentPath === "string" && body.componentPath !== "") udfPath = `${body.componentPath}/${udfPath}`;
      const caller = await callerOf(req, deployment);

      let args: JSONValue;
      try {
        args = singleArg(body.args);
      } catch (error) {
        throw new HttpError(400, "BadJsonBody", errorMessage(error));
      }
      const logLines: string[] = [];
      try {
        const { value } = await deployment.call(kind, udfPath, args, caller, "http", { logLines });
        sendJson(res, 200, { status: "success", value: convexToJson(value as Value), logLines }, cors);
      } catch (error) {
        const wire = wireError(error);
        sendJson(res, 560, { status: "error", errorMessage: wire.message, ...(wire.data === undefined ? {} : { errorData: wire.data }), logLines }, cors);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(res, error.status, { code: error.code, message: error.message }, cors);
        return;
      }
      logger({ level: "error", msg: "client API request failed", path, error: errorMessage(error) });
      sendJson(res, 500, { code: "InternalServerError", message: errorMessage(error) }, cors);
    }
  };
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);

/** Handles the site URL: HTTP actions. */
export function httpActions(deployment: Deployment, siteUrl: string, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]!;
        if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1]!);
      }
      const method = req.method ?? "GET";
      const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
      const request = new Request(new URL(req.url ?? "/", siteUrl), { method, headers, body: body && new Uint8Array(body) });

      let caller: Caller;
      try {
        caller = await callerOf(req, deployment);
      } catch (error) {
        // The action decides what an unauthenticated request may do.
        logger({ level: "warn", msg: "HTTP action called with a token that does not verify", error: errorMessage(error) });
        caller = { identity: null, token: null, ip: req.socket.remoteAddress ?? null, userAgent: req.headers["user-agent"] ?? null };
      }

      const response = await deployment.httpAction(request, caller);
      const out: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie") out[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) out["set-cookie"] = cookies;
      res.writeHead(response.status, response.statusText, out);
      res.end(method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      logger({ level: "error", msg: "HTTP action request failed", error: errorMessage(error) });
      if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" });
      res.end(errorMessage(error));
    }
  };
}
