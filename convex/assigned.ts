import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { clerkSync } from "./lib/clerkSync";
import { tenantQuery } from "./lib/tenant";

/**
 * One member's open todos across the organization's lists, by due date:
 * `dated` first (earliest due first), then the undated ones. For "My todos"
 * (no `userId`) and a member's page. Someone who is not a member of the
 * caller's org has nothing assigned here: an empty page, exactly like a
 * member with nothing to do.
 */
export const list = tenantQuery({
  args: { userId: v.optional(v.string()), dated: v.boolean(), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { userId = ctx.tenant.userId, dated, paginationOpts }) => {
    const orgId = ctx.tenant.orgId;
    if (userId !== ctx.tenant.userId && !(await clerkSync.getMembership(ctx, orgId, userId))) {
      return { page: [], isDone: true, continueCursor: "" };
    }
    const result = await ctx.db
      .query("todos")
      .withIndex("by_org_assignee_due", (q) => {
        const open = q.eq("orgId", orgId).eq("assigneeId", userId).eq("done", false);
        return dated ? open.gte("dueDate", "0") : open.eq("dueDate", undefined);
      })
      .paginate(paginationOpts);
    // A page spans a few lists: look each up once.
    const lists = new Map<Id<"lists">, Doc<"lists"> | null>();
    const page = [];
    for (const todo of result.page) {
      if (!lists.has(todo.listId)) lists.set(todo.listId, await ctx.db.get("lists", todo.listId));
      const list = lists.get(todo.listId);
      // Deleted a moment ago and not purged yet, or archived (read-only, out of the way).
      if (!list || list.archived) continue;
      page.push({ ...todo, list: { _id: list._id, name: list.name } });
    }
    return { ...result, page };
  },
});
