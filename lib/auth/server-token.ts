import "server-only";
import type { NextRequest } from "next/server";
import { authMode, LOCAL_CLERK_URL, LOCAL_SESSION_COOKIE } from "./config";

/**
 * A Convex token for the caller of a route handler, or null when signed out.
 * cloud: Clerk's session token (Convex integration) or its "convex" JWT template.
 * local: a fresh token from the local provider, asked with the caller's cookie.
 */
export async function convexTokenForRequest(req: NextRequest): Promise<string | null> {
  return authMode === "cloud" ? await cloudToken() : await localToken(req);
}

async function cloudToken(): Promise<string | null> {
  const { auth } = await import("@clerk/nextjs/server");
  const { userId, sessionClaims, getToken } = await auth();
  if (!userId) return null;
  // With Clerk's Convex integration the session token itself is for Convex.
  return sessionClaims?.aud === "convex" ? await getToken() : await getToken({ template: "convex" });
}

async function localToken(req: NextRequest): Promise<string | null> {
  const session = req.cookies.get(LOCAL_SESSION_COOKIE)?.value;
  if (!session) return null;
  // Server to server: skip the localhost → ::1 lookup; the provider listens on 127.0.0.1.
  const base = (process.env.LOCAL_CLERK_URL || LOCAL_CLERK_URL).replace("//localhost:", "//127.0.0.1:").replace(/\/+$/, "");
  const res = await fetch(`${base}/session/token`, {
    method: "POST",
    headers: { cookie: `${LOCAL_SESSION_COOKIE}=${encodeURIComponent(session)}` },
    cache: "no-store",
  });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`The local identity provider answered ${res.status}.`);
  const { jwt } = (await res.json()) as { jwt: string };
  return jwt;
}
