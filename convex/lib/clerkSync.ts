import { ClerkSync } from "convex-clerk-sync";
import { components } from "../_generated/api";
import type { DataModel } from "../_generated/dataModel";
import { env } from "../_generated/server";
import { clerkApi } from "./clerkApi";

/**
 * The app's one instance of the convex-clerk-sync client. What it generates
 * (the event handler, reconciliation) is exported from convex/sync.ts, which
 * `module` names.
 */
export const clerkSync = new ClerkSync<DataModel>(components.clerkSync, {
  webhookSecret: () => env.CLERK_WEBHOOK_SECRET,
  instanceId: () => env.CLERK_INSTANCE_ID,
  clerkClient: clerkApi,
  module: "sync",
});
