/**
 * Work that follows from one change but may exceed one transaction: the
 * memberships and invitations of a deleted organization, the memberships,
 * addresses and sessions of a deleted user, a user's new name copied onto
 * each of their membership rows. The first batch runs in the change's own
 * transaction; the rest continue in scheduled mutations (`cascade.next`).
 */
import { v, type Infer } from "convex/values";
import { internal } from "../_generated/api.js";
import type { Id } from "../_generated/dataModel.js";
import type { MutationCtx } from "../_generated/server.js";
import { displayFromUser, sameDisplay } from "./display.js";

export const cascade = v.union(
  v.object({ kind: v.literal("organizationDeleted"), orgId: v.string() }),
  v.object({ kind: v.literal("userDeleted"), userId: v.string() }),
  /** `after`: the creation time of the last membership done (not `paginate`: a function may paginate once, and one batch may cascade for many users). */
  v.object({ kind: v.literal("userDisplay"), userId: v.string(), after: v.optional(v.number()) }),
);
export type Cascade = Infer<typeof cascade>;

/**
 * Documents one batch writes: far below Convex's 16,000 per transaction,
 * and small enough that the change that starts it stays fast.
 */
export const CASCADE_BATCH = 1000;

/** Runs a batch now and schedules the rest, if any. */
export async function startCascade(ctx: MutationCtx, task: Cascade): Promise<void> {
  const rest = await cascadeBatch(ctx, task);
  if (rest) await ctx.scheduler.runAfter(0, internal.cascade.next, { task: rest });
}

/** One batch; returns what is left to do, or null when done. */
async function cascadeBatch(ctx: MutationCtx, task: Cascade): Promise<Cascade | null> {
  const { db } = ctx;
  switch (task.kind) {
    case "organizationDeleted": {
      const deleted = await deleteAll(ctx, CASCADE_BATCH, [
        ["memberships", (n) => db.query("memberships").withIndex("by_org_user", (q) => q.eq("orgId", task.orgId)).take(n)],
        ["invitations", (n) => db.query("invitations").withIndex("by_org_status", (q) => q.eq("orgId", task.orgId)).take(n)],
      ]);
      return deleted === CASCADE_BATCH ? task : null;
    }
    case "userDeleted": {
      const deleted = await deleteAll(ctx, CASCADE_BATCH, [
        ["memberships", (n) => db.query("memberships").withIndex("by_user", (q) => q.eq("userId", task.userId)).take(n)],
        ["emailAddresses", (n) => db.query("emailAddresses").withIndex("by_user", (q) => q.eq("userId", task.userId)).take(n)],
        ["sessions", (n) => db.query("sessions").withIndex("by_user", (q) => q.eq("userId", task.userId)).take(n)],
      ]);
      return deleted === CASCADE_BATCH ? task : null;
    }
    case "userDisplay": {
      const user = await db
        .query("users")
        .withIndex("by_clerk_id", (q) => q.eq("clerkId", task.userId))
        .unique();
      if (!user) return null;
      const display = displayFromUser(user);
      const after = task.after;
      const page = await db
        .query("memberships")
        .withIndex("by_user", (q) => (after === undefined ? q.eq("userId", task.userId) : q.eq("userId", task.userId).gt("_creationTime", after)))
        .take(CASCADE_BATCH);
      for (const m of page) {
        if (!sameDisplay(display, m)) await db.patch("memberships", m._id, display);
      }
      return page.length === CASCADE_BATCH ? { ...task, after: page[page.length - 1]!._creationTime } : null;
    }
  }
}

type Table = "memberships" | "invitations" | "emailAddresses" | "sessions";
type Source = [Table, (n: number) => Promise<{ _id: Id<Table> }[]>];

/** Deletes from each source in turn, up to `budget` documents in all; returns how many. */
async function deleteAll(ctx: MutationCtx, budget: number, sources: Source[]) {
  let deleted = 0;
  for (const [table, take] of sources) {
    if (deleted === budget) break;
    for (const row of await take(budget - deleted)) {
      await ctx.db.delete(table, row._id);
      deleted++;
    }
  }
  return deleted;
}
