/**
 * Which auth adapter the app runs with, decided once at build time:
 * cloud when a Clerk publishable key is configured, local otherwise.
 * Safe to import from client, server and middleware code.
 */
export const CLERK_PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ?? "";

export type AuthMode = "cloud" | "local";
export const authMode: AuthMode = CLERK_PUBLISHABLE_KEY ? "cloud" : "local";

/** The local identity provider (local mode only); no trailing slash. */
export const LOCAL_CLERK_URL = (process.env.NEXT_PUBLIC_LOCAL_CLERK_URL || "http://localhost:3212").replace(/\/+$/, "");

/** The Convex deployment; in local mode the project's local backend. */
export const CONVEX_URL = process.env.NEXT_PUBLIC_CONVEX_URL || "http://127.0.0.1:3210";

/** The local provider's session cookie (set on localhost, so the app's middleware sees it too). */
export const LOCAL_SESSION_COOKIE = "__local_session";

/** Routes that need a signed-in user (middleware and client guards agree on these). */
export const PROTECTED_PATHS = [/^\/orgs(\/|$)/, /^\/profile(\/|$)/, /^\/onboarding(\/|$)/];
export const isProtectedPath = (pathname: string) => PROTECTED_PATHS.some((re) => re.test(pathname));

/** The local provider's sign-in page, returning to `returnTo` (an absolute http://localhost URL). */
export function localSignInUrl(returnTo: string): string {
  return `${LOCAL_CLERK_URL}/sign-in?redirect_url=${encodeURIComponent(returnTo)}`;
}
