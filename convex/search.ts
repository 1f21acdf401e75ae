import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { parseField, todoSearch } from "./lib/inputs";
import { tenantQuery } from "./lib/tenant";

/** Enough for a palette or a results page; the index ranks the best first. */
const RESULTS = 20;

/**
 * The active organization's todos whose title or notes match `text`, best
 * first. The search index filters on `orgId`, so another org's todo can
 * never match; todos of a list deleted moments ago (not purged yet) are left out.
 */
export const todos = tenantQuery({
  args: { text: v.string() },
  handler: async (ctx, args) => {
    const text = parseField(todoSearch, args.text);
    if (!text) return [];
    const found = await ctx.db
      .query("todos")
      .withSearchIndex("search_text", (q) => q.search("searchText", text).eq("orgId", ctx.tenant.orgId))
      .take(RESULTS);
    const lists = new Map<Id<"lists">, Doc<"lists"> | null>();
    const results = [];
    for (const todo of found) {
      if (!lists.has(todo.listId)) lists.set(todo.listId, await ctx.db.get("lists", todo.listId));
      const list = lists.get(todo.listId);
      if (!list) continue;
      results.push({
        _id: todo._id,
        title: todo.title,
        notes: todo.notes ?? null,
        done: todo.done,
        dueDate: todo.dueDate ?? null,
        priority: todo.priority,
        list: { _id: list._id, name: list.name, archived: list.archived },
      });
    }
    return results;
  },
});
