"use client";

import { UserProfile } from "@clerk/nextjs";

/** Clerk's own profile (names, email addresses, password, active devices), on the app's /profile page. */
export function AccountPanel() {
  return <UserProfile routing="hash" appearance={{ elements: { rootBox: "w-full", cardBox: "w-full shadow-none border rounded-xl" } }} />;
}
