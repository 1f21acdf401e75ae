"use client";

/**
 * Auth for the whole app: Convex gets Clerk's session tokens
 * (`ConvexProviderWithClerk`), and the app reads Clerk's session through
 * one small interface (`useAuth()` in context.ts). `ClerkProvider` itself
 * is rendered by the root layout. The same code runs against Clerk and,
 * in local mode, against the Clerk emulator.
 */
import { useMemo, type ReactNode } from "react";
import { useAuth as useClerkAuth, useClerk, useUser } from "@clerk/nextjs";
import { ConvexProviderWithClerk } from "convex/react-clerk";
import { ConvexQueryCacheProvider } from "convex-helpers/react/cache/provider";
import { getConvexClient } from "@/lib/convex";
import { AFTER_SIGN_IN_PATH, SIGN_IN_PATH } from "./config";
import { AuthContext } from "./context";
import type { Auth } from "./types";

/**
 * A session with an open task (no organization chosen yet) still talks to
 * Convex: onboarding reads the user's record before any organization exists.
 * Its tokens say `sts: "pending"` and name no organization, so no tenant
 * function answers it.
 */
function useAuthForConvex() {
  return useClerkAuth({ treatPendingAsSignedOut: false });
}

export function AuthProvider({ children }: { children: ReactNode }) {
  return (
    <ConvexProviderWithClerk client={getConvexClient()} useAuth={useAuthForConvex}>
      {/* Cached queries (convex-helpers) outlive their component by a minute: a page's
          first queries can start before it renders (EarlyQueries), and going back to a
          list shows it at once. */}
      <ConvexQueryCacheProvider expiration={60_000}>
        <AuthBridge>{children}</AuthBridge>
      </ConvexQueryCacheProvider>
    </ConvexProviderWithClerk>
  );
}

function AuthBridge({ children }: { children: ReactNode }) {
  const { isLoaded, userId, sessionClaims, orgId, orgSlug, orgRole } = useClerkAuth({ treatPendingAsSignedOut: false });
  // The session token's status claim: "pending" while a session task is open.
  const sessionStatus = sessionClaims?.sts;
  const { user } = useUser();
  const clerk = useClerk();

  const auth = useMemo<Auth>(() => {
    const email = user?.primaryEmailAddress?.emailAddress ?? null;
    return {
      isLoaded,
      isSignedIn: !!userId,
      isPending: sessionStatus === "pending",
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
      signInUrl: (returnTo = AFTER_SIGN_IN_PATH) => `${SIGN_IN_PATH}?redirect_url=${encodeURIComponent(returnTo)}`,
    };
  }, [isLoaded, userId, sessionStatus, orgId, orgSlug, orgRole, user, clerk]);

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
