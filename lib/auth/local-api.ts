/**
 * The browser's calls to the local identity provider (local mode only).
 * Every call sends the provider's session cookie (`credentials: "include"`);
 * a 401 means "signed out" and answers `null`.
 */
import { LOCAL_CLERK_URL } from "./config";

export type LocalOrg = { id: string; name: string; slug: string | null; role: string };

export type LocalSession = {
  sessionId: string;
  user: { id: string; firstName: string | null; lastName: string | null; fullName: string; email: string | null };
  activeOrganization: LocalOrg | null;
  organizations: LocalOrg[];
};

/** The provider could not be reached or answered something unexpected. */
export class LocalAuthUnavailable extends Error {}

async function call<T>(path: string, method: "GET" | "POST", body?: unknown): Promise<T | null> {
  let res: Response;
  try {
    res = await fetch(`${LOCAL_CLERK_URL}${path}`, {
      method,
      credentials: "include",
      cache: "no-store",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new LocalAuthUnavailable(`The local identity provider at ${LOCAL_CLERK_URL} is not reachable.`);
  }
  if (res.status === 401) return null;
  if (!res.ok) {
    const detail = await res.json().catch(() => null);
    const message = (detail as { errors?: { long_message?: string; message?: string }[] } | null)?.errors?.[0];
    throw new LocalAuthUnavailable(message?.long_message ?? message?.message ?? `The identity provider answered ${res.status}.`);
  }
  return (await res.json()) as T;
}

export const localApi = {
  session: () => call<LocalSession>("/session", "GET"),
  token: () => call<{ jwt: string }>("/session/token", "POST"),
  setActiveOrg: (orgId: string | null) => call<LocalSession & { jwt: string }>("/session/active-org", "POST", { orgId }),
  updateProfile: (names: { firstName: string; lastName: string }) => call<LocalSession>("/session/profile", "POST", names),
  signOut: () => call<{ signedOut: true }>("/session/sign-out", "POST"),
};

/** Seconds since the epoch when a JWT expires (0 if unreadable). */
export function jwtExpiry(jwt: string): number {
  try {
    const payload = jwt.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : 0;
  } catch {
    return 0;
  }
}
