import { expect, test } from "vitest";
import { reuseEqualRows } from "./use-stable-rows";

const row = (id: string, title: string, done = false) => ({ _id: id, title, done });

test("a fresh copy of the same rows is the previous array, objects and all", () => {
  const before = [row("a", "Milk"), row("b", "Bread")];
  expect(reuseEqualRows(before, structuredClone(before))).toBe(before);
});

test("one row changed: only that row is a new object", () => {
  const before = [row("a", "Milk"), row("b", "Bread"), row("c", "Eggs")];
  const after = reuseEqualRows(before, [row("a", "Milk"), row("b", "Bread", true), row("c", "Eggs")]);
  expect(after).not.toBe(before);
  expect(after[0]).toBe(before[0]);
  expect(after[1]).toEqual(row("b", "Bread", true));
  expect(after[1]).not.toBe(before[1]);
  expect(after[2]).toBe(before[2]);
});

test("rows leaving, arriving and moving keep the objects of those unchanged", () => {
  const before = [row("a", "Milk"), row("b", "Bread"), row("c", "Eggs")];
  const after = reuseEqualRows(before, [row("c", "Eggs"), row("d", "Jam"), row("a", "Milk")]);
  expect(after.map((r) => r._id)).toEqual(["c", "d", "a"]);
  expect(after[0]).toBe(before[2]);
  expect(after[2]).toBe(before[0]);
  expect(reuseEqualRows(before, before.slice(0, 2))).toEqual(before.slice(0, 2));
});
