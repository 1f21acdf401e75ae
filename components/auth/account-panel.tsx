"use client";

import { UserProfile } from "@clerk/nextjs";

/**
 * Clerk's own profile (names, email addresses, password, active devices), on
 * the app's /profile page. Style objects rather than utility classes: Clerk's
 * own (CSS-in-JS) widths would otherwise win and overflow the column.
 */
export function AccountPanel() {
  return (
    <UserProfile
      routing="hash"
      appearance={{
        elements: {
          rootBox: { width: "100%" },
          cardBox: { width: "100%", maxWidth: "100%", boxShadow: "none", border: "1px solid var(--border)", borderRadius: "0.75rem" },
        },
      }}
    />
  );
}
