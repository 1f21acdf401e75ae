/**
 * Why a user lost access to an organization, so the screen they are looking
 * at can say "Ada removed you from Acme" instead of "no access".
 *
 * One row per (org, user), written in the transaction of the change: a
 * removal (from the membership callback, with the actor when the app did
 * it) or the organization's deletion through the app (one row per member,
 * written by the admin action before Clerk deletes it). A user who leaves on
 * their own gets no row (and loses an older one). A row outlives a re-join
 * unread: it is only asked for once the user has no access again, and by
 * then a newer removal has replaced it. Rows are only ever read by the user
 * they are about (`me.lostAccess`).
 */
import { v, type Infer } from "convex/values";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";

export const departureFields = {
  orgId: v.string(),
  userId: v.string(),
  kind: v.union(v.literal("removed"), v.literal("orgDeleted")),
  /** Who removed them or deleted the org; absent when it was done in Clerk itself. */
  actorId: v.optional(v.string()),
  /** The organization's name then (it may be gone since). */
  orgName: v.optional(v.string()),
  at: v.number(),
};
export type Departure = Infer<ReturnType<typeof v.object<typeof departureFields>>>;

export async function findDeparture(db: DatabaseReader, orgId: string, userId: string) {
  return await db
    .query("departures")
    .withIndex("by_org_user", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

/** Replaces any earlier row for the same user and org. */
export async function recordDeparture(db: DatabaseWriter, departure: Departure) {
  await forgetDeparture(db, departure.orgId, departure.userId);
  await db.insert("departures", departure);
}

export async function forgetDeparture(db: DatabaseWriter, orgId: string, userId: string) {
  const existing = await findDeparture(db, orgId, userId);
  if (existing) await db.delete("departures", existing._id);
}
