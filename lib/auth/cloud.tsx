"use client";

/**
 * Cloud mode: Clerk. `ClerkProvider` is rendered by the root layout; this
 * adapter connects Convex to Clerk's tokens and maps Clerk's session to the
 * app's auth interface.
 */
import { useMemo, type ReactNode } from "react";
import { useAuth as useClerkAuth, useClerk, useUser } from "@clerk/nextjs";
import { ConvexProviderWithClerk } from "convex/react-clerk";
import { getConvexClient } from "@/lib/convex";
import { AuthContext } from "./context";
import type { Auth } from "./types";

export function CloudAuthProvider({ children }: { children: ReactNode }) {
  return (
    <ConvexProviderWithClerk client={getConvexClient()} useAuth={useClerkAuth}>
      <CloudAuthBridge>{children}</CloudAuthBridge>
    </ConvexProviderWithClerk>
  );
}

function CloudAuthBridge({ children }: { children: ReactNode }) {
  const { isLoaded, isSignedIn, orgId, orgSlug, orgRole } = useClerkAuth();
  const { user } = useUser();
  const clerk = useClerk();

  const auth = useMemo<Auth>(() => {
    const email = user?.primaryEmailAddress?.emailAddress ?? null;
    return {
      mode: "cloud",
      isLoaded,
      isSignedIn: !!isSignedIn,
      error: null,
      user: user
        ? { id: user.id, name: user.fullName || email || user.id, email, imageUrl: user.hasImage ? user.imageUrl : null }
        : null,
      activeOrg: orgId ? { id: orgId, slug: orgSlug ?? null, role: orgRole ?? "org:member" } : null,
      switchOrg: async (id) => {
        await clerk.setActive({ organization: id });
      },
      signOut: async () => {
        await clerk.signOut({ redirectUrl: "/" });
      },
      signInUrl: (returnTo = "/orgs") => `/sign-in?redirect_url=${encodeURIComponent(returnTo)}`,
    };
  }, [isLoaded, isSignedIn, orgId, orgSlug, orgRole, user, clerk]);

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
