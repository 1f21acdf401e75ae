import type { MutationCtx } from "../_generated/server.js";
import type { Outcome, SessionFields } from "../validators.js";
import { ensureUser } from "./users.js";

/** The impersonator's user id, from Clerk's `actor` (`{ sub: "user_…" }`). */
export function actorIdOf(actor: unknown): string | undefined {
  const sub = actor && typeof actor === "object" ? (actor as { sub?: unknown }).sub : undefined;
  return typeof sub === "string" && sub ? sub : undefined;
}

/**
 * Records a session's latest state (newer `updated_at` wins) and, for a
 * sign-in, the user's last sign-in and active organization (a newer sign-in
 * wins). A session of a user not synced yet makes a stub user.
 */
export async function recordSession(ctx: MutationCtx, session: SessionFields, { signIn }: { signIn: boolean }): Promise<Outcome> {
  const user = await ensureUser(ctx, { clerkId: session.userId });
  if (!user) return "stale";
  let applied = false;
  const existing = await ctx.db
    .query("sessions")
    .withIndex("by_clerk_id", (q) => q.eq("clerkId", session.clerkId))
    .unique();
  if (!existing || existing.updatedAt < session.updatedAt) {
    const doc = { ...session, actorId: actorIdOf(session.actor) };
    if (existing) await ctx.db.replace("sessions", existing._id, doc);
    else await ctx.db.insert("sessions", doc);
    applied = true;
  }
  if (signIn && (user.lastSignInAt === undefined || user.lastSignInAt < session.createdAt)) {
    await ctx.db.patch("users", user._id, { lastSignInAt: session.createdAt, lastActiveOrgId: session.lastActiveOrgId });
    applied = true;
  }
  return applied ? "applied" : "stale";
}
