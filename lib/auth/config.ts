/**
 * Where auth lives in the app, shared by client, server and middleware
 * code. Clerk's own settings (keys, Frontend API URL, script URLs) come
 * from Clerk's environment variables; in local mode `npm run dev` points
 * them at the Clerk emulator, so nothing here depends on the mode.
 */

/** The Convex deployment; in local mode the project's local backend. */
export const CONVEX_URL = process.env.NEXT_PUBLIC_CONVEX_URL || "http://127.0.0.1:3210";

export const SIGN_IN_PATH = "/sign-in";
export const SIGN_UP_PATH = "/sign-up";
/** Where a signed-in user without an organization goes (Clerk's `choose-organization` session task). */
export const ONBOARDING_PATH = "/onboarding";
/** Where sign-in and sign-up land when no `redirect_url` says otherwise. */
export const AFTER_SIGN_IN_PATH = "/orgs";
