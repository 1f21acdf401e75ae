import { ConvexError } from "convex/values";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "NO_ACTIVE_ORG"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_ARGUMENT"
  | "CONFLICT"
  | "RATE_LIMITED";

/**
 * The `data` of every user-facing error: a stable code and a readable
 * message. RATE_LIMITED also carries `retryAfter`, in milliseconds.
 */
export type AppErrorData = { code: ErrorCode; message: string; retryAfter?: number };

export function appError(code: ErrorCode, message: string) {
  return new ConvexError<AppErrorData>({ code, message });
}

/** Foreign ids get exactly this error too: no existence oracle across orgs. */
export function notFound(what: string) {
  return appError("NOT_FOUND", `${what} not found`);
}

/** Refused by a rate limit: `why`, then when to try again (the UI shows the message as is). */
export function rateLimited(why: string, retryAfterMs: number) {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs));
  return new ConvexError<AppErrorData>({ code: "RATE_LIMITED", message: `${why} Try again ${inAbout(retryAfter)}.`, retryAfter });
}

/** "in 45 seconds", "in 3 minutes", "in 2 hours": rounded up, so retrying then succeeds. */
export function inAbout(ms: number): string {
  const plural = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? "" : "s"}`;
  if (ms < 60_000) return plural(Math.max(1, Math.ceil(ms / 1000)), "second");
  if (ms < 90 * 60_000) return plural(Math.ceil(ms / 60_000), "minute");
  return plural(Math.ceil(ms / 3_600_000), "hour");
}
