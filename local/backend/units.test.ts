/** The backend's pure parts: wire encoding, cron schedules, identities, the module walk. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { describe, expect, test } from "vitest";
import { identityFromClaims } from "./auth";
import { componentDirs, findRoots } from "./bundler";
import { nextCronTime, nextRun, parseCron } from "./crons";
import { wireError } from "./errors";
import { decodeTs, encodeServerMessage, encodeTs, parseClientMessage, singleArg } from "./protocol";
import { canonicalUdfPath } from "./runtime";
import { PROJECT_DIR } from "./testSupport";
import { ConvexError } from "convex/values";

describe("protocol", () => {
  test("timestamps are u64, 8 little-endian bytes in base64", () => {
    expect(encodeTs(1n)).toBe("AQAAAAAAAAA=");
    expect(encodeTs(0x0102030405060708n)).toBe(Buffer.from([8, 7, 6, 5, 4, 3, 2, 1]).toString("base64"));
    const now = BigInt(Date.now()) * 1_000_000n;
    expect(decodeTs(encodeTs(now))).toBe(now);
  });

  test("transitions and mutation responses encode their ts", () => {
    const version = { querySet: 1, identity: 2, ts: 3n };
    const transition = JSON.parse(encodeServerMessage({ type: "Transition", startVersion: version, endVersion: { ...version, ts: 4n }, modifications: [] })) as {
      startVersion: { ts: string };
      endVersion: { ts: string; querySet: number };
    };
    expect(transition.startVersion.ts).toBe(encodeTs(3n));
    expect(transition.endVersion).toEqual({ querySet: 1, identity: 2, ts: encodeTs(4n) });
    const response = JSON.parse(encodeServerMessage({ type: "MutationResponse", requestId: 1, success: true, result: null, ts: 5n, logLines: [] })) as { ts: string };
    expect(response.ts).toBe(encodeTs(5n));
  });

  test("client messages are checked; arguments are a one-element array", () => {
    expect(parseClientMessage(JSON.stringify({ type: "Mutation", requestId: 0, udfPath: "a:b", args: [{}] })).type).toBe("Mutation");
    expect(() => parseClientMessage(JSON.stringify({ type: "Mutation", requestId: 0, args: [] }))).toThrow(/udfPath/);
    expect(() => parseClientMessage(JSON.stringify({ type: "Nope" }))).toThrow(/Unknown message type/);
    expect(singleArg([{ a: 1 }])).toEqual({ a: 1 });
    expect(singleArg({ a: 1 })).toEqual({ a: 1 });
    expect(singleArg(undefined)).toEqual({});
  });

  test("function paths are canonical", () => {
    expect(canonicalUdfPath("lists.js:create")).toBe("lists:create");
    expect(canonicalUdfPath("lib/x")).toBe("lib/x:default");
  });

  test("only a ConvexError carries errorData", () => {
    expect(wireError(new ConvexError({ code: "NOT_FOUND" }), "r1")).toEqual({
      message: '[Request ID: r1] Server Error\nUncaught ConvexError: {"code":"NOT_FOUND"}',
      data: { code: "NOT_FOUND" },
    });
    expect(wireError(new Error("boom"), "r2")).toEqual({ message: "[Request ID: r2] Server Error\nUncaught Error: boom" });
  });
});

describe("crons", () => {
  const at = (iso: string) => Date.parse(iso);
  const iso = (ms: number) => new Date(ms).toISOString();

  test("cron expressions, UTC", () => {
    expect(iso(nextCronTime(parseCron("*/15 * * * *"), at("2025-01-01T10:07:30Z")))).toBe("2025-01-01T10:15:00.000Z");
    expect(iso(nextCronTime(parseCron("0 9 * * mon-fri"), at("2025-01-03T09:00:00Z")))).toBe("2025-01-06T09:00:00.000Z");
    expect(iso(nextCronTime(parseCron("30 2 1 * *"), at("2025-01-15T00:00:00Z")))).toBe("2025-02-01T02:30:00.000Z");
    // Day of month OR day of week when both are given.
    expect(iso(nextCronTime(parseCron("0 0 13 * 5"), at("2025-06-01T00:00:00Z")))).toBe("2025-06-06T00:00:00.000Z");
    expect(() => parseCron("* * *")).toThrow(/5 fields/);
  });

  test("cronJobs schedules", () => {
    const now = at("2025-03-10T12:34:56Z");
    expect(nextRun("a", { type: "interval", seconds: 30 }, now)).toBe(now + 30_000);
    expect(nextRun("a", { type: "interval", hours: 2 }, now)).toBe(now + 7_200_000);
    expect(iso(nextRun("a", { type: "hourly", minuteUTC: 5 }, now))).toBe("2025-03-10T13:05:00.000Z");
    expect(iso(nextRun("a", { type: "daily", hourUTC: 9, minuteUTC: 0 }, now))).toBe("2025-03-11T09:00:00.000Z");
    expect(iso(nextRun("a", { type: "weekly", dayOfWeek: "tuesday", hourUTC: 8, minuteUTC: 0 }, now))).toBe("2025-03-11T08:00:00.000Z");
    expect(iso(nextRun("a", { type: "monthly", day: 31, hourUTC: 0, minuteUTC: 0 }, now))).toBe("2025-03-31T00:00:00.000Z");
    expect(iso(nextRun("a", { type: "cron", cron: "0 0 * * *" }, now))).toBe("2025-03-11T00:00:00.000Z");
    // Without minuteUTC a job gets a stable minute of its own.
    expect(nextRun("job", { type: "hourly" }, now)).toBe(nextRun("job", { type: "hourly" }, now));
  });
});

describe("identity", () => {
  test("built like Convex builds it: tokenIdentifier, camelCase standard claims, custom claims kept", () => {
    const identity = identityFromClaims({
      iss: "https://issuer.example",
      sub: "user_1",
      aud: "convex",
      exp: 2,
      iat: 1,
      given_name: "Ada",
      email: "ada@example.com",
      sid: "sess_1",
      o: { id: "org_1", rol: "admin", slg: "one" },
    });
    expect(identity).toEqual({
      tokenIdentifier: "https://issuer.example|user_1",
      subject: "user_1",
      issuer: "https://issuer.example",
      givenName: "Ada",
      email: "ada@example.com",
      sid: "sess_1",
      o: { id: "org_1", rol: "admin", slg: "one" },
    });
  });
});

describe("module roots", () => {
  test("the app and each local component, tests and configs left out", () => {
    // A local component: a directory of the functions dir with its own convex.config.
    const functionsDir = mkdtempSync(join(tmpdir(), "module-roots-"));
    const write = (file: string) => {
      mkdirSync(dirname(join(functionsDir, file)), { recursive: true });
      writeFileSync(join(functionsDir, file), "export {};\n");
    };
    for (const file of ["convex.config.ts", "lists.ts", "lists.test.ts", "_generated/api.ts", "local/convex.config.ts", "local/schema.ts", "local/lib.ts", "local/_generated/api.ts"]) write(file);
    try {
      const roots = findRoots(functionsDir);
      expect(roots.map((r) => r.dir).sort()).toEqual(["", "local"]);
      const app = roots.find((r) => r.dir === "")!;
      const component = roots.find((r) => r.dir === "local")!;
      const rel = (files: string[]) => files.map((f) => relative(functionsDir, f).split(sep).join("/")).sort();
      expect(rel(app.files)).toEqual(["_generated/api.ts", "lists.ts"]);
      expect(rel(component.files)).toEqual(["local/_generated/api.ts", "local/lib.ts", "local/schema.ts"]);
      expect(app.config).toMatch(/convex\.config\.ts$/);
      expect(component.schema).toMatch(/local\/schema\.ts$/);
    } finally {
      rmSync(functionsDir, { recursive: true, force: true });
    }
  });

  test("components from npm (a workspace package too), and the components they mount, are roots named by their definition paths", async () => {
    const functionsDir = join(PROJECT_DIR, "convex");
    const dirs = await componentDirs(functionsDir);
    const rateLimiter = "../node_modules/@convex-dev/rate-limiter/dist/component";
    const aggregate = "../node_modules/@convex-dev/aggregate/dist/component";
    // The rate limiter and the aggregate each mount a batch worker: two versions, one of them
    // nested under its user, wherever npm's hoisting put it.
    const workerOf = (pkg: string) =>
      relative(functionsDir, join(dirname(createRequire(join(PROJECT_DIR, "node_modules", pkg, "package.json")).resolve("@convex-dev/batch-worker/package.json")), "dist/component")).split(sep).join("/");
    const workers = [...new Set([workerOf("@convex-dev/rate-limiter"), workerOf("@convex-dev/aggregate")])];
    expect(workers).toHaveLength(2);
    // An npm workspace links the package into node_modules; its real path is where it lives.
    const clerkSync = "../packages/convex-clerk-sync/dist/component";
    const npm = [aggregate, ...workers, clerkSync, rateLimiter];
    expect(dirs.map((d) => relative(functionsDir, d).split(sep).join("/")).sort()).toEqual([...npm].sort());
    const roots = findRoots(functionsDir, dirs);
    expect(roots.map((r) => r.dir).sort()).toEqual(["", ...npm].sort());
    // As the Convex CLI, a file name with several dots is no module (the aggregate's test helpers).
    const aggregateFiles = roots.find((r) => r.dir === aggregate)!.files.map((f) => f.split(sep).pop());
    expect(aggregateFiles).toContain("btree.js");
    expect(aggregateFiles).not.toContain("arbitrary.helpers.js");
    expect(roots.find((r) => r.dir === "")!.files.some((f) => f.endsWith("auth.config.ts"))).toBe(true);
    const limiter = roots.find((r) => r.dir === rateLimiter)!;
    expect(limiter.config).toMatch(/rate-limiter\/dist\/component\/convex\.config\.js$/);
    expect(limiter.schema).toMatch(/rate-limiter\/dist\/component\/schema\.js$/);
    expect(roots.find((r) => r.dir === clerkSync)!.schema).toMatch(/convex-clerk-sync\/dist\/component\/schema\.js$/);
    // `_generated` is kept: convex-test finds a module root by it.
    const names = limiter.files.map((f) => relative(join(functionsDir, rateLimiter), f).split(sep).join("/"));
    expect(names).toEqual(expect.arrayContaining(["lib.js", "_generated/api.js"]));
    expect(names.some((f) => f.endsWith(".d.ts") || f.endsWith(".map"))).toBe(false);
  });
});
