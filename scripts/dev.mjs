#!/usr/bin/env node
/**
 * `npm run dev`: picks the mode and starts everything it needs.
 *
 * cloud — real Clerk keys and a Convex deployment are configured (environment
 *         or .env.local): `convex dev` and `next dev`, as usual.
 * local — otherwise: the project's local Convex backend and the Clerk
 *         emulator (local/), then the app. The emulator's settings go into
 *         .env.local under Clerk's own names (NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
 *         CLERK_SECRET_KEY, CLERK_API_URL, NEXT_PUBLIC_CLERK_PROXY_URL,
 *         NEXT_PUBLIC_CLERK_JS_URL, NEXT_PUBLIC_CLERK_UI_URL, …), keeping any
 *         value already there, so the app runs Clerk's SDK unchanged.
 *
 * The emulator's publishable key names a `.localhost` Frontend API host, which
 * no real Clerk instance can have: that is how the next start tells the
 * emulator's keys from real ones. Paste real keys and cloud mode takes over
 * (the emulator's leftover URLs are removed from .env.local, and said so).
 *
 * Ctrl-C stops every child and waits for them to exit.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { isEmulatorKey } from "./doctor.mjs";
import { readEnvFile, removeEnvKeys, setEnvValues, writeEnvFile } from "./envFile.mjs";
import { prepareStandalone } from "./standalone.mjs";

// DEV_ENV_FILE lets the smoke test run isolated from a developer's .env.local.
const ENV_FILE = process.env.DEV_ENV_FILE ?? ".env.local";
const fileEnv = readEnvFile(ENV_FILE);
const setting = (name) => process.env[name] || fileEnv[name];

const instance = JSON.parse(readFileSync(new URL("../local/clerk/instance.json", import.meta.url), "utf8"));
const EMULATOR_PUBLISHABLE_KEY = `pk_live_${Buffer.from(`${instance.frontend_api_host}$`).toString("base64")}`;

/** What local mode writes beyond Convex's settings; removed again when real keys arrive. */
const EMULATOR_SETTINGS = [
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "CLERK_SECRET_KEY",
  "CLERK_API_URL",
  "NEXT_PUBLIC_CLERK_PROXY_URL",
  "NEXT_PUBLIC_CLERK_JS_URL",
  "NEXT_PUBLIC_CLERK_UI_URL",
  "NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED",
  "DEMO_ACCOUNTS",
  "DEMO_PASSWORD",
];

const publishableKey = setting("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY");
const realKeys = !!publishableKey && !isEmulatorKey(publishableKey);
const isCloud = realKeys && !!setting("CONVEX_DEPLOYMENT") && !!setting("CLERK_SECRET_KEY");
if (realKeys && !isCloud) {
  console.error(
    `[dev] ${ENV_FILE} has a real Clerk publishable key, but cloud mode also needs ` +
      `${setting("CLERK_SECRET_KEY") ? "" : "CLERK_SECRET_KEY and "}CONVEX_DEPLOYMENT (run \`npx convex dev\` once to create a deployment). ` +
      "Add them for cloud mode, or remove NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY for local mode.",
  );
  process.exit(1);
}
const hasApp = existsSync("app");
const appPort = process.env.PORT ?? "3000";

/**
 * How the app is served: `next dev`, or — for the end-to-end tests
 * (DEV_APP_SERVER=start) — the production build's standalone server, the
 * same one the Docker image runs (`next start` does not support
 * `output: "standalone"`). HOSTNAME=localhost: the emulator's cookies are on
 * localhost. The standalone server does not read .env.local (or
 * DEV_ENV_FILE), so it gets that file's values (under the shell's), as
 * `next start` would have read them.
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
  const fromFile = Object.fromEntries(Object.entries(readEnvFile(ENV_FILE)).filter(([key]) => process.env[key] === undefined));
  return { command: "node", args: [server], env: { ...fromFile, PORT: appPort, HOSTNAME: "localhost" } };
}

const installedVersion = (name) => JSON.parse(readFileSync(`node_modules/@clerk/${name}/package.json`, "utf8")).version;
const isLocalUrl = (value) => {
  try {
    const { hostname } = new URL(value);
    return hostname === "127.0.0.1" || hostname === "localhost";
  } catch {
    return false;
  }
};

/** Local-mode settings; values already in .env.local win, except the script URLs, which follow node_modules. */
function localSettings() {
  const defaults = {
    NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210",
    CONVEX_SITE_URL: "http://127.0.0.1:3211",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: EMULATOR_PUBLISHABLE_KEY,
    CLERK_SECRET_KEY: `sk_live_${randomBytes(24).toString("hex")}`,
    // The browser talks to the emulator with cookies: the same site as the app (localhost).
    NEXT_PUBLIC_CLERK_PROXY_URL: "http://localhost:3212/fapi",
    CLERK_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
    NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
    DEMO_ACCOUNTS: instance.demo.users.map((u) => u.email).join(","),
    DEMO_PASSWORD: instance.demo.password,
  };
  const values = { ...defaults, ...pick(fileEnv, Object.keys(defaults)) };
  for (const key of ["NEXT_PUBLIC_CONVEX_URL", "CONVEX_SITE_URL", "NEXT_PUBLIC_CLERK_PROXY_URL"]) {
    if (!isLocalUrl(values[key])) {
      console.error(
        `[dev] ${ENV_FILE} sets ${key}=${values[key]}, but local mode was chosen because there are no real Clerk keys ` +
          "and Convex deployment. Set NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY, CLERK_SECRET_KEY and CONVEX_DEPLOYMENT for cloud mode, or remove that line for local mode.",
      );
      process.exit(1);
    }
  }
  // Everything else about the emulator follows from where its Frontend API is.
  const emulator = new URL(values.NEXT_PUBLIC_CLERK_PROXY_URL).origin;
  const derived = {
    CLERK_API_URL: emulator.replace("//localhost:", "//127.0.0.1:"),
    NEXT_PUBLIC_CLERK_JS_URL: `${emulator}/npm/@clerk/clerk-js@${installedVersion("clerk-js")}/dist/clerk.browser.js`,
    NEXT_PUBLIC_CLERK_UI_URL: `${emulator}/npm/@clerk/ui@${installedVersion("ui")}/dist/ui.browser.js`,
  };
  return { values: { ...values, ...derived }, derived, emulator };
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
  // Real keys pasted over local mode's: the emulator's URLs would send Clerk's SDK to it.
  const leftovers = EMULATOR_SETTINGS.filter((key) => key.includes("URL") || key.startsWith("DEMO_")).filter(
    (key) => fileEnv[key] && (key.startsWith("DEMO_") ? fileEnv.DEMO_PASSWORD === instance.demo.password : isLocalUrl(fileEnv[key])),
  );
  const removed = removeEnvKeys(ENV_FILE, leftovers);
  if (removed.length) console.log(`[dev] cloud mode: removed the Clerk emulator's ${removed.join(", ")} from ${ENV_FILE}`);
  console.log("[dev] cloud mode: Convex deployment and Clerk keys found");
  start("convex", "npx", ["convex", "dev"]);
  if (hasApp) {
    const app = appServer();
    start("next", app.command, app.args, app.env);
  }
} else {
  const { values: local, derived, emulator } = localSettings();
  writeEnvFile(ENV_FILE, local);
  setEnvValues(ENV_FILE, derived);
  const appUrl = `http://localhost:${appPort}`;
  const shared = { ...local, LOCAL_DATA_DIR: process.env.LOCAL_DATA_DIR ?? ".local-data" };
  console.log("[dev] local mode: no Clerk keys or Convex deployment configured; running the Clerk emulator");
  start("convex-local", "npx", ["tsx", "local/backend/main.ts"], {
    ...shared,
    // The deployment's environment: Clerk's issuer and Backend API are the emulator.
    CLERK_JWT_ISSUER_DOMAIN: emulator,
    APP_URL: appUrl,
    LOCAL_CONVEX_PORT: port(local.NEXT_PUBLIC_CONVEX_URL),
    LOCAL_CONVEX_SITE_PORT: port(local.CONVEX_SITE_URL),
  });
  start("clerk-emulator", "npx", ["tsx", "local/clerk/main.ts"], {
    ...shared,
    CLERK_EMULATOR_PORT: port(emulator),
    CLERK_EMULATOR_URL: emulator,
    CLERK_EMULATOR_APP_URL: appUrl,
  });
  if (hasApp) {
    const app = appServer();
    start("next", app.command, app.args, { ...app.env, ...shared });
  }
  console.log(
    [
      "",
      `[dev] Convex (local):    ${local.NEXT_PUBLIC_CONVEX_URL}  (HTTP actions ${local.CONVEX_SITE_URL})`,
      `[dev] Clerk (emulator):  ${local.NEXT_PUBLIC_CLERK_PROXY_URL}  (Backend API ${local.CLERK_API_URL})`,
      hasApp ? `[dev] Open the app:      ${appUrl}  (demo users: password ${local.DEMO_PASSWORD}, email code ${"424242"})` : "[dev] The web app is not built yet.",
      "[dev] Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}
