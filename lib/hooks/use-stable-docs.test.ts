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

test("nested values, bytes and numbers compare by value", () => {
  const before = [todo("a", { tags: ["x", "y"], meta: { n: 1, at: 2n } }), todo("b", { blob: new Uint8Array([1, 2]).buffer })];
  const same = keepUnchanged(before, [todo("a", { tags: ["x", "y"], meta: { n: 1, at: 2n } }), todo("b", { blob: new Uint8Array([1, 2]).buffer })]);
  expect(same[0]).toBe(before[0]);
  expect(same[1]).toBe(before[1]);
  const changed = keepUnchanged(before, [todo("a", { tags: ["x"], meta: { n: 1, at: 3n } }), todo("b", { blob: new Uint8Array([1, 3]).buffer })]);
  expect(changed[0]).not.toBe(before[0]);
  expect(changed[1]).not.toBe(before[1]);
  expect(keepUnchanged(before, [todo("a", { tags: { 0: "x", 1: "y" }, meta: { n: 1, at: 2n } })])[0]).not.toBe(before[0]);
});
