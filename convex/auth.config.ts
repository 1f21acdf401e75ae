import type { AuthConfig } from "convex/server";
import { env } from "./_generated/server";

/**
 * Convex verifies Clerk's session tokens: issuer = the Clerk Frontend API
 * URL, audience "convex" (Clerk's Convex integration / "convex" JWT template).
 */
export default {
  providers: env.CLERK_JWT_ISSUER_DOMAIN
    ? [{ domain: env.CLERK_JWT_ISSUER_DOMAIN, applicationID: "convex" }]
    : [],
} satisfies AuthConfig;
