"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { useConvexAuth } from "convex/react";
import { useAuth } from "@/lib/auth";
import { useServerRendered } from "@/lib/hooks/server-results";
import { ServiceProblem } from "@/components/layout/service-problem";

/**
 * Renders its children once the user is signed in (a pending session too:
 * onboarding is where it goes, see middleware.ts) and Convex has accepted
 * their token, or at once when the server rendered the page with the
 * session's data (lib/preload.ts); sends signed-out visitors to sign in.
 * After the first success the children stay mounted through token
 * refreshes and org switches.
 */
export function RequireSignedIn({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const auth = useAuth();
  const pathname = usePathname();
  const { isAuthenticated, isLoading } = useConvexAuth();
  const vouched = useServerRendered();
  const [accepted, setAccepted] = useState(false);
  const [slow, setSlow] = useState(false);

  const signedOut = auth.isLoaded && !auth.isSignedIn;
  if (isAuthenticated && !accepted) setAccepted(true);
  if (signedOut && accepted) setAccepted(false);
  const ready = !signedOut && (accepted || vouched);

  useEffect(() => {
    if (signedOut) window.location.assign(auth.signInUrl(pathname + window.location.search));
  }, [signedOut, auth, pathname]);

  // Signed in, but Convex keeps refusing the token: say so instead of spinning forever.
  const stuck = auth.isSignedIn && !isLoading && !isAuthenticated && !accepted;
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
