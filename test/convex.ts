/**
 * convex-test set-up for the app and its components, all installed from npm
 * (convex-clerk-sync, the rate limiter, and the aggregate holding the
 * overview's counts). Test helpers live outside convex/ so the Convex
 * bundler never treats them as modules.
 */
import aggregate from "@convex-dev/aggregate/test";
import batchWorker from "@convex-dev/batch-worker/test";
import rateLimiter from "@convex-dev/rate-limiter/test";
import clerkSync from "convex-clerk-sync/test";
import { convexTest } from "convex-test";
import schema from "../convex/schema";

export const appModules = import.meta.glob(["../convex/**/*.ts", "!../convex/**/*.test.ts"]);

type TestConvex = ReturnType<typeof convexTest>;

/**
 * Mounts the app's components in a convex-test instance, under the names
 * convex.config.ts gives them, each through its package's own helper (the
 * rate limiter's also mounts the batch worker it uses).
 */
export function register(t: TestConvex) {
  clerkSync.register(t, "clerkSync");
  rateLimiter.register(t, "rateLimiter");
  // The aggregate's own helper leaves out the batch worker it mounts.
  aggregate.register(t, "todoStats");
  batchWorker.register(t, "todoStats/batchWorker");
}

export const WEBHOOK_SECRET = "whsec_" + btoa("team-todos-test-secret-0123456789");

/** Per-transaction limits to enforce, as a real deployment would (`true`: Convex's defaults). */
type Limits = boolean | { documentsRead?: number; documentsWritten?: number; databaseQueries?: number };

export function setupConvex(options: { transactionLimits?: Limits } = {}) {
  process.env.CLERK_WEBHOOK_SECRET = WEBHOOK_SECRET;
  const t = convexTest({ schema, modules: appModules, transactionLimits: options.transactionLimits });
  register(t);
  return t;
}

export type TestApp = ReturnType<typeof setupConvex>;
