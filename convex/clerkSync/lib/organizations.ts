import type { DatabaseReader, MutationCtx } from "../_generated/server";
import type { OrganizationFields, Outcome } from "../validators";
import type { Notifier } from "./apply";
import { bury, isBuried } from "./tombstones";

export type OrganizationRename = { orgId: string; name: string; previousName: string };

export function findOrganization(db: DatabaseReader, clerkId: string) {
  return db
    .query("organizations")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

/** A rename is reported whichever payload carries it (an organization event or one embedded in a membership). */
export async function upsertOrganization(
  ctx: MutationCtx,
  organization: OrganizationFields,
  notify: Notifier,
): Promise<Outcome> {
  if (await isBuried(ctx.db, "organization", organization.clerkId)) return "stale";
  const existing = await findOrganization(ctx.db, organization.clerkId);
  if (existing && existing.updatedAt >= organization.updatedAt) return "stale";
  if (existing) {
    await ctx.db.replace("organizations", existing._id, organization);
    if (existing.name !== organization.name) {
      await notify.organizationRenamed({ orgId: organization.clerkId, name: organization.name, previousName: existing.name });
    }
  } else {
    await ctx.db.insert("organizations", organization);
  }
  return "applied";
}

/**
 * Deletes the organization with its memberships and invitations, in this
 * transaction. Organizations here are team-sized; one far beyond the
 * per-transaction write limit (thousands of members) would need batching.
 */
export async function deleteOrganization(ctx: MutationCtx, orgId: string, deletedAt: number) {
  await bury(ctx.db, "organization", orgId, deletedAt);
  const existing = await findOrganization(ctx.db, orgId);
  if (existing) await ctx.db.delete("organizations", existing._id);
  const memberships = await ctx.db
    .query("memberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId))
    .collect();
  for (const m of memberships) await ctx.db.delete("memberships", m._id);
  const invitations = await ctx.db
    .query("invitations")
    .withIndex("by_org_status", (q) => q.eq("orgId", orgId))
    .collect();
  for (const i of invitations) await ctx.db.delete("invitations", i._id);
}
