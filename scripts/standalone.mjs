#!/usr/bin/env node
/**
 * Next's standalone server (`output: "standalone"` in next.config.ts) outside
 * Docker. `next build` writes `.next/standalone/server.js` with the traced
 * node_modules it needs, but not the browser assets: like the Dockerfile's
 * runner stage, this copies `.next/static` (and `public/`, when there is one)
 * beside it.
 *
 *   node scripts/standalone.mjs           prepare .next/standalone after `next build`
 *   node scripts/standalone.mjs --start   prepare, then run the server (`npm start`)
 *
 * The server listens on PORT (default 3000) and HOSTNAME (default 0.0.0.0),
 * and reads its runtime settings (CLERK_SECRET_KEY, …) from the environment.
 * Unlike `next start` it does not read .env.local: `next build` copies only
 * .env and .env.production into the standalone folder.
 * scripts/dev.mjs runs it this way for the end-to-end stack (DEV_APP_SERVER=start).
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Copies the browser assets into `<root>/.next/standalone` and returns the
 * path of its server.js. Throws when there is no standalone build.
 */
export function prepareStandalone(root = process.cwd()) {
  const next = join(root, ".next");
  const standalone = join(next, "standalone");
  const server = join(standalone, "server.js");
  if (!existsSync(server)) {
    throw new Error(`${server} is missing: run \`npm run build\` first (next.config.ts sets output: "standalone").`);
  }
  const copies = [
    [join(next, "static"), join(standalone, ".next", "static")],
    [join(root, "public"), join(standalone, "public")],
  ];
  for (const [from, to] of copies) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return resolve(server);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  let server;
  try {
    server = prepareStandalone();
  } catch (error) {
    console.error(`[standalone] ${error.message}`);
    process.exit(1);
  }
  if (process.argv.includes("--start")) {
    process.env.NEXT_TELEMETRY_DISABLED ??= "1";
    await import(pathToFileURL(server).href);
  } else {
    console.log(`[standalone] ready: node ${server}`);
  }
}
