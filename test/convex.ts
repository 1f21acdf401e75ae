/**
 * convex-test set-up for the app and its components (clerkSync, and from npm
 * the rate limiter and the aggregate holding the overview's counts). Test helpers live outside convex/ so the Convex bundler
 * never treats them as modules.
 */
import aggregate from "@convex-dev/aggregate/test";
import batchWorker from "@convex-dev/batch-worker/test";
import rateLimiter from "@convex-dev/rate-limiter/test";
import { convexTest } from "convex-test";
import schema from "../convex/schema";
import componentSchema from "../convex/clerkSync/schema";

export const appModules = import.meta.glob([
  "../convex/**/*.ts",
  "!../convex/clerkSync/**",
  "!../convex/**/*.test.ts",
]);

export const componentModules = import.meta.glob(["../convex/clerkSync/**/*.ts", "!../convex/**/*.test.ts"]);

type TestConvex = ReturnType<typeof convexTest>;

/**
 * Mounts the app's components in a convex-test instance, under the names
 * convex.config.ts gives them: clerkSync (`name` for a second copy), and the
 * rate limiter through the package's own helper, which also mounts the
 * batch worker it uses (`rateLimiter/batchWorker`).
 */
export function register(t: TestConvex, name = "clerkSync") {
  t.registerComponent(name, componentSchema, componentModules);
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
