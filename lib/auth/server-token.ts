import "server-only";
import { auth } from "@clerk/nextjs/server";

/**
 * A Convex token for the caller of a route handler, or null when signed out:
 * Clerk's session token when it is already meant for Convex (Clerk's Convex
 * integration, `aud: "convex"`), else the "convex" JWT template's.
 */
export async function convexTokenForRequest(): Promise<string | null> {
  const { userId, sessionClaims, getToken } = await auth();
  if (!userId) return null;
  return sessionClaims?.aud === "convex" ? await getToken() : await getToken({ template: "convex" });
}
