/**
 * Org claims from the verified Clerk JWT. Two shapes exist:
 * session token v2 (`o: { id, slg, rol, per }`, role without the `org:`
 * prefix, permissions comma-separated) and the v1 / JWT-template shape
 * (`org_id`, `org_slug`, `org_role`, `org_permissions`). Both normalise to
 * one `OrgClaims`; no claim means no active org.
 */
import { z } from "zod";

export type OrgClaims = {
  orgId: string;
  orgSlug?: string;
  orgRole: string;
  orgPermissions: string[];
};

const prefixed = (role: string) => (role.startsWith("org:") ? role : `org:${role}`);

const v2 = z
  .object({
    o: z.object({
      id: z.string().min(1),
      slg: z.string().optional(),
      rol: z.string().min(1),
      per: z.string().optional(),
    }),
  })
  .transform(({ o }): OrgClaims => ({
    orgId: o.id,
    orgSlug: o.slg,
    orgRole: prefixed(o.rol),
    orgPermissions: (o.per ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map(prefixed),
  }));

const v1 = z
  .object({
    org_id: z.string().min(1),
    org_slug: z.string().optional(),
    org_role: z.string().min(1),
    org_permissions: z.array(z.string()).optional(),
  })
  .transform(
    (c): OrgClaims => ({
      orgId: c.org_id,
      orgSlug: c.org_slug,
      orgRole: prefixed(c.org_role),
      orgPermissions: c.org_permissions ?? [],
    }),
  );

/** `null` when the token names no active organization (or a malformed one). */
export function parseOrgClaims(identity: Record<string, unknown>): OrgClaims | null {
  const parsed = v2.safeParse(identity);
  if (parsed.success) return parsed.data;
  const legacy = v1.safeParse(identity);
  return legacy.success ? legacy.data : null;
}
