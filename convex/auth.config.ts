import type { AuthConfig } from "convex/server";
import { env } from "./_generated/server";

/**
 * Convex verifies Clerk's session tokens: issuer = the Clerk Frontend API
 * URL, audience "convex" (Clerk's Convex integration or a "convex" JWT
 * template). In local mode the project's identity provider is listed too.
 */
const issuers = [env.CLERK_JWT_ISSUER_DOMAIN, env.LOCAL_CLERK_ISSUER].filter(
  (issuer): issuer is string => !!issuer,
);

export default {
  providers: issuers.map((domain) => ({ domain, applicationID: "convex" })),
} satisfies AuthConfig;
