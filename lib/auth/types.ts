/**
 * The auth interface the app's components use (lib/auth/provider.tsx maps
 * Clerk's session onto it), so they read one small shape instead of
 * Clerk's hooks all over.
 */

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
  /** False until Clerk has answered whether someone is signed in. */
  isLoaded: boolean;
  /** Signed in, including a pending session (see `isPending`). */
  isSignedIn: boolean;
  /** Signed in with an open session task: no organization chosen yet. */
  isPending: boolean;
  user: AuthUser | null;
  /** The organization the session's tokens are issued for. */
  activeOrg: AuthOrg | null;
  /** Makes `orgId` active; resolves once new tokens carry it. */
  switchOrg: (orgId: string | null) => Promise<void>;
  /** Ends the session and leaves the app for the landing page. */
  signOut: () => Promise<void>;
  /** Where to send someone who must sign in, returning to `returnTo` (a path). */
  signInUrl: (returnTo?: string) => string;
};
