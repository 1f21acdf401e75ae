/**
 * The app's auth interface: `<AuthProvider>` (which also provides Convex)
 * and `useAuth()`.
 */
export { AuthProvider } from "./provider";
export { useAuth } from "./context";
export { openOrg } from "./navigation";
export type { Auth, AuthOrg, AuthUser } from "./types";
