#!/usr/bin/env node
/**
 * The stack the end-to-end tests run against: local mode on its own ports,
 * data folder and env file, serving a production build of the app. Started
 * by Playwright's `webServer`; builds first, since NEXT_PUBLIC_* values are
 * fixed at build time.
 */
import { spawnSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { E2E } from "../e2e/stack";

rmSync(E2E.dir, { recursive: true, force: true });
mkdirSync(E2E.dir, { recursive: true });
writeFileSync(E2E.envFile, Object.entries(E2E.env).map(([k, v]) => `${k}=${v}\n`).join(""));

const env = E2E.processEnv();
const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);
// The shipped browser code must not carry a secret (sk_…, whsec_…, this stack's CLERK_SECRET_KEY).
const secrets = spawnSync("node", ["scripts/check-bundle-secrets.mjs", ".next/static"], { stdio: "inherit", env });
if (secrets.status !== 0) process.exit(secrets.status ?? 1);

const dev = spawn("node", ["scripts/dev.mjs"], {
  stdio: "inherit",
  env: { ...env, DEV_ENV_FILE: E2E.envFile, LOCAL_DATA_DIR: E2E.dataDir, PORT: String(E2E.appPort), DEV_APP_SERVER: "start" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill("SIGINT"));
dev.on("exit", (code) => process.exit(code ?? 0));
