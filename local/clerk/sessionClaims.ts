/**
 * The claims of a session token, as Clerk mints them for its Convex
 * integration (session token v2):
 *
 * ```json
 * { "sub": "user_…", "sid": "sess_…", "v": 2, "sts": "active", "fva": [0, -1], "azp": "http://localhost:3000",
 *   "fea": "o:todos,o:lists", "o": { "id": "org_…", "slg": "acme", "rol": "admin", "per": "write,read", "fpm": "1,3" } }
 * ```
 *
 * `o.rol` has no `org:` prefix; `o.per` holds bare permission names and
 * `o.fpm` one decimal bitmask per organization feature in `fea` (bit i set:
 * the feature grants `per[i]`), which `@clerk/shared`'s jwtPayloadParser
 * turns back into `org:<feature>:<permission>`. System permissions
 * (`org:sys_*`) never appear. A session with an open task is `sts: "pending"`.
 * Built from the current state, so a removed membership or a changed role
 * shows in the next token.
 */
import type { Directory } from "./directory";
import { customPermissions, instanceFeatures } from "./settings";
import type { SessionRecord } from "./store";

export type SessionClaims = {
  sub: string;
  sid: string;
  v: 2;
  sts: "active" | "pending";
  fva: [number, number];
  azp?: string;
  fea?: string;
  o?: { id: string; slg: string; rol: string; per?: string; fpm?: string };
};

/**
 * `orgId` asks for a token for one of the user's other organizations
 * (clerk-js `getToken({ organizationId })`); `azp` is the requesting app's origin.
 */
export function sessionClaims(dir: Directory, session: SessionRecord, options: { orgId?: string | null; azp?: string } = {}): SessionClaims {
  const status = dir.sessionStatus(session);
  const claims: SessionClaims = {
    sub: session.user_id,
    sid: session.id,
    v: 2,
    sts: status === "pending" ? "pending" : "active",
    fva: [Math.max(0, Math.floor((Date.now() - session.first_factor_verified_at) / 60_000)), -1],
  };
  if (options.azp) claims.azp = options.azp;

  const requested = options.orgId ? dir.state.organizations.find((o) => o.id === options.orgId || o.slug === options.orgId) : undefined;
  const requestedMembership = requested && dir.membership(requested.id, session.user_id);
  const active = requested && requestedMembership ? { org: requested, membership: requestedMembership } : dir.activeOrganization(session);
  if (!active) return claims;

  const settings = dir.settings;
  const features = instanceFeatures(settings);
  const granted = customPermissions(settings, active.membership.role);
  const per = [...new Set(granted.map((g) => g.permission))];
  const fpm = features.map((feature) =>
    per.reduce((mask, permission, i) => (granted.some((g) => g.feature === feature && g.permission === permission) ? mask | (1n << BigInt(i)) : mask), 0n).toString(),
  );
  claims.o = { id: active.org.id, slg: active.org.slug, rol: active.membership.role.replace(/^org:/, "") };
  if (per.length > 0) {
    claims.o.per = per.join(",");
    claims.o.fpm = fpm.join(",");
  }
  if (features.length > 0) claims.fea = features.map((f) => `o:${f}`).join(",");
  return claims;
}

/**
 * Clerk's stock `convex` JWT template: profile claims, no organization
 * claims (those must be added to a template by hand).
 */
export function convexTemplateClaims(dir: Directory, session: SessionRecord) {
  const user = dir.user(session.user_id);
  const email = user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? null;
  return {
    sub: user.id,
    name: [user.first_name, user.last_name].filter(Boolean).join(" ") || null,
    given_name: user.first_name,
    family_name: user.last_name,
    nickname: user.username,
    email,
    email_verified: email !== null,
    phone_number: null,
    phone_number_verified: false,
    picture: "",
    updated_at: new Date(user.updated_at).toISOString(),
  };
}
