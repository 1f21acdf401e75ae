import type { Doc } from "../_generated/dataModel.js";
import type { DatabaseReader, MutationCtx } from "../_generated/server.js";
import type { MembershipFields, Outcome } from "../validators.js";
import type { Notify, Report } from "./apply.js";
import { displayFromPublicData, displayFromUser } from "./display.js";
import { linkAcceptedInvitation } from "./invitations.js";
import { upsertOrganization } from "./organizations.js";
import { bury, isBuried } from "./tombstones.js";
import { ensureUser } from "./users.js";

export function findMembership(db: DatabaseReader, orgId: string, userId: string) {
  return db
    .query("memberships")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

function findByClerkId(db: DatabaseReader, clerkId: string) {
  return db
    .query("memberships")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

type MembershipChanged = Extract<Report, { kind: "membership.changed" }>;

/**
 * Applies a membership snapshot. A membership may arrive before its user or
 * organization: the embedded organization is applied (guarded like any
 * organization event) and a stub user is made from `public_user_data`.
 */
export async function upsertMembership(ctx: MutationCtx, membership: MembershipFields, notify: Notify): Promise<Outcome> {
  const orgId = membership.organization.clerkId;
  // Record the user and organization first, even when the membership itself is
  // stale (deleted, or its org or a newer membership won): they exist in Clerk
  // either way, and the end state must not depend on delivery order.
  await upsertOrganization(ctx, membership.organization, notify);
  if (!membership.user) return await updateKnown(ctx, membership, notify);
  const userId = membership.user.clerkId;
  const user = await ensureUser(ctx, membership.user);
  if (!user || (await isBuried(ctx.db, "membership", membership.clerkId)) || (await isBuried(ctx.db, "organization", orgId))) {
    return "stale";
  }

  const existing = await findMembership(ctx.db, orgId, userId);
  if (existing && !isNewer(membership, existing)) return "stale";
  const same = existing?.clerkId === membership.clerkId;
  // A new membership, joined by accepting an invitation whose acceptance is already synced: link the two.
  const linked = same ? undefined : await linkAcceptedInvitation(ctx, orgId, userId, membership.clerkId);
  const doc = {
    clerkId: membership.clerkId,
    orgId,
    userId,
    role: membership.role,
    roleName: membership.roleName,
    permissions: membership.permissions,
    createdAt: membership.createdAt,
    updatedAt: membership.updatedAt,
    ...(user.stub ? displayFromPublicData(membership.user) : displayFromUser(user)),
    invitationId: linked ?? (same ? existing.invitationId : undefined),
  };
  if (existing) {
    await ctx.db.replace("memberships", existing._id, doc);
  } else {
    await ctx.db.insert("memberships", doc);
  }
  await notify({
    kind: "membership.changed",
    orgId,
    userId,
    role: doc.role,
    previousRole: existing?.role ?? null,
    ...(linked ? { invitationId: linked } : {}),
  });
  return "applied";
}

/**
 * Clerk's schema lets a membership payload come without `public_user_data`:
 * without the user's id it can only update a membership already synced.
 * An unknown one is left to the next reconciliation (answered, not refused).
 */
async function updateKnown(ctx: MutationCtx, membership: MembershipFields, notify: Notify): Promise<Outcome> {
  const existing = await findByClerkId(ctx.db, membership.clerkId);
  if (!existing) return "ignored";
  if (!isNewer(membership, existing) || (await isBuried(ctx.db, "membership", membership.clerkId))) return "stale";
  const { role, roleName, permissions, updatedAt } = membership;
  await ctx.db.patch("memberships", existing._id, { role, roleName, permissions, updatedAt });
  await notify({ kind: "membership.changed", orgId: existing.orgId, userId: existing.userId, role, previousRole: existing.role });
  return "applied";
}

/** Removes the row only if it still is this membership (not a newer re-invite). */
export async function deleteMembership(ctx: MutationCtx, membership: MembershipFields, notify: Notify): Promise<Outcome> {
  await upsertOrganization(ctx, membership.organization, notify);
  const known = membership.user ? undefined : await findByClerkId(ctx.db, membership.clerkId);
  const userId = membership.user?.clerkId ?? known?.userId;
  if (!userId) {
    await bury(ctx.db, "membership", membership.clerkId, membership.updatedAt);
    return "applied";
  }
  const report = await removeMembership(ctx, {
    clerkId: membership.clerkId,
    orgId: membership.organization.clerkId,
    userId,
    deletedAt: membership.updatedAt,
  });
  if (report) await notify(report);
  return "applied";
}

export async function removeMembership(
  ctx: MutationCtx,
  m: { clerkId: string; orgId: string; userId: string; deletedAt: number },
): Promise<MembershipChanged | undefined> {
  await bury(ctx.db, "membership", m.clerkId, m.deletedAt);
  const existing = await findMembership(ctx.db, m.orgId, m.userId);
  if (!existing || existing.clerkId !== m.clerkId) return undefined;
  await ctx.db.delete("memberships", existing._id);
  return { kind: "membership.changed", orgId: m.orgId, userId: m.userId, role: null, previousRole: existing.role };
}

/**
 * Same membership: newer `updated_at` wins. A different membership id for the
 * same (org, user) means the user left and was added again: the later one wins.
 */
function isNewer(incoming: MembershipFields, existing: Doc<"memberships">) {
  if (incoming.clerkId === existing.clerkId) return incoming.updatedAt > existing.updatedAt;
  return incoming.createdAt > existing.createdAt;
}
