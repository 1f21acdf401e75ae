/**
 * What a role may do (README, "Tenant isolation"). Admins may do everything;
 * members read and write lists and todos. When a membership carries custom
 * `org:lists:*` / `org:todos:*` permissions, those refine the member's
 * rights. System permissions (`org:sys_*`) never reach tokens, so
 * admin-only actions are checked by role.
 */
export type Action = "lists:write" | "lists:delete" | "todos:write" | "members:manage" | "org:manage";

const ADMIN_ONLY: ReadonlySet<Action> = new Set(["lists:delete", "members:manage", "org:manage"]);

export type Grant = { role: string; permissions: string[] };

export function can({ role, permissions }: Grant, action: Action): boolean {
  if (role === "org:admin") return true;
  if (ADMIN_ONLY.has(action)) return false;
  const custom = permissions.filter((p) => p.startsWith("org:lists:") || p.startsWith("org:todos:"));
  return custom.length === 0 || custom.includes(`org:${action}`);
}
