"use client";

import { createContext, useContext } from "react";
import type { Auth } from "./types";

export const AuthContext = createContext<Auth | null>(null);

/** The current user, active org and session actions (Clerk’s session, see provider.tsx). */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth() must be used inside <AuthProvider>.");
  return auth;
}
