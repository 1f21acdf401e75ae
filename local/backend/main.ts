/**
 * `npx tsx local/backend/main.ts`: the local Convex dev backend as a
 * process, configured from the environment (see local/README.md):
 * LOCAL_CONVEX_PORT (3210), LOCAL_CONVEX_SITE_PORT (3211), LOCAL_DATA_DIR
 * (.local-data). The whole environment is the deployment's environment
 * (CLERK_WEBHOOK_SECRET, LOCAL_CLERK_ISSUER, …).
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startBackend } from "./server";

// Stack traces of Convex functions point at convex/*.ts, not the bundle.
process.setSourceMapsEnabled(true);

const env = process.env;
const backend = await startBackend({
  port: Number(env.LOCAL_CONVEX_PORT ?? 3210),
  sitePort: Number(env.LOCAL_CONVEX_SITE_PORT ?? 3211),
  dataDir: resolve(env.LOCAL_DATA_DIR ?? ".local-data"),
  projectDir: fileURLToPath(new URL("../..", import.meta.url)),
  env: { ...env },
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void backend.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
