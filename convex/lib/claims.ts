/**
 * What the verified Clerk JWT says about the session: its status and its
 * active organization. Decoded by Clerk's own parser (`@clerk/shared`
 * jwtPayloadParser, pure JavaScript, so it runs in Convex's runtime), which
 * reads the two shapes Clerk issues:
 *
 * - session token v2 (`v: 2`, Clerk's Convex integration):
 *   `o: { id, slg, rol, per, fpm }` with `fea`. `rol` has no `org:` prefix;
 *   `per` holds bare permission names, and `fpm` one bitmask per org feature
 *   of `fea` saying which of them that feature grants, so
 *   `fea: "o:todos", o: { per: "read,write", fpm: "3" }` means
 *   `org:todos:read` and `org:todos:write`. `o` counts only when `v` is 2.
 * - JWT template / v1: `org_id`, `org_slug`, `org_role`, `org_permissions`
 *   (a template must add these itself; `null` values mean absent).
 *
 * The result is validated, then roles are normalised to `org:<key>`. A
 * malformed claim means no active organization, never a guess.
 */
import { __experimental_JWTPayloadToAuthObjectProperties as clerkJwtPayload } from "@clerk/shared/jwtPayloadParser";
import type { JwtPayload } from "@clerk/shared/types";
import { z } from "zod";

export type OrgClaims = {
  orgId: string;
  orgSlug?: string;
  orgRole: string;
  orgPermissions: string[];
};

const prefixed = (role: string) => (role.startsWith("org:") ? role : `org:${role}`);

const parsedOrg = z.object({
  orgId: z.string().min(1),
  orgSlug: z.string().nullish().transform((slug) => slug ?? undefined),
  orgRole: z.string().min(1).transform(prefixed),
  orgPermissions: z.array(z.string()).nullish().transform((permissions) => permissions ?? []),
});

/** Clerk's reading of the claims, or null when they are malformed (Clerk's parser throws on a broken `fea`). */
function clerkView(identity: Record<string, unknown>) {
  try {
    return clerkJwtPayload(identity as JwtPayload);
  } catch {
    return null;
  }
}

/** `null` when the token names no active organization (or a malformed one). */
export function parseOrgClaims(identity: Record<string, unknown>): OrgClaims | null {
  const view = clerkView(identity);
  if (!view || view.orgId == null) return null;
  const org = parsedOrg.safeParse(view);
  return org.success ? org.data : null;
}

/**
 * `pending` while the session has an open task (Clerk's `sts` claim, e.g. no
 * organization chosen yet): signed in, but not yet let into any organization.
 */
export function isPendingSession(identity: Record<string, unknown>): boolean {
  return identity.sts === "pending";
}
