/**
 * Admin actions: authorised here (role from the synced membership), carried
 * out through the Clerk Backend API, then written through to the component so
 * every screen updates at once; the webhook that follows is a no-op.
 */
import { v } from "convex/values";
import type { ActionCtx } from "./_generated/server";
import { callClerk, clerkApi, invitationRedirectUrl } from "./lib/clerkApi";
import { clerkSync } from "./lib/clerkSync";
import { appError, notFound } from "./lib/errors";
import { inviteEmail, memberRole, orgName, parseField } from "./lib/inputs";
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
    const org = await callClerk(() => clerk.organizations.createOrganization({ name, createdBy: userId }));
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
