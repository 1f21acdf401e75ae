/**
 * Admin actions: authorised here (role from the synced membership), carried
 * out through the Clerk Backend API, then written through to the component so
 * every screen updates at once; the webhook that follows is a no-op.
 */
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { ActionCtx } from "./_generated/server";
import { callClerk, clerkApi, invitationRedirectUrl } from "./lib/clerkApi";
import { clerkSync } from "./lib/clerkSync";
import { appError, notFound } from "./lib/errors";
import { confirmOrgName, inviteEmail, memberRole, orgName, parseField } from "./lib/inputs";
import { slugCandidates } from "./lib/slug";
import { impersonatorOf, tenantAction, userAction, type Tenant } from "./lib/tenant";

/** Whom a write-through acted for, as the component's events name it. */
const actingFor = (tenant: Tenant) => ({ userId: tenant.userId, impersonatorId: tenant.impersonatorId });
import { enforceRateLimits } from "./rateLimits";

/** Any signed-in user may start an organization; they become its admin. */
export const createOrganization = userAction({
  args: { name: v.string() },
  handler: async (ctx, args) => {
    const name = parseField(orgName, args.name);
    const userId = ctx.identity.subject;
    const actor = { userId, impersonatorId: impersonatorOf(ctx.identity) };
    await enforceRateLimits(ctx, { createOrgByUser: userId });
    const clerk = clerkApi();
    const org = await createWithFreeSlug(name, (slug) => clerk.organizations.createOrganization({ name, slug, createdBy: userId }));
    await clerkSync.applyFromApi(ctx, "organization.created", org.raw, actor);
    const { data } = await callClerk(() =>
      clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, userId: [userId] }),
    );
    for (const membership of data) {
      await clerkSync.applyFromApi(ctx, "organizationMembership.created", membership.raw, actor);
    }
    return { orgId: org.id, slug: org.slug };
  },
});

/**
 * The slug comes from the name's visible text ("<b>Nina</b> & Co" →
 * "nina-co"); when another org has it, the next candidate is tried
 * ("nina-co-2", …), as Clerk answers `form_identifier_exists` for a taken slug.
 */
async function createWithFreeSlug<T>(name: string, create: (slug: string) => Promise<T>): Promise<T> {
  const candidates = slugCandidates(name);
  for (const [i, slug] of candidates.entries()) {
    try {
      return await callClerk(() =>
        create(slug).catch((error: unknown) => {
          const taken = isClerkAPIResponseError(error) && error.errors.some((e) => e.code === "form_identifier_exists");
          if (taken && i < candidates.length - 1) throw new SlugTaken();
          throw error;
        }),
      );
    } catch (error) {
      if (!(error instanceof SlugTaken)) throw error;
    }
  }
  throw new Error("unreachable: the last slug candidate either succeeds or throws");
}

class SlugTaken extends Error {}

/**
 * Admins only, and only with the organization's name typed again. Clerk
 * deletes it; the write-through (and the webhook after it) removes it from
 * every member's screen at once and purges its lists and todos in batches.
 * Each member is told who deleted it (lib/departures.ts).
 */
export const deleteOrganization = tenantAction({
  args: { confirmName: v.string() },
  requires: "org:manage",
  handler: async (ctx, args) => {
    const typed = parseField(confirmOrgName, args.confirmName);
    const org = await clerkSync.getOrganization(ctx, ctx.tenant.orgId);
    if (!org) throw notFound("Organization");
    if (typed !== org.name) throw appError("INVALID_ARGUMENT", `Type “${org.name}” exactly to confirm.`);
    const memberIds = await allMemberIds(ctx, ctx.tenant.orgId);
    await callClerk(() => clerkApi().organizations.deleteOrganization(ctx.tenant.orgId));
    await ctx.runMutation(internal.departures.recordOrgDeleted, {
      orgId: ctx.tenant.orgId,
      orgName: org.name,
      actorId: ctx.tenant.userId,
      userIds: memberIds.filter((id) => id !== ctx.tenant.userId),
    });
    await clerkSync.applyFromApi(ctx, "organization.deleted", { id: ctx.tenant.orgId, object: "organization", deleted: true }, actingFor(ctx.tenant));
  },
});

/** Every member's id, page by page (team-sized orgs: a handful of pages). */
async function allMemberIds(ctx: ActionCtx, orgId: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof clerkSync.listMembers>> = await clerkSync.listMembers(ctx, { orgId, paginationOpts: { numItems: 200, cursor } });
    ids.push(...page.page.map((m) => m.userId));
    if (page.isDone) return ids;
    cursor = page.continueCursor;
  }
}

export const renameOrganization = tenantAction({
  args: { name: v.string() },
  requires: "org:manage",
  handler: async (ctx, args) => {
    const name = parseField(orgName, args.name);
    const org = await callClerk(() => clerkApi().organizations.updateOrganization(ctx.tenant.orgId, { name }));
    await clerkSync.applyFromApi(ctx, "organization.updated", org.raw, actingFor(ctx.tenant));
  },
});

export const invite = tenantAction({
  args: { email: v.string(), role: v.string() },
  requires: "members:manage",
  handler: async (ctx, args) => {
    const emailAddress = parseField(inviteEmail, args.email);
    const role = parseField(memberRole, args.role);
    await enforceRateLimits(ctx, { inviteByUser: ctx.tenant.userId, inviteByOrg: ctx.tenant.orgId });
    const invitation = await callClerk(() =>
      clerkApi().organizations.createOrganizationInvitation({
        organizationId: ctx.tenant.orgId,
        emailAddress,
        role,
        inviterUserId: ctx.tenant.userId,
        // The email's link checks the invitation at Clerk, then lands on the app's sign-in page,
        // whose <SignIn/> completes it (or sends a new user on to <SignUp/>), not on Clerk's Account Portal.
        redirectUrl: invitationRedirectUrl(),
      }),
    );
    await clerkSync.applyFromApi(ctx, "organizationInvitation.created", invitation.raw, actingFor(ctx.tenant));
  },
});

/**
 * Sends a pending invitation again. Clerk has no "resend": the old
 * invitation is revoked and a new one (same email, same role) sent, which
 * emails a fresh link. Rate limited exactly like `invite`.
 */
export const resendInvitation = tenantAction({
  args: { invitationId: v.string() },
  requires: "members:manage",
  handler: async (ctx, { invitationId }) => {
    const known = await clerkSync.getInvitation(ctx, invitationId);
    if (!known || known.orgId !== ctx.tenant.orgId) throw notFound("Invitation");
    if (known.status !== "pending") throw appError("INVALID_ARGUMENT", `This invitation was ${known.status}; send a new one instead.`);
    await enforceRateLimits(ctx, { inviteByUser: ctx.tenant.userId, inviteByOrg: ctx.tenant.orgId });
    const clerk = clerkApi();
    const revoked = await callClerk(() =>
      clerk.organizations.revokeOrganizationInvitation({ organizationId: ctx.tenant.orgId, invitationId, requestingUserId: ctx.tenant.userId }),
    );
    await clerkSync.applyFromApi(ctx, "organizationInvitation.revoked", revoked.raw, actingFor(ctx.tenant));
    const invitation = await callClerk(() =>
      clerk.organizations.createOrganizationInvitation({
        organizationId: ctx.tenant.orgId,
        emailAddress: known.email,
        role: known.role,
        inviterUserId: ctx.tenant.userId,
      }),
    );
    await clerkSync.applyFromApi(ctx, "organizationInvitation.created", invitation.raw, actingFor(ctx.tenant));
  },
});

export const revokeInvitation = tenantAction({
  args: { invitationId: v.string() },
  requires: "members:manage",
  handler: async (ctx, { invitationId }) => {
    const known = await clerkSync.getInvitation(ctx, invitationId);
    if (!known || known.orgId !== ctx.tenant.orgId) throw notFound("Invitation");
    const invitation = await callClerk(() =>
      clerkApi().organizations.revokeOrganizationInvitation({
        organizationId: ctx.tenant.orgId,
        invitationId,
        requestingUserId: ctx.tenant.userId,
      }),
    );
    await clerkSync.applyFromApi(ctx, "organizationInvitation.revoked", invitation.raw, actingFor(ctx.tenant));
  },
});

export const changeRole = tenantAction({
  args: { userId: v.string(), role: v.string() },
  requires: "members:manage",
  handler: async (ctx, args) => {
    const role = parseField(memberRole, args.role);
    const member = await requireMember(ctx, ctx.tenant, args.userId);
    if (member.role === role) return;
    if (member.role === "org:admin") await requireAnotherAdmin(ctx, ctx.tenant, args.userId, "demoted");
    const membership = await callClerk(() =>
      clerkApi().organizations.updateOrganizationMembership({
        organizationId: ctx.tenant.orgId,
        userId: args.userId,
        role,
      }),
    );
    await clerkSync.applyFromApi(ctx, "organizationMembership.updated", membership.raw, actingFor(ctx.tenant));
  },
});

export const removeMember = tenantAction({
  args: { userId: v.string() },
  requires: "members:manage",
  handler: async (ctx, { userId }) => {
    await removeFromOrg(ctx, ctx.tenant, userId);
  },
});

/** Any member may leave, except the last admin. */
export const leave = tenantAction({
  args: {},
  handler: async (ctx) => {
    await removeFromOrg(ctx, ctx.tenant, ctx.tenant.userId);
  },
});

async function removeFromOrg(ctx: ActionCtx, tenant: Tenant, userId: string) {
  const member = await requireMember(ctx, tenant, userId);
  if (member.role === "org:admin") await requireAnotherAdmin(ctx, tenant, userId, "removed");
  const membership = await callClerk(() =>
    clerkApi().organizations.deleteOrganizationMembership({ organizationId: tenant.orgId, userId }),
  );
  await clerkSync.applyFromApi(ctx, "organizationMembership.deleted", membership.raw, actingFor(tenant));
}

/** A user of another org answers like an unknown user. */
async function requireMember(ctx: ActionCtx, tenant: Tenant, userId: string) {
  const member = await clerkSync.getMembership(ctx, tenant.orgId, userId);
  if (!member) throw notFound("Member");
  return member;
}

/** An organization always keeps at least one admin. */
async function requireAnotherAdmin(ctx: ActionCtx, tenant: Tenant, userId: string, change: string) {
  const admins = await clerkSync.listMembersWithRole(ctx, tenant.orgId, "org:admin", 2);
  if (!admins.some((admin) => admin.userId !== userId)) {
    throw appError("FORBIDDEN", `The last admin cannot be ${change}: make another member an admin first.`);
  }
}
