/**
 * The app's auth interface: `<AuthProvider>` (which also provides Convex)
 * and `useAuth()`. The adapter is chosen once, at build time, by the mode.
 */
import { CloudAuthProvider } from "./cloud";
import { authMode } from "./config";
import { LocalAuthProvider } from "./local";

export { useAuth } from "./context";
export { authMode, isProtectedPath } from "./config";
export type { Auth, AuthOrg, AuthUser } from "./types";

export const AuthProvider = authMode === "cloud" ? CloudAuthProvider : LocalAuthProvider;
