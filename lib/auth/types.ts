/**
 * The one auth interface the app uses. Both adapters (Clerk in cloud mode,
 * the local identity provider in local mode) provide exactly this; nothing
 * outside lib/auth knows which one is running.
 */
import type { AuthMode } from "./config";

export type AuthUser = {
  id: string;
  /** Full name, or the email when the user has no name. */
  name: string;
  email: string | null;
  imageUrl: string | null;
};

export type AuthOrg = {
  id: string;
  slug: string | null;
  /** "org:admin" | "org:member" | "org:<custom>" */
  role: string;
};

export type Auth = {
  mode: AuthMode;
  /** False until the provider has answered whether someone is signed in. */
  isLoaded: boolean;
  isSignedIn: boolean;
  /** Set when the identity provider cannot be reached: a readable reason. */
  error: string | null;
  user: AuthUser | null;
  /** The organization the session's tokens are issued for. */
  activeOrg: AuthOrg | null;
  /** Makes `orgId` active (or none); resolves once new tokens carry it. */
  switchOrg: (orgId: string | null) => Promise<void>;
  /** Ends the session and leaves the app for the landing page. */
  signOut: () => Promise<void>;
  /** Where to send someone who must sign in, returning to `returnTo` (a path). */
  signInUrl: (returnTo?: string) => string;
};
