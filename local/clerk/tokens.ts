/**
 * Session tokens: an RS256 key pair generated on first start and kept in the
 * data file (so tokens minted before a restart still verify), the JWKS and
 * OpenID configuration Convex reads to verify them, and minting in Clerk's
 * session token v2 shape.
 */
import { randomBase62 } from "./ids";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type KeyObject } from "jose";
import type { KeyMaterial } from "./store";

/** What Convex checks (`applicationID` in convex/auth.config.ts). */
export const AUDIENCE = "convex";
export const DEFAULT_TOKEN_TTL_SECONDS = 60;

export async function generateKeys(): Promise<KeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const public_jwk = await exportJWK(publicKey);
  const kid = `ins_${(await calculateJwkThumbprint(public_jwk)).slice(0, 27)}`;
  return { kid, private_jwk: await exportJWK(privateKey), public_jwk: { ...public_jwk, kid, alg: "RS256", use: "sig" } };
}

/** The v2 organization claim: role without the `org:` prefix, custom permissions comma-separated. */
export type OrgClaim = { id: string; slg: string; rol: string; per: string };

export type SessionClaims = {
  sub: string;
  sid: string;
  o?: OrgClaim;
  name?: string;
  email?: string;
};

export class Tokens {
  private constructor(
    private readonly keys: KeyMaterial,
    private readonly privateKey: CryptoKey | KeyObject | Uint8Array,
    readonly issuer: string,
    private readonly ttlSeconds: number,
  ) {}

  static async create(keys: KeyMaterial, issuer: string, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): Promise<Tokens> {
    return new Tokens(keys, await importJWK(keys.private_jwk, "RS256"), issuer, ttlSeconds);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.keys.public_jwk] };
  }

  openidConfiguration() {
    const base = this.issuer;
    return {
      issuer: base,
      jwks_uri: `${base}/.well-known/jwks.json`,
      authorization_endpoint: `${base}/sign-in`,
      response_types_supported: ["id_token"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      claims_supported: ["sub", "sid", "iss", "aud", "exp", "iat", "nbf", "jti", "o", "name", "email"],
    };
  }

  async mint(claims: SessionClaims, ttlSeconds = this.ttlSeconds): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    return await new SignJWT({ ...claims, v: 2 })
      .setProtectedHeader({ alg: "RS256", kid: this.keys.kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      // Like Clerk's: two tokens minted in the same second still differ.
      .setJti(randomBase62(20))
      // Clerk back-dates nbf a little to tolerate clock skew between servers.
      .setNotBefore(iat - 10)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.privateKey);
  }
}
