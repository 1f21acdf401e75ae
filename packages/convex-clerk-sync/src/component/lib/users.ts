import type { Doc } from "../_generated/dataModel.js";
import type { DatabaseReader, MutationCtx } from "../_generated/server.js";
import type { Outcome, PublicUserData, UserFields } from "../validators.js";
import { startCascade } from "./cascade.js";
import { displayFromUser, emailOf, sameDisplay } from "./display.js";
import type { Notify } from "./apply.js";
import { bury, isBuried } from "./tombstones.js";

export function findUser(db: DatabaseReader, clerkId: string) {
  return db
    .query("users")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

/** The user with this address verified (Clerk keeps verified addresses unique per instance). */
export async function findUserByVerifiedEmail(db: DatabaseReader, email: string) {
  const address = await db
    .query("emailAddresses")
    .withIndex("by_email_verified", (q) => q.eq("email", email).eq("verified", true))
    .first();
  return address && (await findUser(db, address.userId));
}

export async function upsertUser(ctx: MutationCtx, user: UserFields): Promise<Outcome> {
  if (await isBuried(ctx.db, "user", user.clerkId)) return "stale";
  const existing = await findUser(ctx.db, user.clerkId);
  if (existing && !existing.stub && existing.updatedAt >= user.updatedAt) return "stale";
  const doc = {
    ...user,
    lastSignInAt: latest(existing?.lastSignInAt, user.lastSignInAt),
    lastActiveOrgId: existing?.lastActiveOrgId,
    stub: false,
  };
  if (existing) {
    await ctx.db.replace("users", existing._id, doc);
  } else {
    await ctx.db.insert("users", doc);
  }
  await syncEmailAddresses(ctx, user);
  // Membership rows hold a copy of the display fields: refresh them only when they changed.
  if (existing && !sameDisplay(displayFromUser(existing), displayFromUser(doc))) {
    await startCascade(ctx, { kind: "userDisplay", userId: user.clerkId });
  }
  return "applied";
}

/** One row per address, so lookups by email are an index read and match verified addresses only. */
async function syncEmailAddresses(ctx: MutationCtx, user: UserFields) {
  const rows = await ctx.db
    .query("emailAddresses")
    .withIndex("by_user", (q) => q.eq("userId", user.clerkId))
    .collect();
  const wanted = new Map(user.emailAddresses.map((e) => [e.id, e]));
  for (const row of rows) {
    const next = wanted.get(row.clerkId);
    if (!next) await ctx.db.delete("emailAddresses", row._id);
    else if (next.email !== row.email || next.verified !== row.verified) {
      await ctx.db.patch("emailAddresses", row._id, { email: next.email, verified: next.verified });
    }
    wanted.delete(row.clerkId);
  }
  for (const e of wanted.values()) {
    await ctx.db.insert("emailAddresses", { clerkId: e.id, userId: user.clerkId, email: e.email, verified: e.verified });
  }
}

/**
 * Returns null when the user is already deleted (tombstoned). A stub made
 * from a session knows only the id: a later membership fills in its blanks.
 */
export async function ensureUser(
  ctx: MutationCtx,
  data: Pick<PublicUserData, "clerkId"> & Partial<PublicUserData>,
): Promise<Doc<"users"> | null> {
  if (await isBuried(ctx.db, "user", data.clerkId)) return null;
  const existing = await findUser(ctx.db, data.clerkId);
  const email = emailOf(data.identifier);
  if (existing) {
    if (!existing.stub) return existing;
    const blanks = {
      firstName: existing.firstName ?? data.firstName,
      lastName: existing.lastName ?? data.lastName,
      imageUrl: existing.imageUrl ?? data.imageUrl,
      hasImage: existing.hasImage || (data.hasImage ?? false),
      primaryEmail: existing.primaryEmail ?? email,
    };
    const filled = (Object.keys(blanks) as (keyof typeof blanks)[]).some((k) => blanks[k] !== existing[k]);
    if (filled) await ctx.db.patch("users", existing._id, blanks);
    return { ...existing, ...blanks };
  }
  const id = await ctx.db.insert("users", {
    clerkId: data.clerkId,
    firstName: data.firstName,
    lastName: data.lastName,
    imageUrl: data.imageUrl,
    hasImage: data.hasImage ?? false,
    // Unverified as far as we know: shown, never matched by a lookup by email.
    primaryEmail: email,
    emailAddresses: [],
    phoneNumbers: [],
    banned: false,
    locked: false,
    publicMetadata: {},
    createdAt: 0,
    updatedAt: 0,
    stub: true,
  });
  return (await ctx.db.get("users", id))!;
}

/**
 * Deletes the user with their memberships, addresses and sessions (in
 * batches when they exceed one transaction), and reports it once: a second
 * `user.deleted` for the same id is stale.
 */
export async function deleteUser(ctx: MutationCtx, userId: string, deletedAt: number, notify: Notify): Promise<Outcome> {
  if (await isBuried(ctx.db, "user", userId)) return "stale";
  await bury(ctx.db, "user", userId, deletedAt);
  const existing = await findUser(ctx.db, userId);
  if (existing) await ctx.db.delete("users", existing._id);
  await startCascade(ctx, { kind: "userDeleted", userId });
  await notify({ kind: "user.deleted", userId });
  return "applied";
}

export function latest(a: number | undefined, b: number | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
