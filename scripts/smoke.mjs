#!/usr/bin/env node
/**
 * Local-mode smoke test: starts `npm run dev` with no accounts configured,
 * signs in through the Clerk emulator (its testing route), creates a todo with
 * ConvexHttpClient, sees it arrive through a ConvexClient subscription, then
 * stops with Ctrl-C (SIGINT) and checks that nothing is left listening.
 * Runs on free ports with its own data folder and env file.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";

const api = anyApi;
const dir = mkdtempSync(join(tmpdir(), "team-todos-smoke-"));
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const [convexPort, sitePort, clerkPort, appPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
const secretKey = "sk_live_smoketestemulatorkey0123";
const urls = {
  NEXT_PUBLIC_CONVEX_URL: `http://127.0.0.1:${convexPort}`,
  CONVEX_SITE_URL: `http://127.0.0.1:${sitePort}`,
  NEXT_PUBLIC_CLERK_PROXY_URL: `http://localhost:${clerkPort}/fapi`,
};
const clerkUrl = `http://127.0.0.1:${clerkPort}`;
const envFile = join(dir, "env.local");
writeFileSync(envFile, Object.entries({ ...urls, CLERK_SECRET_KEY: secretKey }).map(([k, v]) => `${k}=${v}\n`).join(""));

const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(CONVEX_|NEXT_PUBLIC_CLERK|CLERK_|DEMO_)/.test(k)),
);
const dev = spawn("node", ["scripts/dev.mjs"], {
  env: { ...cleanEnv, DEV_ENV_FILE: envFile, LOCAL_DATA_DIR: join(dir, "data"), PORT: String(appPort) },
  stdio: ["ignore", "inherit", "inherit"],
});
const exited = new Promise((resolve) => dev.once("exit", (code, signal) => resolve({ code, signal })));

const step = (message) => console.log(`[smoke] ${message}`);
async function waitFor(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const clerkApi = async (path, init = {}) => {
  const res = await fetch(`${clerkUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json" },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return await res.json();
};
const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

let failure;
let subscriber;
let stopping = false;
try {
  step("waiting for the Clerk emulator and the local backend");
  const [ada] = await waitFor("the seeded user", () => clerkApi("/v1/users?email_address=ada@acme.test"));
  const { data: orgs } = await clerkApi("/v1/organizations?limit=10");
  const acme = orgs.find((o) => o.slug === "acme");
  const session = await clerkApi("/v1/testing/sessions", {
    method: "POST",
    body: JSON.stringify({ user_id: ada.id, org_id: acme.id }),
  });
  step(`signed in as ${ada.id} in ${acme.slug}`);
  // The client may still be refetching a token when the stack is stopped:
  // after that, no token (null) rather than a rejection nobody awaits.
  const freshToken = async () => {
    try {
      return (await clerkApi(`/v1/testing/sessions/${session.session_id}/tokens`, { method: "POST", body: "{}" })).jwt;
    } catch (error) {
      if (stopping) return null;
      throw error;
    }
  };

  const http = new ConvexHttpClient(urls.NEXT_PUBLIC_CONVEX_URL);
  http.setAuth(await freshToken());
  await waitFor("the membership, synced by webhook", async () => (await http.query(api.me.get, {})).activeOrg);
  const listId = await http.mutation(api.lists.create, { name: "Smoke" });

  subscriber = new ConvexClient(urls.NEXT_PUBLIC_CONVEX_URL);
  subscriber.setAuth(freshToken);
  const seen = new Promise((resolve) => {
    subscriber.onUpdate(api.todos.list, { listId, paginationOpts: { numItems: 10, cursor: null } }, (result) => {
      if (result.page.some((todo) => todo.title === "Hello from the smoke test")) resolve(result.page);
    });
  });
  await http.mutation(api.todos.create, { listId, title: "Hello from the smoke test" });
  await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error("no subscription update")), 20_000))]);
  step("the todo created over HTTP arrived through the subscription");
} catch (error) {
  failure = error;
} finally {
  stopping = true;
  await subscriber?.close();
  dev.kill("SIGINT");
  const { code } = await exited;
  const left = [];
  for (const port of [convexPort, sitePort, clerkPort, appPort]) if (await listening(port)) left.push(port);
  const stray = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(`--port ${appPort}`));
  if (code !== 0) failure ??= new Error(`npm run dev exited with ${code} on Ctrl-C`);
  if (stray.length) failure ??= new Error(`processes left behind:\n${stray.join("\n")}`);
  if (left.length) failure ??= new Error(`still listening after shutdown: ${left.join(", ")}`);
  rmSync(dir, { recursive: true, force: true });
}
if (failure) {
  console.error(`[smoke] FAILED: ${failure.message}`);
  process.exit(1);
}
step("stopped cleanly, nothing left listening");
