/**
 * Rate limits on the admin actions that make Clerk do something on our
 * behalf that costs, or reaches people: invitations send email from our
 * Clerk instance, and organizations count against its quotas. They guard
 * against a scripted or compromised account, not against normal use.
 *
 * All three are token buckets (`@convex-dev/rate-limiter`): a bucket starts
 * full at `capacity` (the burst allowed at once) and refills continuously at
 * `rate` per `period`. Unlike a fixed window — which lets twice the rate
 * through around a window boundary and, once spent, makes you wait until the
 * window resets — a refusal here is short and exact: "try again in 3 minutes".
 * Limits are applied transactionally (the default): at these volumes there
 * is no contention worth sharding or queueing for.
 */
import { HOUR, RateLimiter, type RateLimitConfig } from "@convex-dev/rate-limiter";
import { v } from "convex/values";
import { components, internal } from "./_generated/api";
import { internalMutation, type ActionCtx } from "./_generated/server";
import { rateLimited } from "./lib/errors";

export const LIMITS = {
  /**
   * Per inviting user, across all their orgs: a new admin can invite a team
   * of 20 in one sitting; after that, one invitation every 3 minutes.
   */
  inviteByUser: { kind: "token bucket", rate: 20, period: HOUR, capacity: 20 },
  /**
   * Per organization, whoever invites: 50 an hour sustained, but no more
   * than 30 at once, so adding admins does not multiply the burst (two
   * admins emptying their own buckets at once already hit it). After that,
   * one every 72 seconds.
   */
  inviteByOrg: { kind: "token bucket", rate: 50, period: HOUR, capacity: 30 },
  /** Per user: 5 organizations at once, then one every 12 minutes. */
  createOrgByUser: { kind: "token bucket", rate: 5, period: HOUR, capacity: 5 },
  /**
   * Per organization: a re-sync from Clerk reads the whole instance, so an
   * admin may start two back to back, then one every 30 minutes.
   */
  reconcileByOrg: { kind: "token bucket", rate: 2, period: HOUR, capacity: 2 },
} satisfies Record<string, RateLimitConfig>;

export type LimitName = keyof typeof LIMITS;

/** The first half of the refusal's message; the error adds when to try again. */
const REFUSED: Record<LimitName, string> = {
  inviteByUser: "You have sent too many invitations.",
  inviteByOrg: "This organization has sent too many invitations.",
  createOrgByUser: "You have created too many organizations.",
  reconcileByOrg: "This organization has started too many re-syncs.",
};

const rateLimiter = new RateLimiter(components.rateLimiter, LIMITS);

const limitName = v.union(...(Object.keys(LIMITS) as LimitName[]).map((name) => v.literal(name)));

/**
 * Takes one token from each limit, all or none: when one refuses, the
 * mutation throws and the tokens the others gave are rolled back. The error
 * names the limit that frees up last, so retrying then passes them all.
 */
export const take = internalMutation({
  args: { limits: v.array(v.object({ name: limitName, key: v.string() })) },
  handler: async (ctx, { limits }) => {
    let refused: { name: LimitName; retryAfter: number } | null = null;
    for (const { name, key } of limits) {
      const status = await rateLimiter.limit(ctx, name, { key });
      if (!status.ok && (!refused || status.retryAfter > refused.retryAfter)) refused = { name, retryAfter: status.retryAfter };
    }
    if (refused) throw rateLimited(REFUSED[refused.name], refused.retryAfter);
  },
});

/**
 * For the admin actions: call after authorising and validating the input
 * (neither should cost a token) and before the Clerk Backend API, so a
 * refused call changes nothing anywhere. Throws RATE_LIMITED.
 */
export async function enforceRateLimits(ctx: Pick<ActionCtx, "runMutation">, keys: Partial<Record<LimitName, string>>): Promise<void> {
  const limits = (Object.entries(keys) as [LimitName, string][]).map(([name, key]) => ({ name, key }));
  await ctx.runMutation(internal.rateLimits.take, { limits });
}
