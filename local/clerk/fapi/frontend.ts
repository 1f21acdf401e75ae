/**
 * What every Frontend API route shares: the browser's client (the
 * `__client` cookie, created on first use and kept in the data file), the
 * `__client_uat` cookies Clerk's middleware reads on the app's site, CORS
 * for the app's origins, session tokens, and the `{ response, client }`
 * envelope of Clerk's answers.
 *
 * The emulator and the app share a site (`localhost`, any port), so cookies
 * the Frontend API sets reach the app's server too, as with Clerk's
 * `clerk.<your-domain>` Frontend API in production.
 */
import { getCookieSuffix } from "@clerk/shared/keys";
import type { ClientJSON } from "@clerk/shared/types";
import type { Directory } from "../directory";
import { ClerkError } from "../errors";
import { json, type Reply, type Request } from "../http";
import { newId, randomBase62 } from "../ids";
import { convexTemplateClaims, sessionClaims } from "../sessionClaims";
import type { ClientRecord, SessionRecord } from "../store";
import type { Tokens } from "../tokens";
import { clientJson } from "./json";

export const CLIENT_COOKIE = "__client";
const YEAR_S = 365 * 86_400;

export type FrontendOptions = {
  /** The publishable key the app uses: Clerk suffixes its cookies with a hash of it. */
  publishableKey: string;
  /** The app's origin, for the environment's URLs; other http://localhost origins are trusted too. */
  appUrl: string;
};

/** http://localhost:*, http://127.0.0.1:* and the configured app origin: what may call the Frontend API with cookies. */
export function isTrustedOrigin(value: string | undefined, appUrl: string): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    if (url.origin === new URL(appUrl).origin) return true;
    return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
  } catch {
    return false;
  }
}

export class Frontend {
  /** Clients created while answering a request, so even an error answer sets their cookie. */
  private readonly created = new WeakMap<Request, ClientRecord>();

  private constructor(
    readonly dir: Directory,
    readonly tokens: Tokens,
    readonly options: FrontendOptions,
    readonly cookieSuffix: string,
  ) {}

  static async create(dir: Directory, tokens: Tokens, options: FrontendOptions): Promise<Frontend> {
    return new Frontend(dir, tokens, options, await getCookieSuffix(options.publishableKey));
  }

  cors(req: Request): Record<string, string> {
    const origin = req.headers.origin;
    if (!isTrustedOrigin(origin, this.options.appUrl)) return {};
    return {
      "access-control-allow-origin": origin!,
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
      "access-control-allow-headers": "content-type, authorization, x-clerk-session-id",
      "access-control-max-age": "600",
      vary: "Origin",
    };
  }

  /** The browser's client, if its cookie names one. */
  client(req: Request): ClientRecord | undefined {
    const secret = req.cookies[CLIENT_COOKIE];
    return secret ? this.dir.state.clients.find((c) => c.secret === secret) : undefined;
  }

  /** The browser's client, created (and its cookie set by `reply`) when it has none. */
  ensureClient(req: Request): ClientRecord {
    const existing = this.client(req) ?? this.created.get(req);
    if (existing) return existing;
    const client = this.newClient();
    this.created.set(req, client);
    return client;
  }

  /** The cookies an error answer still carries: a client created for this request, and the uat cookies. */
  errorCookies(req: Request): string[] {
    const client = this.client(req) ?? this.created.get(req);
    const cookies = this.uatCookies(client);
    if (client && req.cookies[CLIENT_COOKIE] !== client.secret) cookies.push(this.clientCookie(client));
    return cookies;
  }

  newClient(): ClientRecord {
    const now = this.dir.store.now();
    const client: ClientRecord = {
      id: newId("client"),
      secret: randomBase62(40),
      sign_in: null,
      sign_up: null,
      last_active_session_id: null,
      last_authentication_strategy: null,
      created_at: now,
      updated_at: now,
    };
    this.dir.state.clients.push(client);
    this.dir.commit();
    return client;
  }

  /** The client's signed-in (active or pending) sessions. */
  sessions(client: ClientRecord): SessionRecord[] {
    return this.dir.state.sessions.filter((s) => s.client_id === client.id && s.status === "active");
  }

  /** One of this client's sessions; any other id is Clerk's 404. */
  clientSession(client: ClientRecord, sessionId: string): SessionRecord {
    const session = this.sessions(client).find((s) => s.id === sessionId);
    if (!session) throw new ClerkError(404, "resource_not_found", "Session not found.", `No session ${sessionId} on this client.`);
    return session;
  }

  /** The session a `/v1/me` request acts for: `_clerk_session_id`, else the client's last active one. */
  currentSession(req: Request): { client: ClientRecord; session: SessionRecord } {
    const client = this.client(req);
    const sessions = client ? this.sessions(client) : [];
    const wanted = req.url.searchParams.get("_clerk_session_id") ?? client?.last_active_session_id;
    const session = sessions.find((s) => s.id === wanted) ?? sessions[0];
    if (!client || !session) throw new ClerkError(401, "signed_out", "You are signed out.", "You need to sign in before you can do this.");
    return { client, session };
  }

  /** A sign-in or sign-out changed what the client is signed in as: the uat cookies move on. */
  markChanged(client: ClientRecord): void {
    client.updated_at = this.dir.store.now();
    this.dir.commit();
  }

  /** A session token for `session`, for the app at `origin` (the `azp` claim). */
  async sessionToken(session: SessionRecord, origin?: string, orgId?: string | null): Promise<string> {
    const azp = isTrustedOrigin(origin, this.options.appUrl) ? origin : undefined;
    return await this.tokens.mint(sessionClaims(this.dir, session, { azp, orgId }), this.dir.settings.session_token_lifetime_seconds);
  }

  /** A token from a JWT template; the emulator knows Clerk's stock `convex` template. */
  async templateToken(session: SessionRecord, template: string): Promise<string> {
    if (template !== "convex") throw new ClerkError(404, "resource_not_found", "JWT template not found.", `No JWT template named ${template}.`, "template");
    return await this.tokens.mint(convexTemplateClaims(this.dir, session), this.dir.settings.session_token_lifetime_seconds);
  }

  async clientJson(req: Request, client: ClientRecord): Promise<ClientJSON> {
    return await clientJson(this.dir, client, (s) => this.sessionToken(s, req.headers.origin));
  }

  /** `__client_uat` (and its suffixed twin): seconds of the client's last sign-in change, 0 when signed out. */
  uatCookies(client: ClientRecord | undefined): string[] {
    const signedIn = client && this.sessions(client).length > 0;
    const value = signedIn ? String(Math.floor(client.updated_at / 1000)) : "0";
    return ["__client_uat", `__client_uat_${this.cookieSuffix}`].map((name) => `${name}=${value}; Path=/; SameSite=Lax; Max-Age=${YEAR_S}`);
  }

  clientCookie(client: ClientRecord): string {
    return `${CLIENT_COOKIE}=${client.secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${YEAR_S}`;
  }

  /** Clerk's envelope: `{ response, client }`, with the client and uat cookies. */
  async reply(req: Request, client: ClientRecord | undefined, response: unknown, status = 200): Promise<Reply> {
    const cookies = this.uatCookies(client);
    if (client && req.cookies[CLIENT_COOKIE] !== client.secret) cookies.push(this.clientCookie(client));
    return json(status, { response, client: client ? await this.clientJson(req, client) : null }, { "set-cookie": cookies, "cache-control": "no-store" });
  }
}
