/**
 * The small HTTP toolkit the routes share: a path-template router, request
 * body parsing (JSON or form), replies and cookies.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ClerkError, invalid } from "./errors";

export type Reply = { status: number; body?: string | Buffer; headers?: Record<string, string | string[]> };

export type Request = {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage["headers"];
  /** Parsed JSON or form body; `{}` when there is none. */
  body: Record<string, unknown>;
  cookies: Record<string, string>;
};

export type Handler = (req: Request) => Reply | Promise<Reply>;

type Route = { method: string; pattern: RegExp; names: string[]; handler: Handler };

export class Router {
  private readonly routes: Route[] = [];

  /** `template` like `/v1/organizations/:org/memberships/:user`; params match one path segment. */
  add(method: string, template: string, handler: Handler): this {
    const names: string[] = [];
    const source = template.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** The handler and params, `"method"` when only the method is wrong, or undefined. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | "method" | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      return { handler: route.handler, params };
    }
    return pathMatched ? "method" : undefined;
  }
}

export const json = (status: number, data: unknown, headers: Record<string, string | string[]> = {}): Reply => ({
  status,
  body: JSON.stringify(data),
  headers: { "content-type": "application/json", ...headers },
});

export const redirect = (location: string, headers: Record<string, string | string[]> = {}): Reply => ({
  status: 303,
  headers: { location, ...headers },
});

const MAX_BODY = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ClerkError(413, "request_body_too_large", "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new ClerkError(400, "malformed_request", "The request body must be a JSON object.");
}

/** Validates a request body against a zod schema; a mismatch is Clerk's 422. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw invalid(z.prettifyError(result.error), "form_param_invalid");
  return result.data;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const value = part.slice(eq + 1).trim();
    try {
      cookies[part.slice(0, eq).trim()] = decodeURIComponent(value);
    } catch {
      cookies[part.slice(0, eq).trim()] = value;
    }
  }
  return cookies;
}

export function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}
