/**
 * Clerk's middleware, in every mode: verifies the session cookie (through
 * the handshake when it is missing or stale), activates the organization
 * named in `/orgs/:slug` URLs, and keeps signed-out visitors out of the app:
 *
 * - `/orgs…`, `/profile`: signed in with an active session, else the app's
 *   `/sign-in` and back; a pending session (no organization chosen yet, Clerk's
 *   `choose-organization` task) goes to `/onboarding`.
 * - `/onboarding`: signed in, pending or not.
 *
 * The landing page, `/sign-in`, `/sign-up` and the API routes stay public
 * (`/api/me` answers 401 itself).
 */
import { NextResponse } from "next/server";
import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";
import { ONBOARDING_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/config";

const isApp = createRouteMatcher(["/orgs(.*)", "/profile(.*)"]);
const isOnboarding = createRouteMatcher([`${ONBOARDING_PATH}(.*)`]);

export default clerkMiddleware(
  async (auth, req) => {
    if (!isApp(req) && !isOnboarding(req)) return;
    // Pending sessions count as signed out by default; here they are signed in, with a task to finish.
    const { userId, sessionStatus, redirectToSignIn } = await auth({ treatPendingAsSignedOut: false });
    if (!userId) return redirectToSignIn();
    if (sessionStatus === "pending" && isApp(req)) return NextResponse.redirect(new URL(ONBOARDING_PATH, req.url));
  },
  {
    // Without these the middleware sends signed-out visitors to Clerk's hosted Account Portal.
    signInUrl: SIGN_IN_PATH,
    signUpUrl: SIGN_UP_PATH,
    organizationSyncOptions: { organizationPatterns: ["/orgs/:slug", "/orgs/:slug/(.*)"] },
  },
);

export const config = {
  matcher: [
    // Everything but Next internals and static files…
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    // …and always the API routes.
    "/(api|trpc)(.*)",
  ],
};
