import { expect, test } from "vitest";
import { slugCandidates, slugify, visibleText } from "./slug";

test.each([
  ["<b>Nina</b> & Co", "nina-co"],
  ["Café Zoë", "cafe-zoe"],
  ["  Acme, Inc.  ", "acme-inc"],
  ["日本チーム", "org"],
  ["a < b > c", "a-b-c"],
  ["x".repeat(80), "x".repeat(48)],
])("slugify(%j) = %j", (name, slug) => {
  expect(slugify(name)).toBe(slug);
});

test("markup-like tags are not visible text; a lone angle bracket is", () => {
  expect(visibleText("<b>Nina</b> & Co")).toBe("Nina & Co");
  expect(visibleText("<script>alert(1)</script>Ops")).toBe("alert(1) Ops");
  expect(visibleText("2 < 3")).toBe("2 < 3");
});

test("candidates: the slug, numbered ones, then a random one", () => {
  const candidates = slugCandidates("Acme");
  expect(candidates.slice(0, 3)).toEqual(["acme", "acme-2", "acme-3"]);
  expect(candidates.at(-1)).toMatch(/^acme-[0-9a-f]{8}$/);
});
