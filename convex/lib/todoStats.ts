/**
 * Per-list counts for the overview, kept by `@convex-dev/aggregate` in the
 * transaction of every todo write, so reading them costs a few B-tree nodes
 * per list however many todos it holds (convex/cost.test.ts proves it).
 *
 * Two trees per list, in the `todoStats` component:
 * - by due date, keyed `[done, dueDate ?? ""]`: open and done counts, and
 *   "overdue" (open, due before the caller's today: a count over a key
 *   range, since being overdue changes with the clock, not with a write);
 * - by assignee, keyed `[done, assigneeId ?? ""]`: how many open and done
 *   todos are assigned to the caller.
 * The namespace starts with the org, like every index of tenant data.
 *
 *   await todoStats.inserted(ctx, todo);              // in the mutation that inserts it
 *   const counts = await listCounts(ctx, orgId, listIds, userId, "2025-03-31");
 */
import { TableAggregate } from "@convex-dev/aggregate";
import { components } from "../_generated/api";
import type { DataModel, Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";

type Tree = { Key: [boolean, string]; DataModel: DataModel; TableName: "todos"; Namespace: [string, string, "due" | "assignee"] };

const byDue = new TableAggregate<Tree>(components.todoStats, {
  namespace: (todo) => [todo.orgId, todo.listId, "due"],
  sortKey: (todo) => [todo.done, todo.dueDate ?? ""],
});

const byAssignee = new TableAggregate<Tree>(components.todoStats, {
  namespace: (todo) => [todo.orgId, todo.listId, "assignee"],
  sortKey: (todo) => [todo.done, todo.assigneeId ?? ""],
});

type Todo = Doc<"todos">;
type WriteCtx = Pick<MutationCtx, "runQuery" | "runMutation" | "meta">;

const sameDueKey = (a: Todo, b: Todo) => a.listId === b.listId && a.done === b.done && a.dueDate === b.dueDate;
const sameAssigneeKey = (a: Todo, b: Todo) => a.listId === b.listId && a.done === b.done && a.assigneeId === b.assigneeId;

export const todoStats = {
  async inserted(ctx: WriteCtx, todo: Todo) {
    await byDue.insert(ctx, todo);
    await byAssignee.insert(ctx, todo);
  },
  /** Only touches a tree whose key changed: renaming a todo writes nothing here. */
  async replaced(ctx: WriteCtx, before: Todo, after: Todo) {
    if (!sameDueKey(before, after)) await byDue.replace(ctx, before, after);
    if (!sameAssigneeKey(before, after)) await byAssignee.replace(ctx, before, after);
  },
  async deleted(ctx: WriteCtx, todo: Todo) {
    await byDue.delete(ctx, todo);
    await byAssignee.delete(ctx, todo);
  },
  /** A deleted list: its trees are emptied at once, its todos then purged without touching them. */
  async listDeleted(ctx: WriteCtx, orgId: string, listId: Id<"lists">) {
    await byDue.clear(ctx, { namespace: [orgId, listId, "due"] });
    await byAssignee.clear(ctx, { namespace: [orgId, listId, "assignee"] });
  },
};

/** `mine` and `mineDone`: the caller's open and done todos. */
export type ListCounts = { open: number; done: number; mine: number; mineDone: number; overdue: number };

/** Counts for each list: two batched component calls whatever the number of lists. */
export async function listCounts(
  ctx: Pick<QueryCtx, "runQuery" | "meta">,
  orgId: string,
  listIds: Id<"lists">[],
  userId: string,
  today: string,
): Promise<Map<Id<"lists">, ListCounts>> {
  const counts = new Map<Id<"lists">, ListCounts>();
  if (listIds.length === 0) return counts;
  const due = await byDue.countBatch(
    ctx,
    listIds.flatMap((listId) => {
      const namespace: Tree["Namespace"] = [orgId, listId, "due"];
      return [
        { namespace, bounds: { prefix: [false] as [boolean] } },
        { namespace, bounds: { prefix: [true] as [boolean] } },
        // Dated ("0…" sorts after the "" of no date) and before today.
        { namespace, bounds: { lower: { key: [false, "0"] as Tree["Key"], inclusive: true }, upper: { key: [false, today] as Tree["Key"], inclusive: false } } },
      ];
    }),
  );
  const mine = await byAssignee.countBatch(
    ctx,
    listIds.flatMap((listId) => {
      const namespace: Tree["Namespace"] = [orgId, listId, "assignee"];
      return [
        { namespace, bounds: { prefix: [false, userId] as Tree["Key"] } },
        { namespace, bounds: { prefix: [true, userId] as Tree["Key"] } },
      ];
    }),
  );
  listIds.forEach((listId, i) => {
    counts.set(listId, { open: due[3 * i]!, done: due[3 * i + 1]!, overdue: due[3 * i + 2]!, mine: mine[2 * i]!, mineDone: mine[2 * i + 1]! });
  });
  return counts;
}

/** A list's done todos (or, given `userId`, that user's): one component call, for the list page's "Completed" count. */
export async function doneCount(ctx: QueryCtx, orgId: string, listId: Id<"lists">, userId: string | null): Promise<number> {
  if (userId === null) return await byDue.count(ctx, { namespace: [orgId, listId, "due"], bounds: { prefix: [true] } });
  return await byAssignee.count(ctx, { namespace: [orgId, listId, "assignee"], bounds: { prefix: [true, userId] } });
}
