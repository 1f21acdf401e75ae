/**
 * Roles and permissions (`role.*`, `permission.*`), and what a membership may
 * do: editing a role's permissions in Clerk sends one `role.updated`, not an
 * event per member, so a membership's effective permissions are its role's
 * when the role changed after the membership was last synced.
 */
import type { Doc } from "../_generated/dataModel.js";
import type { DatabaseReader, MutationCtx } from "../_generated/server.js";
import type { Outcome, PermissionFields, RoleFields } from "../validators.js";
import { bury, isBuried } from "./tombstones.js";

/** Clerk caps custom roles per instance far below this. */
const MAX_ROLES = 1000;

function findRole(db: DatabaseReader, clerkId: string) {
  return db
    .query("roles")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

function findPermission(db: DatabaseReader, clerkId: string) {
  return db
    .query("permissions")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

export async function upsertRole(ctx: MutationCtx, role: RoleFields): Promise<Outcome> {
  // The permissions embedded in the role are Clerk's current ones too.
  for (const permission of role.permissions) await upsertPermission(ctx, permission);
  if (await isBuried(ctx.db, "role", role.clerkId)) return "stale";
  const existing = await findRole(ctx.db, role.clerkId);
  if (existing && existing.updatedAt >= role.updatedAt) return "stale";
  const doc = { ...role, permissionsAt: Math.max(role.updatedAt, existing?.permissionsAt ?? 0) };
  if (existing) await ctx.db.replace("roles", existing._id, doc);
  else await ctx.db.insert("roles", doc);
  return "applied";
}

export async function deleteRole(ctx: MutationCtx, roleId: string, deletedAt: number): Promise<Outcome> {
  if (await isBuried(ctx.db, "role", roleId)) return "stale";
  await bury(ctx.db, "role", roleId, deletedAt);
  const existing = await findRole(ctx.db, roleId);
  if (existing) await ctx.db.delete("roles", existing._id);
  return "applied";
}

/** A renamed permission key is renamed in every role that grants it. */
export async function upsertPermission(ctx: MutationCtx, permission: PermissionFields): Promise<Outcome> {
  if (await isBuried(ctx.db, "permission", permission.clerkId)) return "stale";
  const existing = await findPermission(ctx.db, permission.clerkId);
  if (existing && existing.updatedAt >= permission.updatedAt) return "stale";
  if (existing) await ctx.db.replace("permissions", existing._id, permission);
  else await ctx.db.insert("permissions", permission);
  if (existing && existing.key !== permission.key) {
    await editRoles(ctx, permission.clerkId, permission.updatedAt, (p) => (p.clerkId === permission.clerkId ? permission : p));
  }
  return "applied";
}

/** A deleted permission is granted by no role any more. */
export async function deletePermission(ctx: MutationCtx, permissionId: string, deletedAt: number): Promise<Outcome> {
  if (await isBuried(ctx.db, "permission", permissionId)) return "stale";
  await bury(ctx.db, "permission", permissionId, deletedAt);
  const existing = await findPermission(ctx.db, permissionId);
  if (existing) await ctx.db.delete("permissions", existing._id);
  await editRoles(ctx, permissionId, deletedAt, (p) => (p.clerkId === permissionId ? null : p));
  return "applied";
}

async function editRoles(
  ctx: MutationCtx,
  permissionId: string,
  at: number,
  edit: (p: PermissionFields) => PermissionFields | null,
) {
  const roles = await ctx.db.query("roles").take(MAX_ROLES);
  for (const role of roles) {
    if (!role.permissions.some((p) => p.clerkId === permissionId)) continue;
    const permissions = role.permissions.map(edit).filter((p): p is PermissionFields => p !== null);
    await ctx.db.patch("roles", role._id, { permissions, permissionsAt: Math.max(role.permissionsAt, at) });
  }
}

/**
 * Effective permissions, reading each role once per query: the role's
 * current permissions when it changed after the membership was last synced
 * (a role edit in Clerk), else the membership's own, as Clerk sent them.
 */
export function permissionsReader(db: DatabaseReader) {
  const roles = new Map<string, Promise<Doc<"roles"> | null>>();
  const roleOf = (key: string) => {
    if (!roles.has(key)) roles.set(key, db.query("roles").withIndex("by_key", (q) => q.eq("key", key)).first());
    return roles.get(key)!;
  };
  return async <M extends Pick<Doc<"memberships">, "role" | "permissions" | "updatedAt">>(membership: M): Promise<M> => {
    const role = await roleOf(membership.role);
    if (!role || role.permissionsAt <= membership.updatedAt) return membership;
    return { ...membership, permissions: role.permissions.map((p) => p.key) };
  };
}
