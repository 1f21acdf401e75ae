/**
 * `npx tsx local/clerk/main.ts`: the local identity provider as a process,
 * configured from the environment (see local/README.md).
 */
import { startClerk } from "./server";
import { DEFAULT_CHAOS } from "./webhooks";

const env = process.env;
const port = Number(env.LOCAL_CLERK_PORT ?? 3212);
const siteUrl = env.CONVEX_SITE_URL?.replace(/\/+$/, "");

const clerk = await startClerk({
  port,
  dataDir: env.LOCAL_DATA_DIR ?? ".local-data",
  publicUrl: env.LOCAL_CLERK_URL,
  webhookUrl: siteUrl ? `${siteUrl}/clerk-webhook` : undefined,
  webhookSecret: env.CLERK_WEBHOOK_SECRET || undefined,
  // Development only: a fixed default keeps the app and the provider in agreement without set-up.
  secretKey: env.LOCAL_CLERK_SECRET_KEY || "sk_test_local_clerk",
  chaos: env.LOCAL_CLERK_CHAOS === "1" ? DEFAULT_CHAOS : false,
});

console.log(`local clerk: ${clerk.url} (sign-in: ${clerk.url}/sign-in)`);
if (siteUrl) console.log(`local clerk: webhooks → ${siteUrl}/clerk-webhook${env.LOCAL_CLERK_CHAOS === "1" ? " (chaos on)" : ""}`);
if (!env.CLERK_WEBHOOK_SECRET) console.log(`local clerk: CLERK_WEBHOOK_SECRET not set, signing with ${clerk.webhookSecret}`);

const stop = () => {
  void clerk.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
