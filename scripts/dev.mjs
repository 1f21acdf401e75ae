#!/usr/bin/env node
/**
 * `npm run dev`: picks the mode and starts everything it needs.
 *
 * cloud — Clerk keys and a Convex deployment are configured (environment or
 *         .env.local): `convex dev` and `next dev`, as usual.
 * local — otherwise: the project's local Convex backend and Clerk-compatible
 *         identity provider (local/), then the app. The URLs and secrets they
 *         share are written to .env.local, keeping any value already there.
 *
 * Ctrl-C stops every child and waits for them to exit.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readEnvFile, writeEnvFile } from "./envFile.mjs";
import { prepareStandalone } from "./standalone.mjs";

// DEV_ENV_FILE lets the smoke test run isolated from a developer's .env.local.
const ENV_FILE = process.env.DEV_ENV_FILE ?? ".env.local";
const fileEnv = readEnvFile(ENV_FILE);
const setting = (name) => process.env[name] || fileEnv[name];

const isCloud =
  !!setting("CONVEX_DEPLOYMENT") &&
  !!setting("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY") &&
  !!setting("CLERK_SECRET_KEY");
const hasApp = existsSync("app");
const appPort = process.env.PORT ?? "3000";

/**
 * How the app is served: `next dev`, or — for the end-to-end tests
 * (DEV_APP_SERVER=start) — the production build's standalone server, the
 * same one the Docker image runs (`next start` does not support
 * `output: "standalone"`). HOSTNAME=localhost: the server builds request URLs
 * (the local sign-in redirect's return address) from it, and the local
 * provider's cookies are on localhost. The standalone server does not read
 * .env.local (or DEV_ENV_FILE), so it gets that file's values (under the
 * shell's), as `next start` would have read them.
 */
function appServer() {
  if (process.env.DEV_APP_SERVER !== "start") return { command: "npx", args: ["next", "dev", "--port", appPort], env: {} };
  let server;
  try {
    server = prepareStandalone();
  } catch (error) {
    console.error(`[dev] ${error.message}`);
    process.exit(1);
  }
  const fromFile = Object.fromEntries(Object.entries(fileEnv).filter(([key]) => process.env[key] === undefined));
  return { command: "node", args: [server], env: { ...fromFile, PORT: appPort, HOSTNAME: "localhost" } };
}

/** Local-mode settings; values already in .env.local win over these defaults. */
function localSettings() {
  const defaults = {
    NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210",
    CONVEX_SITE_URL: "http://127.0.0.1:3211",
    // The browser talks to the identity provider with cookies: same site as the app.
    LOCAL_CLERK_URL: "http://localhost:3212",
    CLERK_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
    LOCAL_CLERK_SECRET_KEY: `sk_local_${randomBytes(24).toString("hex")}`,
  };
  const values = { ...defaults, ...pick(fileEnv, Object.keys(defaults)) };
  for (const key of ["NEXT_PUBLIC_CONVEX_URL", "CONVEX_SITE_URL", "LOCAL_CLERK_URL"]) {
    const host = new URL(values[key]).hostname;
    if (host !== "127.0.0.1" && host !== "localhost") {
      console.error(
        `[dev] ${ENV_FILE} sets ${key}=${values[key]}, but local mode was chosen because ` +
          "CONVEX_DEPLOYMENT, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY are not all set. " +
          "Set all three for cloud mode, or remove that line for local mode.",
      );
      process.exit(1);
    }
  }
  values.NEXT_PUBLIC_LOCAL_CLERK_URL = fileEnv.NEXT_PUBLIC_LOCAL_CLERK_URL ?? values.LOCAL_CLERK_URL;
  return values;
}

function pick(source, keys) {
  return Object.fromEntries(keys.filter((k) => source[k]).map((k) => [k, source[k]]));
}

const port = (url) => new URL(url).port;
const children = [];

function start(name, command, args, env = {}) {
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true, // its own process group, so stopping it stops its children too
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? code}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  children.push({ name, child });
}

let stopping = false;
async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map(({ child }) => stopGroup(child.pid)));
  process.exit(exitCode);
}

/** SIGTERM to a child's whole process group, SIGKILL after 5 s; resolves when the group is gone. */
async function stopGroup(pid) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (name) => {
    try {
      process.kill(-pid, name);
    } catch {
      /* already gone */
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive()) signal("SIGKILL");
  while (alive()) await new Promise((r) => setTimeout(r, 50));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

if (isCloud) {
  console.log("[dev] cloud mode: Convex deployment and Clerk keys found");
  start("convex", "npx", ["convex", "dev"]);
  if (hasApp) {
    const app = appServer();
    start("next", app.command, app.args, app.env);
  }
} else {
  const local = localSettings();
  writeEnvFile(ENV_FILE, local);
  const shared = {
    ...local,
    LOCAL_CLERK_ISSUER: local.LOCAL_CLERK_URL,
    LOCAL_DATA_DIR: process.env.LOCAL_DATA_DIR ?? ".local-data",
  };
  console.log("[dev] local mode: no Clerk keys or Convex deployment configured");
  start("convex-local", "npx", ["tsx", "local/backend/main.ts"], {
    ...shared,
    // The admin actions' Backend API client talks to the local provider.
    CLERK_SECRET_KEY: local.LOCAL_CLERK_SECRET_KEY,
    CLERK_API_URL: local.LOCAL_CLERK_URL,
    LOCAL_CONVEX_PORT: port(local.NEXT_PUBLIC_CONVEX_URL),
    LOCAL_CONVEX_SITE_PORT: port(local.CONVEX_SITE_URL),
  });
  start("clerk-local", "npx", ["tsx", "local/clerk/main.ts"], {
    ...shared,
    LOCAL_CLERK_PORT: port(local.LOCAL_CLERK_URL),
  });
  if (hasApp) {
    const app = appServer();
    start("next", app.command, app.args, { ...app.env, ...shared });
  }
  console.log(
    [
      "",
      `[dev] Convex (local):    ${local.NEXT_PUBLIC_CONVEX_URL}  (HTTP actions ${local.CONVEX_SITE_URL})`,
      `[dev] Clerk (local):     ${local.LOCAL_CLERK_URL}/sign-in`,
      hasApp ? `[dev] Open the app:      http://localhost:${appPort}` : "[dev] The web app is not built yet.",
      "[dev] Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}
