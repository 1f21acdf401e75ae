import { expect, test } from "vitest";
import { dayInZone } from "./time-zone";

test("the day is the zone's, not the server's: one instant is two days around the world", () => {
  const instant = new Date("2025-03-31T12:00:00Z");
  expect(dayInZone("Pacific/Auckland", instant)).toBe("2025-04-01");
  expect(dayInZone("America/Los_Angeles", instant)).toBe("2025-03-31");
  expect(dayInZone("UTC", new Date("2025-12-31T23:59:59Z"))).toBe("2025-12-31");
});

test("a zone the runtime does not know (a forged cookie) gives no day", () => {
  expect(dayInZone("Mars/Olympus_Mons")).toBeNull();
  expect(dayInZone("")).toBeNull();
});
