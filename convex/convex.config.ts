import { defineApp } from "convex/server";
import { v } from "convex/values";
import aggregate from "@convex-dev/aggregate/convex.config";
import rateLimiter from "@convex-dev/rate-limiter/convex.config";
import clerkSync from "convex-clerk-sync/convex.config";

const app = defineApp({
  env: {
    /** Signing secret of the Clerk webhook endpoint (`whsec_…`). */
    CLERK_WEBHOOK_SECRET: v.optional(v.string()),
    /** Clerk Frontend API URL: the JWT issuer (see auth.config.ts). */
    CLERK_JWT_ISSUER_DOMAIN: v.optional(v.string()),
    /** Clerk Backend API key, for the admin actions and reconciliation (`sk_…`; the Clerk emulator's key in local mode). */
    CLERK_SECRET_KEY: v.optional(v.string()),
    /** Backend API base URL; unset for Clerk's, the Clerk emulator's URL in local mode. */
    CLERK_API_URL: v.optional(v.string()),
    /**
     * Optional: the Clerk instance (`ins_…`) whose webhooks are accepted; an
     * event of any other instance is refused (403). Unset: any instance.
     */
    CLERK_INSTANCE_ID: v.optional(v.string()),
    /** The web app's origin (`https://todos.example.com`): invitation emails link back to its /sign-in. */
    APP_URL: v.optional(v.string()),
    /** An extra trusted issuer besides CLERK_JWT_ISSUER_DOMAIN (the local backend's own tests use it). */
    LOCAL_CLERK_ISSUER: v.optional(v.string()),
  },
});
app.use(clerkSync);
app.use(rateLimiter);
/** Per-list todo counts for the overview (lib/todoStats.ts). */
app.use(aggregate, { name: "todoStats" });

export default app;
