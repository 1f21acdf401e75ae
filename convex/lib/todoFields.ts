import { v, type Infer } from "convex/values";

/** Priorities as Todoist numbers them: 1 is the highest, 4 means none (so sorting ascending puts none last). */
export const PRIORITIES = [1, 2, 3, 4] as const;
export type Priority = (typeof PRIORITIES)[number];
export const NO_PRIORITY: Priority = 4;
export const priorityValidator = v.union(...PRIORITIES.map((p) => v.literal(p)));

/** A todo's stored fields (the `todos` table; `deletedTodos` keeps a copy for undo). */
export const todoFields = {
  orgId: v.string(),
  listId: v.id("lists"),
  title: v.string(),
  notes: v.optional(v.string()),
  done: v.boolean(),
  assigneeId: v.optional(v.string()),
  createdBy: v.string(),
  completedAt: v.optional(v.number()),
  order: v.string(),
  priority: priorityValidator,
  dueDate: v.optional(v.string()),
  searchText: v.string(),
};
export type TodoFields = Infer<ReturnType<typeof v.object<typeof todoFields>>>;

/** What the search index reads: the title, then the notes. */
export const searchTextOf = (todo: { title: string; notes?: string }) => (todo.notes ? `${todo.title}\n${todo.notes}` : todo.title);
