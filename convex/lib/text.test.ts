/** The clean-text rule on its own (its use at the Convex boundary: convex/cleanText.test.ts). */
import { describe, expect, test } from "vitest";
import { cleanText, textFields } from "./text";

const list = (input: string) => cleanText(textFields.listName, input);
const notes = (input: string) => cleanText(textFields.todoNotes, input);

describe("cleanText", () => {
  test("NFC-normalises and trims, so what looks the same is the same", () => {
    expect(list("  Cafe\u0301 plans \u200B")).toEqual({ ok: true, value: "Café plans" });
    expect(list("Café plans")).toEqual(list("Cafe\u0301 plans"));
    // Hangul typed as jamo composes into syllables.
    expect(list("\u1112\u1161\u11AB")).toEqual({ ok: true, value: "한" });
  });

  test("keeps what is real text: emoji sequences, flags, direction marks inside RTL text, other scripts", () => {
    for (const value of ["❤️ team", "👩🏽‍💻 devs", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland", "עברית\u200F 2024", "東京チーム", "Zoë & Zaïd"]) {
      expect(list(value)).toEqual({ ok: true, value });
    }
  });

  test.each([
    ["NUL", "List\u0000name", /List name contains a control character \(U\+0000\)/],
    ["escape", "\u001B[31mred", /\(U\+001B\)/],
    ["DEL", "del\u007F", /\(U\+007F\)/],
    ["a C1 control", "next\u0085line", /\(U\+0085\)/],
    ["a newline", "two\nlines", /List name must fit on one line/],
    ["a line separator", "two\u2028lines", /List name must fit on one line/],
    ["a tab", "tab\tbed", /List name can't contain tabs/],
    ["a right-to-left override", "invoice\u202Efdp.exe", /List name contains an invisible character that reorders text \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/],
    ["a left-to-right embedding", "a\u202Ab", /U\+202A LEFT-TO-RIGHT EMBEDDING/],
    ["a first-strong isolate", "a\u2068b\u2069", /U\+2068 FIRST STRONG ISOLATE/],
    ["a lone high surrogate", "broken \uD83D", /List name contains a broken character/],
    ["a lone low surrogate", "\uDE00 broken", /List name contains a broken character/],
  ])("refuses %s, naming the field", (_what, input, message) => {
    const result = list(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  test.each([
    ["empty", ""],
    ["spaces", "   "],
    ["zero-width spaces", "\u200B\u200B"],
    ["a zero-width joiner and a word joiner", "\u200D\u2060"],
    ["no-break and ideographic spaces", "\u00A0\u3000"],
    ["a Hangul filler", "\u3164"],
    ["a braille blank", "\u2800\u2800"],
    ["a soft hyphen and a variation selector", "\u00AD\uFE0F"],
    ["direction marks", "\u200E\u200F"],
    ["a byte-order mark", "\uFEFF"],
  ])("treats %s as empty", (_what, input) => {
    expect(list(input)).toEqual({ ok: false, error: "Name the list." });
    expect(notes(input)).toEqual({ ok: true, value: "" });
  });

  test("notes keep newlines and tabs; CR, CRLF and separators become newlines; other controls are refused", () => {
    expect(notes("first\r\nsecond\rthird\u2029fourth\n\tindented")).toEqual({ ok: true, value: "first\nsecond\nthird\nfourth\n\tindented" });
    expect(notes("bell\u0007")).toEqual({ ok: false, error: "Notes contains a control character (U+0007). Remove it." });
    expect(notes("\u2066isolated\u2069").ok).toBe(false);
  });

  test("counts characters, not UTF-16 units, and checks the minimum after cleaning", () => {
    expect(list("😀".repeat(80))).toEqual({ ok: true, value: "😀".repeat(80) });
    expect(list("x".repeat(81))).toEqual({ ok: false, error: "Keep list names under 80 characters." });
    const org = (input: string) => cleanText(textFields.orgName, input);
    expect(org(" A\u200B ")).toEqual({ ok: false, error: "Name the organization (2 characters or more)." });
    expect(org("AB")).toEqual({ ok: true, value: "AB" });
  });
});
