import type { DatabaseReader, MutationCtx } from "../_generated/server.js";
import type { OrganizationFields, Outcome } from "../validators.js";
import type { Notify } from "./apply.js";
import { startCascade } from "./cascade.js";
import { bury, isBuried } from "./tombstones.js";

export function findOrganization(db: DatabaseReader, clerkId: string) {
  return db
    .query("organizations")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

/** A rename is reported whichever payload carries it (an organization event or one embedded in a membership). */
export async function upsertOrganization(ctx: MutationCtx, organization: OrganizationFields, notify: Notify): Promise<Outcome> {
  if (await isBuried(ctx.db, "organization", organization.clerkId)) return "stale";
  const existing = await findOrganization(ctx.db, organization.clerkId);
  if (existing && existing.updatedAt >= organization.updatedAt) return "stale";
  if (existing) {
    await ctx.db.replace("organizations", existing._id, organization);
    if (existing.name !== organization.name) {
      await notify({ kind: "organization.renamed", orgId: organization.clerkId, name: organization.name, previousName: existing.name });
    }
  } else {
    await ctx.db.insert("organizations", organization);
  }
  return "applied";
}

/**
 * Deletes the organization with its memberships and invitations (in batches
 * beyond one transaction: see lib/cascade.ts), and reports it once: a second
 * `organization.deleted` for the same id is stale.
 */
export async function deleteOrganization(ctx: MutationCtx, orgId: string, deletedAt: number, notify: Notify): Promise<Outcome> {
  if (await isBuried(ctx.db, "organization", orgId)) return "stale";
  await bury(ctx.db, "organization", orgId, deletedAt);
  const existing = await findOrganization(ctx.db, orgId);
  if (existing) await ctx.db.delete("organizations", existing._id);
  await startCascade(ctx, { kind: "organizationDeleted", orgId });
  await notify({ kind: "organization.deleted", orgId });
  return "applied";
}
