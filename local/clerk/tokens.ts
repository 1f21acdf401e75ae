/**
 * Session tokens: an RS256 key pair generated on first start and kept in the
 * data file (so tokens minted before a restart still verify), the JWKS and
 * OpenID configuration Convex reads to verify them, and minting. Every token
 * carries the standard `iss`, `aud`, `iat`, `nbf`, `exp` and `jti`; the
 * claims themselves are built in sessionClaims.ts.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload, type KeyObject } from "jose";
import { randomBase62 } from "./ids";
import type { KeyMaterial } from "./store";

/** What Convex checks (`applicationID` in convex/auth.config.ts): the audience of Clerk's Convex integration. */
export const AUDIENCE = "convex";

export async function generateKeys(): Promise<KeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const public_jwk = await exportJWK(publicKey);
  const kid = `ins_${(await calculateJwkThumbprint(public_jwk)).slice(0, 27)}`;
  return { kid, private_jwk: await exportJWK(privateKey), public_jwk: { ...public_jwk, kid, alg: "RS256", use: "sig" } };
}

export class Tokens {
  private constructor(
    private readonly keys: KeyMaterial,
    private readonly privateKey: CryptoKey | KeyObject | Uint8Array,
    readonly issuer: string,
  ) {}

  static async create(keys: KeyMaterial, issuer: string): Promise<Tokens> {
    return new Tokens(keys, await importJWK(keys.private_jwk, "RS256"), issuer);
  }

  get kid(): string {
    return this.keys.kid;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.keys.public_jwk] };
  }

  openidConfiguration() {
    const base = this.issuer;
    return {
      issuer: base,
      jwks_uri: `${base}/.well-known/jwks.json`,
      response_types_supported: ["id_token"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      claims_supported: ["sub", "sid", "iss", "aud", "azp", "exp", "iat", "nbf", "jti", "v", "sts", "fva", "o", "fea"],
    };
  }

  /** A session token (or template token) with `claims`, valid for `ttlSeconds` from `issuedAt` (seconds; default now). */
  async mint(claims: JWTPayload, ttlSeconds: number, issuedAt = Math.floor(Date.now() / 1000)): Promise<string> {
    const iat = issuedAt;
    return await new SignJWT(claims)
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

  /** Any other signed JWT (the handshake payload), with this instance's key. */
  async sign(payload: JWTPayload, ttlSeconds: number): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    return await new SignJWT(payload)
      .setProtectedHeader({ alg: "RS256", kid: this.keys.kid, typ: "JWT" })
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.privateKey);
  }
}
