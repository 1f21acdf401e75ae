/** The readable log of `npm run dev` and the JSON log file beside it. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fileLogger, logFunctionCall, readableLogger, teeLogger, type LogEntry } from "./log";

const at = new Date(2026, 0, 2, 14, 3, 12);

function readable(entries: LogEntry[], slowMs = 500) {
  const lines: string[] = [];
  const log = readableLogger((line) => lines.push(line), { slowMs, color: false, now: () => at });
  for (const entry of entries) log(entry);
  return lines;
}

const call = (fields: Partial<Record<string, unknown>>): LogEntry => {
  const entries: LogEntry[] = [];
  logFunctionCall((e) => entries.push(e), { path: "lists:list", type: "query", source: "subscription", durationMs: 3, outcome: "ok", ...fields } as never);
  return entries[0]!;
};

describe("readableLogger", () => {
  test("calls that worked print nothing; a slow one prints one line", () => {
    expect(readable([call({}), call({ type: "mutation", path: "lists:create", source: "ws", durationMs: 12 })])).toEqual([]);
    expect(readable([call({ path: "todos:list", durationMs: 812 })])).toEqual(["[convex] 14:03:12 slow     query todos:list (subscription, 812 ms)"]);
  });

  test("a refusal (ConvexError) shows its code and message; an exception its message and where it was thrown", () => {
    const refused = call({
      type: "mutation",
      path: "lists:create",
      source: "ws",
      outcome: "error",
      refused: true,
      error: JSON.stringify({ code: "INVALID_ARGUMENT", message: "Name the list." }),
    });
    const threw = call({
      outcome: "error",
      error: "Cannot read properties of undefined (reading 'orgId')",
      stack: "at handler (/home/me/team-todos/convex/lists.ts:14:22)\nat async run (/x/node_modules/convex-test/dist/index.js:1:1)",
    });
    expect(readable([refused, threw])).toEqual([
      "[convex] 14:03:12 refused  mutation lists:create (ws, 3 ms): INVALID_ARGUMENT Name the list.",
      "[convex] 14:03:12 error    query lists:list (subscription, 3 ms): Cannot read properties of undefined (reading 'orgId') (at convex/lists.ts:14:22)",
    ]);
  });

  test("a webhook is one line: route, status, time and what the handler said", () => {
    const webhook = call({
      path: "POST /clerk-webhook",
      type: "httpAction",
      source: "httpAction",
      durationMs: 9,
      status: 200,
      console: ["'clerk webhook msg_2x: user.updated applied'"],
    });
    const printed = { level: "info" as const, msg: "console", path: "http", text: "'clerk webhook msg_2x: user.updated applied'" };
    const forged = call({ path: "POST /clerk-webhook", type: "httpAction", source: "httpAction", status: 401, console: ["'clerk webhook msg_3y: rejected, bad signature'"] });
    expect(readable([printed, webhook, forged])).toEqual([
      "[convex] 14:03:12 http     POST /clerk-webhook → 200 (9 ms): clerk webhook msg_2x: user.updated applied",
      "[convex] 14:03:12 http     POST /clerk-webhook → 401 (3 ms): clerk webhook msg_3y: rejected, bad signature",
    ]);
  });

  test("function console output, reloads and backend problems each get a line", () => {
    expect(
      readable([
        { level: "warn", msg: "console", path: "reconcile:start", text: "'already running'" },
        { level: "info", msg: "functions reloaded", hash: "ab12", durationMs: 840 },
        { level: "error", msg: "functions failed to load; the previous version keeps running", error: "convex/lists.ts:3:1: ERROR: Expected \";\"\nbut found \"x\"" },
        { level: "info", msg: "local Convex backend ready", url: "http://127.0.0.1:3210", siteUrl: "http://127.0.0.1:3211", dataDir: "/d" },
      ]),
    ).toEqual([
      "[convex] 14:03:12 warn     reconcile:start: 'already running'",
      "[convex] 14:03:12 backend  functions reloaded: hash ab12, 840 ms",
      '[convex] 14:03:12 error    functions failed to load; the previous version keeps running: convex/lists.ts:3:1: ERROR: Expected ";" ⏎ but found "x"',
      "[convex] 14:03:12 ready    http://127.0.0.1:3210 (HTTP actions http://127.0.0.1:3211)",
    ]);
  });
});

describe("fileLogger", () => {
  test("keeps every entry as JSON, and the previous run's file as .1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "log-test-"));
    const path = join(dir, "logs", "convex.log");
    try {
      const first = fileLogger(path);
      first.log({ level: "info", msg: "function", path: "a:b" });
      await first.close();
      const second = fileLogger(path);
      const shown: string[] = [];
      const log = teeLogger(second.log, readableLogger((line) => shown.push(line), { color: false }));
      log(call({}));
      await second.close();
      expect(JSON.parse(readFileSync(`${path}.1`, "utf8"))).toMatchObject({ msg: "function", path: "a:b", time: expect.any(String) });
      expect(readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([expect.objectContaining({ msg: "function", path: "lists:list", outcome: "ok" })]);
      expect(shown).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
