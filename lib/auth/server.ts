import "server-only";
import { headers } from "next/headers";
import { CONVEX_URL, localSignInUrl } from "./config";

/**
 * The Convex URL for this server's own calls (`/api/me`): `CONVEX_SERVER_URL`
 * at run time when the server reaches Convex by another address than
 * browsers do (a Compose network: `http://backend:3210`), else the public one.
 */
export const convexServerUrl = () => process.env.CONVEX_SERVER_URL || CONVEX_URL;

/** A same-site path to return to; anything else falls back to `/orgs`. */
export function safeReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path) return "/orgs";
  try {
    // Absolute URLs are accepted only for their path (the local provider sends absolute ones).
    const url = new URL(path, "http://x");
    return url.pathname.startsWith("/") && !url.pathname.startsWith("//") ? url.pathname + url.search : "/orgs";
  } catch {
    return "/orgs";
  }
}

/** The local provider's sign-in page, returning to `path` on this app's origin. */
export async function localSignInRedirectUrl(path: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return localSignInUrl(`${proto}://${host}${path}`);
}
