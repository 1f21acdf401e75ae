import { defineApp } from "convex/server";
import { v } from "convex/values";
import clerkSync from "./clerkSync/convex.config";

const app = defineApp({
  env: {
    /** Signing secret of the Clerk webhook endpoint (`whsec_…`). */
    CLERK_WEBHOOK_SECRET: v.optional(v.string()),
    /** Clerk Frontend API URL: the JWT issuer (see auth.config.ts). */
    CLERK_JWT_ISSUER_DOMAIN: v.optional(v.string()),
    /** Local mode only: the project's identity provider, a second issuer. */
    LOCAL_CLERK_ISSUER: v.optional(v.string()),
  },
});
app.use(clerkSync);

export default app;
