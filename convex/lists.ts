import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { loadOwned } from "./lib/ids";
import { listName, parseField } from "./lib/inputs";
import { tenantMutation, tenantQuery } from "./lib/tenant";
import { appError } from "./lib/errors";
import { deleteTodosOfList } from "./lib/purge";
import { actorOf, recordAudit } from "./lib/audit";
import { calendarDay } from "./lib/inputs";
import { doneCount, listCounts, todoStats } from "./lib/todoStats";

/** Far above what a team keeps; bounds the sidebar query. */
const MAX_LISTS = 500;

export const list = tenantQuery({
  args: { archived: v.optional(v.boolean()) },
  handler: async (ctx, { archived = false }) =>
    await ctx.db
      .query("lists")
      .withIndex("by_org_archived", (q) => q.eq("orgId", ctx.tenant.orgId).eq("archived", archived))
      .take(MAX_LISTS),
});

/** Counts are read for this many lists per call: a screen of cards asks chunk by chunk. */
export const COUNTS_CHUNK = 50;

/**
 * Counts for the overview's cards: open, done, assigned to the caller (open)
 * and overdue (open, due before `today`, the caller's calendar day). They
 * come from the aggregates, never from reading todos: a few tree nodes per
 * list however many todos it holds. A foreign or missing list id answers
 * NOT_FOUND, like everywhere.
 */
export const counts = tenantQuery({
  args: { listIds: v.array(v.string()), today: v.string() },
  handler: async (ctx, args) => {
    const today = parseField(calendarDay, args.today);
    if (args.listIds.length > COUNTS_CHUNK) throw appError("INVALID_ARGUMENT", `Ask for at most ${COUNTS_CHUNK} lists at once.`);
    const lists = [];
    for (const listId of args.listIds) lists.push(await loadOwned(ctx.db, "lists", listId, "List"));
    const counts = await listCounts(ctx, ctx.tenant.orgId, lists.map((l) => l._id), ctx.tenant.userId, today);
    return Object.fromEntries(lists.map((list) => [list._id, counts.get(list._id)!]));
  },
});

/**
 * The list page's "Completed" count: the list's done todos, or the caller's
 * (`mine`). One aggregate read, not the overview's five: every screen on
 * the list runs it again when a todo is ticked.
 */
export const completedCount = tenantQuery({
  args: { listId: v.string(), mine: v.boolean() },
  handler: async (ctx, { listId, mine }) => {
    const list = await loadOwned(ctx.db, "lists", listId, "List");
    return await doneCount(ctx, ctx.tenant.orgId, list._id, mine ? ctx.tenant.userId : null);
  },
});

export const get = tenantQuery({
  args: { listId: v.string() },
  handler: async (ctx, { listId }) => await loadOwned(ctx.db, "lists", listId, "List"),
});

export const create = tenantMutation({
  args: { name: v.string() },
  requires: "lists:write",
  handler: async (ctx, args) => {
    const name = parseField(listName, args.name);
    const existing = await ctx.db
      .query("lists")
      .withIndex("by_org_archived", (q) => q.eq("orgId", ctx.tenant.orgId).eq("archived", false))
      .take(MAX_LISTS);
    if (existing.length >= MAX_LISTS) {
      throw appError("INVALID_ARGUMENT", `An organization can keep at most ${MAX_LISTS} open lists.`);
    }
    const listId = await ctx.db.insert("lists", {
      orgId: ctx.tenant.orgId,
      name,
      archived: false,
      createdBy: ctx.tenant.userId,
    });
    await recordAudit(ctx.db, { orgId: ctx.tenant.orgId, kind: "list.created", source: "app", ...actorOf(ctx.tenant), name });
    return listId;
  },
});

export const rename = tenantMutation({
  args: { listId: v.string(), name: v.string() },
  requires: "lists:write",
  handler: async (ctx, args) => {
    const list = await loadOwned(ctx.db, "lists", args.listId, "List");
    await ctx.db.patch("lists", list._id, { name: parseField(listName, args.name) });
  },
});

export const setArchived = tenantMutation({
  args: { listId: v.string(), archived: v.boolean() },
  requires: "lists:write",
  handler: async (ctx, args) => {
    const list = await loadOwned(ctx.db, "lists", args.listId, "List");
    await ctx.db.patch("lists", list._id, { archived: args.archived });
  },
});

/** Admins only. The list disappears at once; its todos are purged in batches. */
export const remove = tenantMutation({
  args: { listId: v.string() },
  requires: "lists:delete",
  handler: async (ctx, args) => {
    const list = await loadOwned(ctx.db, "lists", args.listId, "List");
    await ctx.db.delete("lists", list._id);
    await todoStats.listDeleted(ctx, list.orgId, list._id);
    await recordAudit(ctx.db, { orgId: list.orgId, kind: "list.deleted", source: "app", ...actorOf(ctx.tenant), name: list.name });
    await ctx.scheduler.runAfter(0, internal.lists.purgeTodos, { orgId: list.orgId, listId: list._id });
  },
});

export const purgeTodos = internalMutation({
  args: { orgId: v.string(), listId: v.id("lists") },
  handler: async (ctx, args) => {
    if (await deleteTodosOfList(ctx.db, args.orgId, args.listId)) {
      await ctx.scheduler.runAfter(0, internal.lists.purgeTodos, args);
    }
  },
});
