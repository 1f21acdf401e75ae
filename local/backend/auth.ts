/**
 * JWT verification against the providers of `convex/auth.config.ts`, the way
 * a Convex deployment does it (convex-test trusts any identity it is given):
 *
 * - OIDC providers (`{ domain, applicationID }`): the token's `iss` must be
 *   the domain and its `aud` the applicationID; keys come from the
 *   `jwks_uri` of `${domain}/.well-known/openid-configuration`;
 * - custom JWT providers (`{ type: "customJwt", issuer, jwks, algorithm }`).
 *
 * The identity is built like Convex builds it: `tokenIdentifier` is
 * `iss|sub`, standard OIDC claims get their camelCase names, and every other
 * claim (Clerk's `o` org claim, `sid`, …) is kept as a custom claim.
 */
import type { UserIdentity } from "convex/server";
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";

export type Provider =
  | { type?: undefined; domain: string; applicationID: string }
  | { type: "customJwt"; issuer: string; jwks: string; algorithm: string; applicationID?: string };

/** `expiresAt`: ms since the epoch (every accepted token has an `exp`). */
export type VerifiedToken = { identity: UserIdentity; expiresAt: number };

export class AuthError extends Error {}

const STANDARD_CLAIMS: Record<string, string> = {
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
  address: "address",
  updated_at: "updatedAt",
};
/** Registered JWT claims Convex does not pass on as custom claims. */
const DROPPED_CLAIMS = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti"]);

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function identityFromClaims(claims: JWTPayload): UserIdentity {
  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const identity: Record<string, unknown> = { tokenIdentifier: `${issuer}|${subject}`, subject, issuer };
  for (const [claim, value] of Object.entries(claims)) {
    if (DROPPED_CLAIMS.has(claim) || value === undefined) continue;
    const standard = STANDARD_CLAIMS[claim];
    identity[standard ?? claim] = standard === "updatedAt" && typeof value === "number" ? new Date(value * 1000).toISOString() : value;
  }
  return identity as UserIdentity;
}

const describe = (p: Provider) =>
  p.type === "customJwt" ? `CustomJWT(issuer=${p.issuer}, app_id=${p.applicationID ?? "none"})` : `OIDC(domain=${p.domain}, app_id=${p.applicationID})`;

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** Key sets by JWKS URL, shared by every verifier (a code reload keeps them). */
const keySets = new Map<string, KeySet>();
const discovery = new Map<string, { jwksUri: string; at: number }>();
const DISCOVERY_TTL_MS = 5 * 60_000;

function keySet(url: string): KeySet {
  let set = keySets.get(url);
  // A short cooldown: the local identity provider may restart with new keys.
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url), { cooldownDuration: 1000, timeoutDuration: 5000 })));
  return set;
}

async function oidcKeySet(domain: string): Promise<KeySet> {
  const cached = discovery.get(domain);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return keySet(cached.jwksUri);
  const url = `${domain}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new AuthError(`Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new AuthError(`Could not fetch ${url}: HTTP ${response.status}`);
  const config = (await response.json()) as { jwks_uri?: string };
  if (!config.jwks_uri) throw new AuthError(`${url} has no jwks_uri`);
  discovery.set(domain, { jwksUri: config.jwks_uri, at: Date.now() });
  return keySet(config.jwks_uri);
}

export class AuthVerifier {
  /** Verified tokens until they expire: every HTTP call and reconnect re-sends the same token. */
  private readonly cache = new Map<string, VerifiedToken>();

  constructor(private readonly providers: Provider[]) {}

  async verify(token: string): Promise<VerifiedToken> {
    const cached = this.cache.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached;
    this.cache.delete(token);

    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw new AuthError("Could not parse JWT payload. Check that the token is a valid JWT format with three base64-encoded parts separated by dots.");
    }
    const audiences = typeof claims.aud === "string" ? [claims.aud] : (claims.aud ?? []);
    const issuer = trimSlash(String(claims.iss ?? ""));
    const provider = this.providers.find((p) =>
      p.type === "customJwt"
        ? trimSlash(p.issuer) === issuer && (p.applicationID === undefined || audiences.includes(p.applicationID))
        : trimSlash(p.domain) === issuer && audiences.includes(p.applicationID),
    );
    if (!provider) {
      throw new AuthError(
        "No auth provider found matching the given token. Check that your JWT's issuer and audience match one of your configured providers: " +
          `[${this.providers.map(describe).join(", ")}]`,
      );
    }
    const keys = provider.type === "customJwt" ? keySet(provider.jwks) : await oidcKeySet(trimSlash(provider.domain));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience: provider.applicationID,
        algorithms: provider.type === "customJwt" ? [provider.algorithm] : undefined,
        // Convex refuses tokens that never expire (an OIDC ID token must have `exp`).
        requiredClaims: ["exp"],
      }));
    } catch (error) {
      const reason = error instanceof joseErrors.JOSEError ? ` (${error.code}: ${error.message})` : error instanceof Error ? ` (${error.message})` : "";
      throw new AuthError(`Could not verify OIDC token claim. Check that the token signature is valid and the token hasn't expired.${reason}`);
    }
    if (typeof payload.sub !== "string" || payload.sub === "") throw new AuthError("The token has no `sub` claim.");
    const verified = { identity: identityFromClaims(payload), expiresAt: payload.exp! * 1000 };
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(token, verified);
    return verified;
  }
}
