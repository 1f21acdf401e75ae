/// <reference types="vite/client" />
/**
 * For the app's own tests (convex-test): mounts the component, and builds
 * Clerk webhook deliveries.
 *
 *   import clerkSync, { event, signWebhook, user } from "convex-clerk-sync/test";
 *   const t = convexTest(schema, modules);
 *   clerkSync.register(t); // the name convex.config.ts gives it: "clerkSync" unless renamed
 *   const body = JSON.stringify(event("user.created", user("user_1")));
 *   await t.fetch("/clerk-webhook", { method: "POST", body, headers: signWebhook(body, { secret }).headers });
 */
import type { TestConvex } from "convex-test";
import type { GenericSchema, SchemaDefinition } from "convex/server";
import schema from "./component/schema.js";

const modules = import.meta.glob(["./component/**/*.ts", "!./component/**/*.test.ts"]);

/**
 * Registers the component with a convex-test instance.
 * @param t - The test convex instance, e.g. from calling `convexTest`.
 * @param name - The name of the component, as registered in convex.config.ts.
 */
export function register(t: TestConvex<SchemaDefinition<GenericSchema, boolean>>, name = "clerkSync") {
  t.registerComponent(name, schema, modules);
}

export default { register, schema, modules };
export * from "./testing/payloads.js";
export * from "./testing/webhooks.js";
