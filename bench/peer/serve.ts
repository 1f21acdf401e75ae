#!/usr/bin/env node
/**
 * Builds both peers against the end-to-end stack's public settings (the
 * same NEXT_PUBLIC_* values the app is built with) and serves the
 * Clerk+Convex peer beside the app. Started by the bench's Playwright config.
 */
import { spawn, spawnSync } from "node:child_process";
import { E2E } from "../../e2e/stack";
import { PEERS } from "./peers";

const env = E2E.processEnv();

for (const peer of Object.values(PEERS)) {
  const build = spawnSync("npx", ["next", "build", peer.dir], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn("npx", ["next", "start", PEERS.clerkConvex.dir, "-p", String(PEERS.clerkConvex.port)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
