"use client";

import { UserProfile } from "@clerk/nextjs";
import { authMode } from "@/lib/auth";
import { LocalAccountCard } from "./local-account-card";

/** The identity provider's own profile: Clerk's <UserProfile /> or the local equivalent. */
export function AccountPanel() {
  if (authMode === "cloud") {
    return <UserProfile routing="hash" appearance={{ elements: { rootBox: "w-full", cardBox: "w-full shadow-none border rounded-xl" } }} />;
  }
  return <LocalAccountCard />;
}
