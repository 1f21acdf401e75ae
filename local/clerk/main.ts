/**
 * `npx tsx local/clerk/main.ts`: the Clerk emulator as a process,
 * configured from the environment (see README.md). `npm run dev` starts it
 * with the same Clerk keys it writes to .env.local for the app.
 */
import { EMULATOR_PUBLISHABLE_KEY, startClerk } from "./server";
import { DEFAULT_CHAOS } from "./webhooks";

const env = process.env;
const port = Number(env.CLERK_EMULATOR_PORT ?? 3212);
const siteUrl = env.CONVEX_SITE_URL?.replace(/\/+$/, "");
const secretKey = env.CLERK_SECRET_KEY;
if (!secretKey) {
  console.error("clerk emulator: CLERK_SECRET_KEY is not set (npm run dev generates one into .env.local).");
  process.exit(1);
}

const clerk = await startClerk({
  port,
  dataDir: env.LOCAL_DATA_DIR ?? ".local-data",
  publicUrl: env.CLERK_EMULATOR_URL,
  appUrl: env.CLERK_EMULATOR_APP_URL,
  publishableKey: env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY || EMULATOR_PUBLISHABLE_KEY,
  webhookUrl: siteUrl ? `${siteUrl}/clerk-webhook` : undefined,
  webhookSecret: env.CLERK_WEBHOOK_SECRET || undefined,
  secretKey,
  chaos: env.CLERK_EMULATOR_CHAOS === "1" ? DEFAULT_CHAOS : false,
});

console.log(`clerk emulator: Frontend API ${clerk.frontendApiUrl}, Backend API ${clerk.url}/v1`);
if (siteUrl) console.log(`clerk emulator: webhooks → ${siteUrl}/clerk-webhook${env.CLERK_EMULATOR_CHAOS === "1" ? " (chaos on)" : ""}`);
if (!env.CLERK_WEBHOOK_SECRET) console.log(`clerk emulator: CLERK_WEBHOOK_SECRET not set, signing with ${clerk.webhookSecret}`);

const stop = () => {
  void clerk.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
