"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useConvexAuth } from "convex/react";
import { useAuth } from "@/lib/auth";
import { ONBOARDING_PATH } from "@/lib/auth/config";
import { ServiceProblem } from "@/components/layout/service-problem";

/**
 * Renders its children once the user is signed in and Convex has accepted
 * their token; sends signed-out visitors to sign in, and a session left
 * without an organization (pending, e.g. after leaving the last one) to
 * onboarding. After the first success the children stay mounted through
 * token refreshes and org switches.
 */
export function RequireSignedIn({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const auth = useAuth();
  const pathname = usePathname();
  const router = useRouter();
  const { isAuthenticated, isLoading } = useConvexAuth();
  const [ready, setReady] = useState(false);
  const [slow, setSlow] = useState(false);

  const signedOut = auth.isLoaded && !auth.isSignedIn;
  if (isAuthenticated && !ready) setReady(true);
  if (signedOut && ready) setReady(false);

  useEffect(() => {
    if (signedOut) window.location.assign(auth.signInUrl(pathname + window.location.search));
  }, [signedOut, auth, pathname]);

  const pendingElsewhere = auth.isPending && !pathname.startsWith(ONBOARDING_PATH);
  useEffect(() => {
    if (pendingElsewhere) router.replace(ONBOARDING_PATH);
  }, [pendingElsewhere, router]);

  // Signed in, but Convex keeps refusing the token: say so instead of spinning forever.
  const stuck = auth.isSignedIn && !isLoading && !isAuthenticated && !ready;
  useEffect(() => {
    if (!stuck) return;
    const timer = setTimeout(() => setSlow(true), 4000);
    return () => clearTimeout(timer);
  }, [stuck]);

  if (stuck && slow) {
    return (
      <ServiceProblem
        title="The backend did not accept your session"
        message="You are signed in, but the Convex backend rejected the session token. Check that the deployment trusts this Clerk instance (CLERK_JWT_ISSUER_DOMAIN)."
      />
    );
  }
  return ready ? children : fallback;
}
