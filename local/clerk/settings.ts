/**
 * The instance settings, kept in the data file under `settings`: what a
 * user of Clerk's dashboard would set there. Every key is optional in the
 * file; missing ones take Clerk's defaults for a new application with
 * Organizations on (email + password, email codes, sign-up open with first
 * and last name required, personal accounts off, the Admin and Member roles).
 *
 * ```json
 * "settings": {
 *   "sign_up": { "enabled": false },
 *   "organizations": { "personal_accounts": true },
 *   "roles": { "org:reader": { "name": "Reader", "permissions": ["org:todos:read"] } }
 * }
 * ```
 */
import { z } from "zod";

const SYSTEM_PERMISSIONS = [
  "org:sys_profile:manage",
  "org:sys_profile:delete",
  "org:sys_memberships:read",
  "org:sys_memberships:manage",
  "org:sys_domains:read",
  "org:sys_domains:manage",
] as const;

/** `org:<feature>:<permission>` (custom) or one of Clerk's `org:sys_*` permissions. */
const permissionKey = z
  .string()
  .regex(/^org:[a-z0-9_-]+:[a-z0-9_-]+$/, "a permission key looks like org:<feature>:<permission>")
  .refine((key) => !key.startsWith("org:sys_") || (SYSTEM_PERMISSIONS as readonly string[]).includes(key), "unknown system permission");

const role = z.object({
  name: z.string().min(1),
  description: z.string().default(""),
  permissions: z.array(permissionKey).default([]),
});

const DEFAULT_ROLES = {
  "org:admin": { name: "Admin", description: "Can manage the organization, its members and its data.", permissions: [...SYSTEM_PERMISSIONS] },
  "org:member": { name: "Member", description: "Can read and write the organization's data.", permissions: ["org:sys_memberships:read"] },
};

const schema = z
  .object({
    application_name: z.string().min(1).default("Team Todos"),
    sign_up: z
      .object({
        enabled: z.boolean().default(true),
        /** First and last name at sign-up: Clerk's dashboard toggles "Require first and last name". */
        names: z.enum(["required", "optional", "off"]).default("required"),
      })
      .prefault({}),
    sign_in: z.object({ password: z.boolean().default(true), email_code: z.boolean().default(true) }).prefault({}),
    password: z.object({ min_length: z.number().int().min(1).max(72).default(8) }).prefault({}),
    organizations: z
      .object({
        enabled: z.boolean().default(true),
        /** Off (Clerk's default): a session without an organization is pending until the user picks one. */
        personal_accounts: z.boolean().default(false),
        max_allowed_memberships: z.number().int().min(0).default(0),
        users_can_create: z.boolean().default(true),
        creator_role: z.string().default("org:admin"),
        default_role: z.string().default("org:member"),
      })
      .prefault({}),
    roles: z.record(z.string().regex(/^org:[a-z0-9_-]+$/, "a role key looks like org:<name>"), role).default(DEFAULT_ROLES),
    /** The code every email verification accepts (no mail is sent), like Clerk's test mode with 424242. */
    verification_code: z.string().regex(/^\d{6}$/).default("424242"),
    session_token_lifetime_seconds: z.number().int().min(5).max(86_400).default(60),
  })
  .superRefine((s, ctx) => {
    for (const key of ["creator_role", "default_role"] as const) {
      if (!(s.organizations[key] in s.roles)) ctx.addIssue({ code: "custom", path: ["organizations", key], message: `${s.organizations[key]} is not one of the roles` });
    }
  });

export type InstanceSettings = z.output<typeof schema>;
export type RoleSettings = InstanceSettings["roles"][string];

export const defaultSettings = (): InstanceSettings => schema.parse({});

/** The file's `settings` (possibly partial or absent) with defaults filled in; a clear error when invalid. */
export function parseSettings(raw: unknown, source: string): InstanceSettings {
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw new Error(`${source}: invalid settings\n${z.prettifyError(result.error)}`);
  return result.data;
}

export const isSystemPermission = (key: string) => key.startsWith("org:sys_");

/** A role's custom permissions split into features and bare names: `org:todos:write` → todos / write. */
export function customPermissions(settings: InstanceSettings, roleKey: string): { feature: string; permission: string }[] {
  return (settings.roles[roleKey]?.permissions ?? [])
    .filter((key) => !isSystemPermission(key))
    .map((key) => {
      const [, feature = "", permission = ""] = key.split(":");
      return { feature, permission };
    });
}

/** Every feature the instance's custom permissions name, in first-seen order (the `fea` claim's org features). */
export function instanceFeatures(settings: InstanceSettings): string[] {
  const features = new Set<string>();
  for (const roleKey of Object.keys(settings.roles)) for (const { feature } of customPermissions(settings, roleKey)) features.add(feature);
  return [...features];
}
