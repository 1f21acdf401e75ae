import { expect, test } from "vitest";
import { describeEvent, describeOutcome, describeTrigger } from "./sync-words";

test.each([
  ["organizationInvitation.revoked", "invitation revoked"],
  ["organizationMembership.created", "membership created"],
  ["user.updated", "user updated"],
  ["organizationDomain.verified", "organization domain verified"],
  ["somethingNew.happened", "something new happened"],
])("%s reads “%s”", (type, words) => {
  expect(describeEvent(type)).toBe(words);
});

test("a stale delivery is not a fault: it was already up to date", () => {
  expect(describeOutcome("stale")).toBe("already up to date");
  expect(describeOutcome("applied")).toBe("applied");
  expect(describeTrigger("admin")).toBe("started by an admin");
  expect(describeTrigger("cron")).toBe("the daily run");
});
