/**
 * `GET /v1/client/handshake`: how Clerk's middleware refreshes the session
 * cookies on the app's site. The middleware redirects a document request
 * here when `__session` is missing, expired, older than `__client_uat`, or
 * names another organization than `organizationSyncOptions` wants; the
 * handshake reads the browser's client, activates the organization asked
 * for (`organization_id`, an id or a slug, when the user is a member),
 * and sends the browser back to `redirect_url` with the cookies to set:
 *
 * - `format=nonce` (what @clerk/backend asks for): a `__clerk_handshake_nonce`
 *   cookie; the middleware fetches the cookie directives from the Backend
 *   API (`GET /v1/clients/handshake_payload?nonce=`) — for a minute, since
 *   requests already in flight may carry the cookie too.
 * - otherwise: a `__clerk_handshake` cookie holding a JWT signed with the
 *   instance key, `{ handshake: [directives] }`.
 */
import { ClerkError } from "../errors";
import { redirect, type Reply, type Request } from "../http";
import { randomBase62 } from "../ids";
import { isTrustedOrigin, type Frontend } from "./frontend";

const NONCE_TTL_MS = 60_000;
const COOKIE = "Path=/; SameSite=Lax";

export class Handshakes {
  private readonly nonces = new Map<string, { directives: string[]; expires: number }>();

  constructor(private readonly fapi: Frontend) {}

  async handle(req: Request): Promise<Reply> {
    const target = req.url.searchParams.get("redirect_url") ?? "";
    if (!isTrustedOrigin(target, this.fapi.options.appUrl)) {
      throw new ClerkError(400, "handshake_redirect_url_invalid", "redirect_url is not an origin of this application.", undefined, "redirect_url");
    }
    const directives = await this.directives(req, new URL(target).origin);
    const headers: Record<string, string | string[]> = { "cache-control": "no-store" };
    if (req.url.searchParams.get("format") === "nonce") {
      const nonce = randomBase62(32);
      this.prune();
      this.nonces.set(nonce, { directives, expires: Date.now() + NONCE_TTL_MS });
      headers["set-cookie"] = [`__clerk_handshake_nonce=${nonce}; ${COOKIE}; Max-Age=60`];
    } else {
      const token = await this.fapi.tokens.sign({ handshake: [...directives, `__clerk_handshake=; ${COOKIE}; Max-Age=0`] }, 300);
      headers["set-cookie"] = [`__clerk_handshake=${token}; ${COOKIE}; Max-Age=300`];
    }
    return { ...redirect(target, headers), status: 307 };
  }

  /** The directives a nonce stands for (Backend API `handshake_payload`), until it expires. */
  payload(nonce: string): string[] | undefined {
    const entry = this.nonces.get(nonce);
    return entry && entry.expires > Date.now() ? entry.directives : undefined;
  }

  /** The `Set-Cookie` lines for the app: a fresh `__session` and `__client_uat`, or both cleared. */
  private async directives(req: Request, appOrigin: string): Promise<string[]> {
    const client = this.fapi.client(req);
    const sessions = client ? this.fapi.sessions(client) : [];
    const session = sessions.find((s) => s.id === client?.last_active_session_id) ?? sessions[0];
    const suffix = this.fapi.cookieSuffix;
    const clear = [`__clerk_handshake_nonce=; ${COOKIE}; Max-Age=0`];
    if (!session) {
      return [
        `__session=; ${COOKIE}; Max-Age=0`,
        `__session_${suffix}=; ${COOKIE}; Max-Age=0`,
        ...this.fapi.uatCookies(undefined),
        ...clear,
      ];
    }
    const wanted = req.url.searchParams.get("organization_id");
    if (wanted !== null) this.activate(session.id, session.user_id, wanted);
    const jwt = await this.fapi.sessionToken(session, appOrigin);
    return [`__session=${jwt}; ${COOKIE}`, `__session_${suffix}=${jwt}; ${COOKIE}`, ...this.fapi.uatCookies(client), ...clear];
  }

  /** `organizationSyncOptions`: the URL's organization, if the user is in it ("" is the personal account). */
  private activate(sessionId: string, userId: string, idOrSlug: string): void {
    const dir = this.fapi.dir;
    const org = idOrSlug ? dir.state.organizations.find((o) => o.id === idOrSlug || o.slug === idOrSlug) : undefined;
    if (idOrSlug && (!org || !dir.membership(org.id, userId))) return;
    dir.setActiveOrganization(sessionId, org?.id ?? null);
  }

  private prune(): void {
    const now = Date.now();
    for (const [nonce, entry] of this.nonces) if (entry.expires <= now) this.nonces.delete(nonce);
  }
}
