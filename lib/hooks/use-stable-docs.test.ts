import { expect, test } from "vitest";
import { keepUnchanged } from "./use-stable-docs";

const todo = (id: string, fields: Record<string, unknown> = {}) => ({ _id: id, title: `Todo ${id}`, done: false, order: id, ...fields });

test("an update keeps the objects of the todos it did not change, and takes the changed one", () => {
  const before = [todo("a"), todo("b"), todo("c")];
  // What the client parses from the next result: all new objects, one of them ticked.
  const after = keepUnchanged(before, [todo("a"), todo("b", { done: true }), todo("c")]);
  expect(after[0]).toBe(before[0]);
  expect(after[1]).not.toBe(before[1]);
  expect(after[1]).toMatchObject({ _id: "b", done: true });
  expect(after[2]).toBe(before[2]);
});

test("a field added or removed counts as a change; new and moved todos are handled by id", () => {
  const before = [todo("a"), todo("b", { dueDate: "2026-12-24" })];
  const after = keepUnchanged(before, [todo("c"), todo("b"), todo("a", { priority: 1 })]);
  expect(after.map((t) => t._id)).toEqual(["c", "b", "a"]);
  expect(after[1]).not.toBe(before[1]); // its due date was cleared
  expect(after[1]).not.toHaveProperty("dueDate");
  expect(after[2]).not.toBe(before[0]);
  expect(keepUnchanged(before, [todo("b", { dueDate: "2026-12-24" })])[0]).toBe(before[1]);
});
