import type { AuthConfig } from "convex/server";
import { env } from "./_generated/server";

/**
 * Convex verifies Clerk's session tokens: issuer = the Clerk Frontend API
 * URL (in local mode the Clerk emulator's URL, set by `npm run dev`),
 * audience "convex" (Clerk's Convex integration or a "convex" JWT template).
 * LOCAL_CLERK_ISSUER adds a second issuer, for tests that run their own.
 */
const issuers = [env.CLERK_JWT_ISSUER_DOMAIN, env.LOCAL_CLERK_ISSUER].filter(
  (issuer): issuer is string => !!issuer,
);

export default {
  providers: issuers.map((domain) => ({ domain, applicationID: "convex" })),
} satisfies AuthConfig;
