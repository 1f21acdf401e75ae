/**
 * What outlives a request: data across restarts (with pending scheduled
 * functions), code changes picked up while running (new modules, crons,
 * subscriptions re-run, data carried over, incompatible schemas refused),
 * and the CLI process.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { event, membership, organization } from "../../test/clerk";
import {
  addMember,
  copyProject,
  deliver,
  httpClient,
  PROJECT_DIR,
  startIssuer,
  startTestBackend,
  subscribe,
  tempDataDir,
  wsClient,
  type Issuer,
} from "./testSupport";

const probe = `
import { makeFunctionReference } from "convex/server";
import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";

const insertListRef = makeFunctionReference<"mutation", { orgId: string; name: string }>("lifecycleProbe:insertList");

export const scheduleList = mutation({
  args: { orgId: v.string(), name: v.string(), delayMs: v.number() },
  handler: async (ctx, { orgId, name, delayMs }) => {
    await ctx.scheduler.runAfter(delayMs, insertListRef, { orgId, name });
  },
});

export const insertList = internalMutation({
  args: { orgId: v.string(), name: v.string() },
  handler: async (ctx, { orgId, name }) => {
    await ctx.db.insert("lists", { orgId, name, archived: false, createdBy: "probe" });
  },
});

export const listNames = query({
  args: { orgId: v.string() },
  handler: async (ctx, { orgId }) =>
    (await ctx.db.query("lists").withIndex("by_org_archived", (q) => q.eq("orgId", orgId).eq("archived", false)).collect()).map((l) => l.name),
});
`;

const scheduleList = makeFunctionReference<"mutation", { orgId: string; name: string; delayMs: number }, null>("lifecycleProbe:scheduleList");
const listNames = makeFunctionReference<"query", { orgId: string }, string[]>("lifecycleProbe:listNames");
const greet = makeFunctionReference<"query", Record<string, never>, string>("hello:greet");

let issuer: Issuer;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(async () => {
  await issuer?.close();
});

describe("restart", () => {
  test("keeps every table of the app and the component, ids included, and runs pending scheduled functions", async () => {
    const project = copyProject({ "lifecycleProbe.ts": probe });
    const dataDir = tempDataDir();
    const first = await startTestBackend({ projectDir: project.dir, dataDir, issuer });
    await addMember(first.siteUrl, "org_a", "user_alice", "org:admin");
    const token = await issuer.token("user_alice", { id: "org_a", role: "admin" });
    const listId = await httpClient(first.url, token).mutation(api.lists.create, { name: "Survives" });
    await httpClient(first.url).mutation(scheduleList, { orgId: "org_later", name: "scheduled before the restart", delayMs: 1500 });
    await first.close();
    expect(existsSync(join(dataDir, "convex.json"))).toBe(true);

    const second = await startTestBackend({ projectDir: project.dir, dataDir, issuer });
    try {
      const http = httpClient(second.url, token);
      const lists = await http.query(api.lists.list, {});
      expect(lists).toContainEqual(expect.objectContaining({ _id: listId, name: "Survives" }));
      // The component's data (the membership from the webhook) is there too.
      expect((await http.query(api.me.get, {})).activeOrg).toMatchObject({ orgId: "org_a", role: "org:admin" });
      // New documents do not reuse ids.
      const next = await http.mutation(api.lists.create, { name: "After" });
      expect(next).not.toBe(listId);
      // The job scheduled before the restart runs after it.
      const ws = await wsClient(second.url);
      const names = subscribe(ws, listNames, { orgId: "org_later" });
      expect(await names.until((n) => n.length === 1, 8000)).toEqual(["scheduled before the restart"]);
      await ws.close();
      expect(second.logs).toContainEqual(expect.objectContaining({ path: "lifecycleProbe:insertList", source: "scheduler", outcome: "ok" }));
    } finally {
      await second.close();
      project.remove();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("code changes", () => {
  test("new modules, crons and schema changes are picked up without a restart; data is carried over", async () => {
    const project = copyProject({ "lifecycleProbe.ts": probe });
    const backend = await startTestBackend({ projectDir: project.dir, issuer, watch: true });
    const ws = await wsClient(backend.url);
    try {
      await addMember(backend.siteUrl, "org_a", "user_alice", "org:admin");
      const token = await issuer.token("user_alice", { id: "org_a", role: "admin" });
      const listId = await httpClient(backend.url, token).mutation(api.lists.create, { name: "Before the change" });

      // A subscription to a function that does not exist yet…
      const errors: string[] = [];
      let greeting: string | undefined;
      const unsubscribe = ws.onUpdate(greet, {}, (value) => (greeting = value), (error) => errors.push(error.message));
      await until(() => errors.length > 0);
      expect(errors[0]).toContain("Could not find public function for 'hello:greet'");

      // …is served once the module is written.
      project.write("hello.ts", `import { query } from "./_generated/server";\nexport const greet = query({ args: {}, handler: async () => "hello" });\n`);
      await until(() => greeting === "hello", 10_000);
      unsubscribe();
      expect(backend.logs).toContainEqual(expect.objectContaining({ msg: "functions reloaded" }));
      expect(await httpClient(backend.url, token).query(api.lists.list, {})).toContainEqual(expect.objectContaining({ _id: listId }));

      // A crons.ts runs its jobs.
      const ticks = subscribe(ws, listNames, { orgId: "org_cron" });
      project.write(
        "crons.ts",
        `import { cronJobs, makeFunctionReference } from "convex/server";\n` +
          `const crons = cronJobs();\n` +
          `crons.interval("probe tick", { seconds: 1 }, makeFunctionReference<"mutation">("lifecycleProbe:insertList"), { orgId: "org_cron", name: "tick" });\n` +
          `export default crons;\n`,
      );
      expect((await ticks.until((names) => names.length >= 1, 10_000))[0]).toBe("tick");
      ticks.close();
      expect(backend.logs).toContainEqual(expect.objectContaining({ path: "lifecycleProbe:insertList", source: "cron", outcome: "ok" }));

      // A schema the existing documents do not match is refused; the running code stays.
      const schemaFile = join(project.dir, "convex", "schema.ts");
      const schema = readFileSync(schemaFile, "utf8");
      const reloads = () => backend.logs.filter((l) => l.msg === "functions reloaded").length;
      const reloadsBefore = reloads();
      writeFileSync(schemaFile, schema.replace("name: v.string(),", "name: v.number(),"));
      await until(() => backend.logs.some((l) => l.msg === "new functions rejected; the previous version keeps running"), 10_000);
      expect(reloads()).toBe(reloadsBefore);
      expect(await httpClient(backend.url).query(greet, {})).toBe("hello");

      // A syntax error keeps the previous version too.
      project.write("broken.ts", "export const = ;\n");
      await until(() => backend.logs.some((l) => l.msg === "functions failed to load; the previous version keeps running"), 10_000);
      expect(await httpClient(backend.url).query(greet, {})).toBe("hello");
    } finally {
      await ws.close();
      await backend.close();
      project.remove();
    }
  }, 60_000);
});

describe("broken code at startup", () => {
  test("the backend starts anyway, answers with the load error, and serves once convex/ is fixed", async () => {
    const project = copyProject({ "broken.ts": "export const = ;\n" });
    const backend = await startTestBackend({ projectDir: project.dir, issuer, watch: true });
    try {
      await expect(httpClient(backend.url).query(api.me.get, {})).rejects.toThrow(/failed to load/);
      expect(backend.logs).toContainEqual(expect.objectContaining({ level: "error", msg: "functions failed to load; waiting for a fix" }));
      rmSync(join(project.dir, "convex", "broken.ts"));
      await until(() => backend.logs.some((l) => l.msg === "functions loaded"), 10_000);
      await expect(httpClient(backend.url).query(api.me.get, {})).rejects.toThrow(/Sign in to continue/);
    } finally {
      await backend.close();
      project.remove();
    }
  }, 30_000);
});

describe("CLI", () => {
  /** Starts main.ts; resolves once its ready line (readable, or JSON with LOCAL_CONVEX_LOG=json) names the URLs. */
  async function startMain(dataDir: string, env: Record<string, string>) {
    const child = spawn(process.execPath, ["--import", "tsx", "local/backend/main.ts"], {
      cwd: PROJECT_DIR,
      env: { ...process.env, LOCAL_CONVEX_PORT: "0", LOCAL_CONVEX_SITE_PORT: "0", LOCAL_DATA_DIR: dataDir, LOCAL_CLERK_ISSUER: issuer.url, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    const urls = await new Promise<{ url: string; siteUrl: string }>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const readable = /ready\s+(http:\S+) \(HTTP actions (http:\S+)\)/.exec(output);
        if (readable) return resolve({ url: readable[1]!, siteUrl: readable[2]! });
        const json = output
          .split("\n")
          .filter((line) => line.startsWith("{") && line.endsWith("}"))
          .map((line) => JSON.parse(line) as { msg?: string; url?: string; siteUrl?: string })
          .find((l) => l.msg === "local Convex backend ready");
        if (json?.url && json.siteUrl) resolve({ url: json.url, siteUrl: json.siteUrl });
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const stop = async () => {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      return await exited;
    };
    return { ...urls, child, stop, output: () => output };
  }

  test("main.ts serves from the environment's ports and data dir, logs readably with the full JSON log in a file, and saves on SIGTERM", async () => {
    const dataDir = tempDataDir();
    const secret = "whsec_" + btoa("cli-test-secret-0123456789abcdef");
    const main = await startMain(dataDir, { CLERK_WEBHOOK_SECRET: secret });
    try {
      const token = await issuer.token("user_cli", { id: "org_cli", role: "admin" });
      expect((await httpClient(main.url, token).query(api.me.get, {})).userId).toBe("user_cli");
      expect((await deliver(main.siteUrl, event("organizationMembership.created", membership("orgmem_cli", organization("org_cli"), "user_cli")), { secret })).status).toBe(200);
      expect((await deliver(main.siteUrl, event("user.created", { id: "user_x" }), { secret: "whsec_" + btoa("not-the-secret-0123456789abcdef") })).status).toBe(401);
      expect((await httpClient(main.url, token).query(api.me.get, {})).activeOrg).toMatchObject({ orgId: "org_cli" });
      await expect(httpClient(main.url, token).mutation(api.lists.create, { name: "\u200b" })).rejects.toThrow(/Name the list/);
      expect(await main.stop()).toBe(0);

      // stdout: a line per notable event — the webhooks, the refusal — and none for the calls that worked.
      const shown = main.output().trim().split("\n");
      expect(shown.filter((line) => line.startsWith("{"))).toEqual([]);
      expect(shown).toContainEqual(expect.stringMatching(/http +POST \/clerk-webhook → 200 \(\d+(\.\d+)? ms\): clerk webhook \S+: organizationMembership.created applied$/));
      expect(shown).toContainEqual(expect.stringMatching(/http +POST \/clerk-webhook → 401 \(/));
      expect(shown).toContainEqual(expect.stringMatching(/refused +mutation lists:create \(http, [\d.]+ ms\): INVALID_ARGUMENT Name the list\.$/));
      expect(shown.filter((line) => line.includes("me:get"))).toEqual([]);
      // The file: every entry as JSON.
      const logged = readFileSync(join(dataDir, "convex.log"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toContainEqual(expect.objectContaining({ msg: "function", path: "me:get", type: "query", source: "http", outcome: "ok" }));
      const saved = JSON.parse(readFileSync(join(dataDir, "convex.json"), "utf8")) as { components: Record<string, { documents: { _id: string }[] }> };
      expect(saved.components.clerkSync!.documents.length).toBeGreaterThan(0);

      // LOCAL_CONVEX_LOG=json: the JSON lines on stdout instead.
      const json = await startMain(dataDir, { CLERK_WEBHOOK_SECRET: secret, LOCAL_CONVEX_LOG: "json" });
      try {
        await httpClient(json.url, token).query(api.me.get, {});
        expect(await json.stop()).toBe(0);
        const lines = json.output().trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(lines).toContainEqual(expect.objectContaining({ msg: "function", path: "me:get", source: "http", outcome: "ok" }));
      } finally {
        json.child.kill("SIGKILL");
      }
    } finally {
      main.child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

async function until(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
