"use client";

/**
 * Local mode: the project's Clerk-compatible identity provider. Reads the
 * session from it, hands Convex fresh RS256 tokens from it, and switches the
 * active org / signs out through it. See local-api.ts for the calls.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ConvexProviderWithAuth } from "convex/react";
import { getConvexClient } from "@/lib/convex";
import { localSignInUrl } from "./config";
import { AuthContext } from "./context";
import { jwtExpiry, LocalAuthUnavailable, localApi, type LocalSession } from "./local-api";
import type { Auth } from "./types";

type State =
  | { status: "loading" }
  | { status: "signedOut" }
  | { status: "unavailable"; error: string }
  | { status: "signedIn"; session: LocalSession };

type LocalAuthInternals = {
  state: State;
  /** Changes whenever tokens must be fetched anew (sign-in, org switch). */
  tokenKey: string;
  fetchAccessToken: (args: { forceRefreshToken: boolean }) => Promise<string | null>;
  /** Re-reads the session (e.g. after editing the profile). */
  refresh: () => Promise<void>;
};

const LocalAuthInternalsContext = createContext<LocalAuthInternals | null>(null);

/** Tokens live ~60 s; reuse one while it has this many seconds left. */
const MIN_TOKEN_LIFETIME_S = 15;

export function LocalAuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: "loading" });
  const [epoch, setEpoch] = useState(0);
  const token = useRef<{ jwt: string; exp: number; key: string } | null>(null);

  const session = state.status === "signedIn" ? state.session : null;
  const tokenKey = `${session?.sessionId ?? "-"}:${session?.activeOrganization?.id ?? "-"}:${epoch}`;

  const refresh = useCallback(async () => {
    try {
      const next = await localApi.session();
      setState((prev) => {
        if (!next) return { status: "signedOut" };
        // Keep the same object when nothing changed, so consumers don't re-render.
        if (prev.status === "signedIn" && JSON.stringify(prev.session) === JSON.stringify(next)) return prev;
        return { status: "signedIn", session: next };
      });
    } catch (error) {
      setState({ status: "unavailable", error: errorText(error) });
    }
  }, []);

  useEffect(() => {
    // The first read of the session after mount; later reads come from focus changes.
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh]);

  const fetchAccessToken = useCallback(
    async ({ forceRefreshToken }: { forceRefreshToken: boolean }) => {
      const cached = token.current;
      const now = Date.now() / 1000;
      if (!forceRefreshToken && cached?.key === tokenKey && cached.exp - now > MIN_TOKEN_LIFETIME_S) {
        return cached.jwt;
      }
      try {
        const result = await localApi.token();
        if (!result) {
          setState({ status: "signedOut" });
          return null;
        }
        token.current = { jwt: result.jwt, exp: jwtExpiry(result.jwt), key: tokenKey };
        return result.jwt;
      } catch {
        return null;
      }
    },
    [tokenKey],
  );

  const switchOrg = useCallback(
    async (orgId: string | null) => {
      const next = await localApi.setActiveOrg(orgId);
      if (!next) {
        setState({ status: "signedOut" });
        throw new Error("You are signed out.");
      }
      const { jwt, ...view } = next;
      const nextEpoch = epoch + 1;
      // The answer carries a token for the new org: hand it to Convex straight away.
      token.current = {
        jwt,
        exp: jwtExpiry(jwt),
        key: `${view.sessionId}:${view.activeOrganization?.id ?? "-"}:${nextEpoch}`,
      };
      setEpoch(nextEpoch);
      setState({ status: "signedIn", session: view });
    },
    [epoch],
  );

  const signOut = useCallback(async () => {
    try {
      await localApi.signOut();
    } finally {
      token.current = null;
      window.location.assign("/");
    }
  }, []);

  const auth = useMemo<Auth>(
    () => ({
      mode: "local",
      isLoaded: state.status !== "loading",
      isSignedIn: state.status === "signedIn",
      error: state.status === "unavailable" ? state.error : null,
      user: session && {
        id: session.user.id,
        name: session.user.fullName || session.user.email || session.user.id,
        email: session.user.email,
        imageUrl: null,
      },
      activeOrg: session?.activeOrganization
        ? { id: session.activeOrganization.id, slug: session.activeOrganization.slug, role: session.activeOrganization.role }
        : null,
      switchOrg,
      signOut,
      signInUrl: (returnTo = "/orgs") => localSignInUrl(new URL(returnTo, currentOrigin()).href),
    }),
    [state, session, switchOrg, signOut],
  );

  const internals = useMemo<LocalAuthInternals>(
    () => ({ state, tokenKey, fetchAccessToken, refresh }),
    [state, tokenKey, fetchAccessToken, refresh],
  );

  return (
    <LocalAuthInternalsContext.Provider value={internals}>
      <AuthContext.Provider value={auth}>
        <ConvexProviderWithAuth client={getConvexClient()} useAuth={useConvexAuthFromLocal}>
          {children}
        </ConvexProviderWithAuth>
      </AuthContext.Provider>
    </LocalAuthInternalsContext.Provider>
  );
}

/** What ConvexProviderWithAuth asks of an auth provider. */
function useConvexAuthFromLocal() {
  const internals = useLocalAuthInternals();
  const { state, fetchAccessToken } = internals;
  return useMemo(
    () => ({
      isLoading: state.status === "loading",
      isAuthenticated: state.status === "signedIn",
      fetchAccessToken,
    }),
    [state.status, fetchAccessToken],
  );
}

function useLocalAuthInternals(): LocalAuthInternals {
  const internals = useContext(LocalAuthInternalsContext);
  if (!internals) throw new Error("Local auth used outside <LocalAuthProvider>.");
  return internals;
}

/** The local profile: the provider's names for the user, editable (local mode only). */
export function useLocalProfile() {
  const { state, refresh } = useLocalAuthInternals();
  const user = state.status === "signedIn" ? state.session.user : null;
  const update = useCallback(
    async (names: { firstName: string; lastName: string }) => {
      const result = await localApi.updateProfile(names);
      if (!result) throw new Error("You are signed out.");
      await refresh();
    },
    [refresh],
  );
  return { user, update };
}

function currentOrigin(): string {
  return typeof window === "undefined" ? "http://localhost:3000" : window.location.origin;
}

function errorText(error: unknown): string {
  if (error instanceof LocalAuthUnavailable) return error.message;
  return error instanceof Error ? error.message : "The identity provider is unavailable.";
}
