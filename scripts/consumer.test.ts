/**
 * convex-clerk-sync as another app gets it: `npm pack` of the package, the
 * tarball installed into a fresh throw-away app (offline, from the npm
 * cache: the app's lockfile is cut from this repository's), its code
 * generated offline (scripts/codegen.mjs --project), type-checked, and its
 * own test run: the component mounted with `register`, a svix-signed Clerk
 * webhook delivered through `registerRoutes`, the user read back through
 * the client, the app's event handler called.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE_DIR = join(ROOT, "packages/convex-clerk-sync");
const work = mkdtempSync(join(tmpdir(), "clerk-sync-consumer-"));
const app = join(work, "app");

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "1", npm_config_update_notifier: "false" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The version this repository installed: what the npm cache holds. */
const installed = (name: string) => (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

type LockEntry = {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optional?: boolean;
  link?: boolean;
  [key: string]: unknown;
};

/**
 * The entries of this repository's lockfile that `names` need (their
 * dependencies, optional ones and required peers, resolved the way Node
 * does: nested first, then up), so `npm ci --offline` installs exactly what
 * the cache holds.
 */
function lockClosure(names: string[]) {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const picked: Record<string, LockEntry> = {};
  const resolveFrom = (from: string, name: string) => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules")))) {
      const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir) return undefined;
    }
  };
  const visit = (path: string) => {
    if (picked[path]) return;
    const { dev, devOptional, peer, ...entry } = lock.packages[path]!;
    void [dev, devOptional, peer];
    picked[path] = entry;
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional);
    for (const dep of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]) {
      const target = resolveFrom(path, dep);
      if (target) visit(target);
      else if (!entry.optionalDependencies?.[dep]) throw new Error(`${dep} (needed by ${path}) is not in package-lock.json`);
    }
  };
  for (const name of names) visit(`node_modules/${name}`);
  return picked;
}

const files: Record<string, string> = {
  "convex.json": JSON.stringify({ functions: "convex/", codegen: { fileType: "ts" } }),
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node", "vite/client"],
    },
    include: ["convex/**/*.ts", "vitest.config.ts"],
  }),
  "vitest.config.ts": [
    `import { defineConfig } from "vitest/config";`,
    `export default defineConfig({ test: { environment: "edge-runtime", server: { deps: { inline: ["convex-test"] } } } });`,
  ].join("\n"),
  // As the package's README says.
  "convex/convex.config.ts": [
    `import { defineApp } from "convex/server";`,
    `import clerkSync from "convex-clerk-sync/convex.config";`,
    `const app = defineApp();`,
    `app.use(clerkSync);`,
    `export default app;`,
  ].join("\n"),
  "convex/schema.ts": [
    `import { defineSchema, defineTable } from "convex/server";`,
    `import { v } from "convex/values";`,
    `export default defineSchema({ departed: defineTable({ userId: v.string() }) });`,
  ].join("\n"),
  "convex/clerkSync.ts": [
    `import { ClerkSync } from "convex-clerk-sync";`,
    `import { components } from "./_generated/api";`,
    `import type { DataModel } from "./_generated/dataModel";`,
    `export const clerkSync = new ClerkSync<DataModel>(components.clerkSync, {`,
    `  webhookSecret: () => process.env.CLERK_WEBHOOK_SECRET,`,
    `  module: "clerkSync",`,
    `});`,
    `export const { clerkSyncEvent } = clerkSync.events({`,
    `  "user.deleted": async (ctx, { userId }) => {`,
    `    await ctx.db.insert("departed", { userId });`,
    `  },`,
    `});`,
  ].join("\n"),
  "convex/http.ts": [
    `import { httpRouter } from "convex/server";`,
    `import { clerkSync } from "./clerkSync";`,
    `const http = httpRouter();`,
    `clerkSync.registerRoutes(http, { path: "/clerk-webhook" });`,
    `export default http;`,
  ].join("\n"),
  "convex/users.ts": [
    `import { v } from "convex/values";`,
    `import { query } from "./_generated/server";`,
    `import { clerkSync } from "./clerkSync";`,
    `export const get = query({ args: { userId: v.string() }, handler: (ctx, { userId }) => clerkSync.getUser(ctx, userId) });`,
    `export const departed = query({ args: {}, handler: async (ctx) => (await ctx.db.query("departed").collect()).map((d) => d.userId) });`,
  ].join("\n"),
  "convex/users.test.ts": [
    `import { convexTest } from "convex-test";`,
    `import clerkSync, { deleted, event, signWebhook, user } from "convex-clerk-sync/test";`,
    `import { expect, test } from "vitest";`,
    `import { api } from "./_generated/api";`,
    `import schema from "./schema";`,
    `const modules = import.meta.glob("./**/*.ts");`,
    `const secret = "whsec_" + btoa("consumer-app-secret-0123456789");`,
    `const post = (t: ReturnType<typeof convexTest>, body: string, headers: Record<string, string>) => t.fetch("/clerk-webhook", { method: "POST", body, headers });`,
    `test("a svix-signed webhook through registerRoutes, read back through the client", async () => {`,
    `  process.env.CLERK_WEBHOOK_SECRET = secret;`,
    `  const t = convexTest(schema, modules);`,
    `  clerkSync.register(t);`,
    `  const body = JSON.stringify(event("user.created", user("user_1", { first: "Ada", email: "Ada@Example.com" })));`,
    `  const res = await post(t, body, signWebhook(body, { secret }).headers);`,
    `  expect(res.status).toBe(200);`,
    `  expect(await t.query(api.users.get, { userId: "user_1" })).toMatchObject({ firstName: "Ada", primaryEmail: "ada@example.com" });`,
    `  const forged = JSON.stringify(event("user.created", user("user_2")));`,
    `  expect((await post(t, forged, signWebhook(forged, { secret: "whsec_" + btoa("someone-else-0123456789") }).headers)).status).toBe(401);`,
    `  expect(await t.query(api.users.get, { userId: "user_2" })).toBeNull();`,
    `  const gone = JSON.stringify(event("user.deleted", deleted("user_1", "user")));`,
    `  expect((await post(t, gone, signWebhook(gone, { secret }).headers)).status).toBe(200);`,
    `  expect(await t.query(api.users.departed, {})).toEqual(["user_1"]);`,
    `});`,
  ].join("\n"),
};

test("npm pack → install into a fresh app → offline codegen → register, a signed webhook, read back", { timeout: 600_000 }, async () => {
  // The tarball, and what is in it. `prepare` (the build) is not run here: other test files import
  // the package's dist/ meanwhile; `npm test` builds it first (codegen), as `npm publish` would.
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], PACKAGE_DIR)) as { filename: string; files: { path: string }[] }[];
  const contents = packed!.files.map((f) => f.path);
  for (const needed of ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "dist/client/index.js", "dist/client/index.d.ts", "dist/component/convex.config.js", "dist/component/_generated/component.d.ts", "src/test.ts"]) {
    expect(contents, needed).toContain(needed);
  }
  expect(contents.filter((f) => f.endsWith(".test.ts") || f.startsWith("example/") || f.startsWith("test/"))).toEqual([]);
  const tarball = join(work, packed!.filename);

  // A fresh app depending on it, with the versions this repository installed.
  const dependencies = { convex: installed("convex"), "convex-clerk-sync": `file:../${packed!.filename}`, svix: installed("svix"), zod: installed("zod"), "convex-helpers": installed("convex-helpers") };
  const devDependencies = Object.fromEntries(["convex-test", "vitest", "@edge-runtime/vm", "typescript", "@types/node"].map((n) => [n, installed(n)]));
  const manifest = { name: "consumer-app", version: "1.0.0", private: true, type: "module", dependencies, devDependencies };
  mkdirSync(join(app, "convex"), { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify(manifest, null, 2));
  const packageJson = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as LockEntry;
  const lock = {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: manifest.name, version: manifest.version, dependencies, devDependencies },
      ...lockClosure(Object.keys(dependencies).filter((n) => n !== "convex-clerk-sync").concat(Object.keys(devDependencies))),
      "node_modules/convex-clerk-sync": {
        version: packageJson.version,
        resolved: `file:../${packed!.filename}`,
        integrity: `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`,
        license: packageJson.license,
        dependencies: packageJson.dependencies,
        peerDependencies: packageJson.peerDependencies,
        peerDependenciesMeta: packageJson.peerDependenciesMeta,
      },
    },
  };
  writeFileSync(join(app, "package-lock.json"), JSON.stringify(lock, null, 2));
  run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], app);
  expect(existsSync(join(app, "node_modules/convex-clerk-sync/dist/client/index.js"))).toBe(true);
  // The optional peer stays out: the client does not need @clerk/backend to sync.
  expect(existsSync(join(app, "node_modules/@clerk/backend"))).toBe(false);

  for (const [file, source] of Object.entries(files)) writeFileSync(join(app, file), `${source}\n`);
  run(process.execPath, [join(ROOT, "scripts/codegen.mjs"), "--project", app], ROOT);
  const api = readFileSync(join(app, "convex/_generated/api.ts"), "utf8");
  expect(api).toContain(`clerkSync: import("convex-clerk-sync/_generated/component.js").ComponentApi<"clerkSync">`);
  run(join(app, "node_modules/.bin/tsc"), ["--noEmit", "-p", app], app);

  const report = join(work, "report.json");
  run(join(app, "node_modules/.bin/vitest"), ["run", "--reporter=json", `--outputFile=${report}`], app);
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
  expect({ numPassedTests, numFailedTests }).toEqual({ numPassedTests: 1, numFailedTests: 0 });
});
