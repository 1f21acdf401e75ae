import type { Doc } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import type { Outcome, PublicUserData, UserFields } from "../validators";
import { displayFromUser } from "./display";
import { bury, isBuried } from "./tombstones";

export function findUser(db: DatabaseReader, clerkId: string) {
  return db
    .query("users")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", clerkId))
    .unique();
}

export async function upsertUser(ctx: MutationCtx, user: UserFields): Promise<Outcome> {
  if (await isBuried(ctx.db, "user", user.clerkId)) return "stale";
  const existing = await findUser(ctx.db, user.clerkId);
  if (existing && !existing.stub && existing.updatedAt >= user.updatedAt) return "stale";
  const doc = {
    ...user,
    primaryEmail: user.primaryEmail?.toLowerCase(),
    emails: user.emails.map((e) => e.toLowerCase()),
    lastSignInAt: latest(existing?.lastSignInAt, user.lastSignInAt),
    lastActiveOrgId: existing?.lastActiveOrgId,
    stub: false,
  };
  if (existing) {
    await ctx.db.replace("users", existing._id, doc);
  } else {
    await ctx.db.insert("users", doc);
  }
  await copyDisplayToMemberships(ctx, user.clerkId);
  return "applied";
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
  const email = data.identifier?.includes("@") ? data.identifier.toLowerCase() : undefined;
  if (existing) {
    if (!existing.stub) return existing;
    const blanks = {
      firstName: existing.firstName ?? data.firstName,
      lastName: existing.lastName ?? data.lastName,
      imageUrl: existing.imageUrl ?? data.imageUrl,
      primaryEmail: existing.primaryEmail ?? email,
      emails: existing.primaryEmail || !email ? existing.emails : [email],
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
    primaryEmail: email,
    emails: email ? [email] : [],
    publicMetadata: {},
    createdAt: 0,
    updatedAt: 0,
    stub: true,
  });
  return (await ctx.db.get("users", id))!;
}

export async function deleteUser(ctx: MutationCtx, userId: string, deletedAt: number) {
  await bury(ctx.db, "user", userId, deletedAt);
  const existing = await findUser(ctx.db, userId);
  if (existing) await ctx.db.delete("users", existing._id);
  const memberships = await ctx.db
    .query("memberships")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .collect();
  for (const m of memberships) await ctx.db.delete("memberships", m._id);
}

export async function recordSignIn(
  ctx: MutationCtx,
  session: { userId: string; lastActiveOrgId?: string; createdAt: number },
): Promise<Outcome> {
  const user = await ensureUser(ctx, { clerkId: session.userId });
  if (!user) return "stale";
  if (user.lastSignInAt !== undefined && user.lastSignInAt >= session.createdAt) return "stale";
  await ctx.db.patch("users", user._id, {
    lastSignInAt: session.createdAt,
    lastActiveOrgId: session.lastActiveOrgId,
  });
  return "applied";
}

/** Membership rows hold a copy of the user's display fields; keep it fresh. */
async function copyDisplayToMemberships(ctx: MutationCtx, userId: string) {
  const user = await findUser(ctx.db, userId);
  if (!user) return;
  const display = displayFromUser(user);
  const memberships = await ctx.db
    .query("memberships")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .collect();
  for (const m of memberships) await ctx.db.patch("memberships", m._id, display);
}

function latest(a: number | undefined, b: number | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
