import "server-only";

/**
 * Demo accounts, from server-only configuration: `DEMO_ACCOUNTS` (emails,
 * comma-separated) are offered on the sign-in page as one-click "Continue
 * as …" buttons, and `DEMO_PASSWORD` is shown beside them. `npm run dev`
 * sets both in local mode for the emulator's seeded users; unset, the
 * sign-in page is Clerk's form alone. Works the same against Clerk (a demo
 * deployment), since the buttons use Clerk's sign-in tokens.
 */
export function demoAccounts(): string[] {
  return (process.env.DEMO_ACCOUNTS ?? "")
    .split(",")
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
}

export const demoPassword = (): string | null => process.env.DEMO_PASSWORD || null;

/** A same-site path to return to after signing in, or undefined (Clerk then uses its fallback). */
export function returnPath(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  return value;
}
