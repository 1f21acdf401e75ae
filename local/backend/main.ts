/**
 * `npx tsx local/backend/main.ts`: the local Convex dev backend as a
 * process, configured from the environment (see local/README.md):
 * LOCAL_CONVEX_PORT (3210), LOCAL_CONVEX_SITE_PORT (3211), LOCAL_DATA_DIR
 * (.local-data). The whole environment is the deployment's environment
 * (CLERK_WEBHOOK_SECRET, LOCAL_CLERK_ISSUER, …).
 *
 * Logs: one readable line per notable event on stdout, and every entry as
 * JSON in `<data dir>/convex.log` (the previous run's in `convex.log.1`).
 * LOCAL_CONVEX_LOG=json prints the JSON lines on stdout instead;
 * LOCAL_CONVEX_SLOW_MS (500) is when a call that worked still gets a line.
 */
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fileLogger, jsonLogger, readableLogger, teeLogger, type Logger } from "./log";
import { startBackend } from "./server";

// Stack traces of Convex functions point at convex/*.ts, not the bundle.
process.setSourceMapsEnabled(true);

const env = process.env;
const dataDir = resolve(env.LOCAL_DATA_DIR ?? ".local-data");
const json = env.LOCAL_CONVEX_LOG === "json";
const file = json ? null : fileLogger(join(dataDir, "convex.log"));
const logger: Logger = file
  ? teeLogger(file.log, readableLogger((line) => process.stdout.write(`${line}\n`), { slowMs: Number(env.LOCAL_CONVEX_SLOW_MS ?? 500) }))
  : jsonLogger;
if (file) {
  const path = join(dataDir, "convex.log");
  const where = relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path);
  process.stdout.write(`[convex] notable events only; the full JSON log is in ${where} (LOCAL_CONVEX_LOG=json prints it here)\n`);
}

const backend = await startBackend({
  port: Number(env.LOCAL_CONVEX_PORT ?? 3210),
  sitePort: Number(env.LOCAL_CONVEX_SITE_PORT ?? 3211),
  dataDir,
  projectDir: fileURLToPath(new URL("../..", import.meta.url)),
  env: { ...env },
  logger,
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void backend
    .close()
    .then(() => file?.close())
    .then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
