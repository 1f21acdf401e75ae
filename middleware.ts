/**
 * Protects the app's routes (`/orgs…`, `/profile`, `/onboarding`); the
 * landing page and the sign-in pages stay public.
 *
 * cloud — Clerk's middleware; it also activates the org named in the URL.
 * local — a cheap presence check of the local provider's session cookie
 *         (cookies are not port-isolated, so it reaches the app); without it,
 *         off to the provider's sign-in page and back. The client re-checks
 *         the session with the provider, so a stale cookie still ends at sign-in.
 */
import { NextResponse, type NextRequest } from "next/server";
import { clerkMiddleware } from "@clerk/nextjs/server";
import { authMode, isProtectedPath, LOCAL_SESSION_COOKIE, localSignInUrl } from "@/lib/auth/config";

const cloudMiddleware = clerkMiddleware(
  async (auth, req) => {
    if (isProtectedPath(req.nextUrl.pathname)) await auth.protect();
  },
  { organizationSyncOptions: { organizationPatterns: ["/orgs/:slug", "/orgs/:slug/(.*)"] } },
);

function localMiddleware(req: NextRequest) {
  if (!isProtectedPath(req.nextUrl.pathname) || req.cookies.get(LOCAL_SESSION_COOKIE)?.value) {
    return NextResponse.next();
  }
  return NextResponse.redirect(localSignInUrl(req.nextUrl.href));
}

export default authMode === "cloud" ? cloudMiddleware : localMiddleware;

export const config = {
  matcher: [
    // Everything but Next internals and static files…
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    // …and always the API routes.
    "/(api|trpc)(.*)",
  ],
};
