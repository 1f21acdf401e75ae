/** The plain field rules, and their zod wrappers in ./inputs answering the same. */
import { describe, expect, test } from "vitest";
import { inviteEmail, memberRole, searchText } from "./fields";
import * as inputs from "./inputs";

describe("field rules", () => {
  test("a search is trimmed and at most 100 characters", () => {
    expect(searchText("  ada ")).toEqual({ ok: true, value: "ada" });
    expect(searchText("x".repeat(101))).toEqual({ ok: false, error: "Search for at most 100 characters." });
  });

  test("an invitation email is trimmed, lower-cased and well-formed", () => {
    expect(inviteEmail(" Ada@Acme.TEST ")).toEqual({ ok: true, value: "ada@acme.test" });
    for (const bad of ["", "ada", "ada@", "ada@acme", ".ada@acme.test", "ada..b@acme.test"]) {
      expect(inviteEmail(bad)).toEqual({ ok: false, error: "Enter a valid email address." });
    }
  });

  test("a role is admin or member", () => {
    expect(memberRole("org:admin")).toEqual({ ok: true, value: "org:admin" });
    expect(memberRole("org:owner")).toEqual({ ok: false, error: "Choose a role: admin or member." });
  });

  test("the Convex schemas give the rules' values and messages", () => {
    expect(inputs.inviteEmail.safeParse(" Ada@Acme.TEST ").data).toBe("ada@acme.test");
    expect(inputs.memberRole.safeParse("org:owner").error?.issues[0]?.message).toBe("Choose a role: admin or member.");
    expect(inputs.todoSearch.safeParse("x".repeat(101)).error?.issues[0]?.message).toBe("Search for at most 100 characters.");
  });
});
