import type { Doc } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import type { MembershipFields, Outcome } from "../validators";
import type { Notifier } from "./apply";
import { displayFromPublicData, displayFromUser } from "./display";
import { upsertOrganization } from "./organizations";
import { bury, isBuried } from "./tombstones";
import { ensureUser } from "./users";

export function findMembership(db: DatabaseReader, orgId: string, userId: string) {
  return db
    .query("memberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

export type MembershipChange = {
  orgId: string;
  userId: string;
  role: string | null;
  previousRole: string | null;
};

/**
 * Applies a membership snapshot. A membership may arrive before its user or
 * organization: the embedded organization is applied (guarded like any
 * organization event) and a stub user is made from `public_user_data`.
 */
export async function upsertMembership(
  ctx: MutationCtx,
  membership: MembershipFields,
  notify: Notifier,
): Promise<{ outcome: Outcome; change?: MembershipChange }> {
  const orgId = membership.organization.clerkId;
  const userId = membership.user.clerkId;
  // Record the user and organization first, even when the membership itself is
  // stale (deleted, or its org or a newer membership won): they exist in Clerk
  // either way, and the end state must not depend on delivery order.
  const user = await ensureUser(ctx, membership.user);
  await upsertOrganization(ctx, membership.organization, notify);
  if (
    !user ||
    (await isBuried(ctx.db, "membership", membership.clerkId)) ||
    (await isBuried(ctx.db, "organization", orgId))
  ) {
    return { outcome: "stale" };
  }

  const existing = await findMembership(ctx.db, orgId, userId);
  if (existing && !isNewer(membership, existing)) return { outcome: "stale" };
  const doc = {
    clerkId: membership.clerkId,
    orgId,
    userId,
    role: membership.role,
    permissions: membership.permissions,
    createdAt: membership.createdAt,
    updatedAt: membership.updatedAt,
    ...(user.stub ? displayFromPublicData(membership.user) : displayFromUser(user)),
  };
  if (existing) {
    await ctx.db.replace("memberships", existing._id, doc);
  } else {
    await ctx.db.insert("memberships", doc);
  }
  return {
    outcome: "applied",
    change: { orgId, userId, role: doc.role, previousRole: existing?.role ?? null },
  };
}

/** Removes the row only if it still is this membership (not a newer re-invite). */
export async function deleteMembership(
  ctx: MutationCtx,
  membership: MembershipFields,
): Promise<{ outcome: Outcome; change?: MembershipChange }> {
  const change = await removeMembership(ctx, {
    clerkId: membership.clerkId,
    orgId: membership.organization.clerkId,
    userId: membership.user.clerkId,
    deletedAt: membership.updatedAt,
  });
  return { outcome: "applied", change };
}

export async function removeMembership(
  ctx: MutationCtx,
  m: { clerkId: string; orgId: string; userId: string; deletedAt: number },
): Promise<MembershipChange | undefined> {
  await bury(ctx.db, "membership", m.clerkId, m.deletedAt);
  const existing = await findMembership(ctx.db, m.orgId, m.userId);
  if (!existing || existing.clerkId !== m.clerkId) return undefined;
  await ctx.db.delete("memberships", existing._id);
  return { orgId: m.orgId, userId: m.userId, role: null, previousRole: existing.role };
}

/**
 * Same membership: newer `updated_at` wins. A different membership id for the
 * same (org, user) means the user left and was added again: the later one wins.
 */
function isNewer(incoming: MembershipFields, existing: Doc<"memberships">) {
  if (incoming.clerkId === existing.clerkId) return incoming.updatedAt > existing.updatedAt;
  return incoming.createdAt > existing.createdAt;
}
