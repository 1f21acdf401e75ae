import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { auditKind } from "./lib/audit";
import { clerkSync } from "./lib/clerkSync";
import { tenantQuery } from "./lib/tenant";

/** The organization's audit log, newest first, optionally one kind; admins only. */
export const list = tenantQuery({
  args: { kind: v.optional(auditKind), paginationOpts: paginationOptsValidator },
  requires: "members:manage",
  handler: async (ctx, { kind, paginationOpts }) => {
    const orgId = ctx.tenant.orgId;
    const result = await (kind
      ? ctx.db.query("auditEvents").withIndex("by_org_kind", (q) => q.eq("orgId", orgId).eq("kind", kind))
      : ctx.db.query("auditEvents").withIndex("by_org", (q) => q.eq("orgId", orgId))
    )
      .order("desc")
      .paginate(paginationOpts);
    // A page names at most three people per entry: look each up once.
    const names = new Map<string, string | null>();
    const nameOf = async (userId: string | undefined) => {
      if (!userId) return null;
      if (!names.has(userId)) {
        const user = await clerkSync.getUser(ctx, userId);
        const name = user && ([user.firstName, user.lastName].filter(Boolean).join(" ") || user.primaryEmail);
        names.set(userId, name ?? null);
      }
      return names.get(userId) ?? null;
    };
    const page = [];
    for (const e of result.page) {
      page.push({
        id: e._id,
        at: e._creationTime,
        kind: e.kind,
        source: e.source,
        actor: e.actorId ? { userId: e.actorId, name: await nameOf(e.actorId) } : null,
        // Someone signed in as the actor (Clerk impersonation, e.g. support staff).
        impersonator: e.impersonatorId ? { userId: e.impersonatorId, name: await nameOf(e.impersonatorId) } : null,
        subject: e.userId || e.email ? { userId: e.userId ?? null, name: await nameOf(e.userId), email: e.email ?? null } : null,
        role: e.role ?? null,
        previousRole: e.previousRole ?? null,
        name: e.name ?? null,
        previousName: e.previousName ?? null,
      });
    }
    return { ...result, page };
  },
});
