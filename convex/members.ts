import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { clerkSync } from "./lib/clerkSync";
import { memberSearch, parseField } from "./lib/inputs";
import { tenantQuery } from "./lib/tenant";

/** The active organization's members, paginated and searchable by name or email. */
export const list = tenantQuery({
  args: { search: v.optional(v.string()), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { search, paginationOpts }) => {
    const result = await clerkSync.listMembers(ctx, {
      orgId: ctx.tenant.orgId,
      search: search === undefined ? undefined : parseField(memberSearch, search),
      paginationOpts,
    });
    return { ...result, page: result.page.map(toMember) };
  },
});

/**
 * One member of the active organization, or null: for an assignee beyond
 * the pages a screen has loaded. Anyone outside the org is null too.
 */
export const get = tenantQuery({
  args: { userId: v.string() },
  handler: async (ctx, { userId }) => {
    const membership = await clerkSync.getMembership(ctx, ctx.tenant.orgId, userId);
    return membership && toMember(membership);
  },
});

type Membership = NonNullable<Awaited<ReturnType<typeof clerkSync.getMembership>>>;

function toMember(m: Membership) {
  return {
    userId: m.userId,
    role: m.role,
    firstName: m.firstName ?? null,
    lastName: m.lastName ?? null,
    email: m.email ?? null,
    imageUrl: m.imageUrl ?? null,
    joinedAt: m.createdAt,
  };
}

/** Pending invitations of the active organization; admins only. */
export const invitations = tenantQuery({
  args: {},
  requires: "members:manage",
  handler: async (ctx) => {
    const pending = await clerkSync.listPendingInvitations(ctx, ctx.tenant.orgId);
    return pending.map((i) => ({
      invitationId: i.clerkId,
      email: i.email,
      role: i.role,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt ?? null,
    }));
  },
});
