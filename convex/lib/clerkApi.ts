import { createClerkClient } from "@clerk/backend";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { env } from "../_generated/server";
import { appError, rateLimited } from "./errors";

/**
 * The Clerk Backend API client for admin actions. In local mode `apiUrl`
 * points at the Clerk emulator, which serves the same routes.
 */
export function clerkApi() {
  const secretKey = env.CLERK_SECRET_KEY;
  if (!secretKey) {
    throw new Error("CLERK_SECRET_KEY is not set on this deployment: admin actions need the Clerk Backend API.");
  }
  return createClerkClient({ secretKey, ...(env.CLERK_API_URL ? { apiUrl: env.CLERK_API_URL } : {}) });
}

/**
 * Runs a Backend API call; Clerk's 4xx answers (an email already invited, a
 * slug taken…) become INVALID_ARGUMENT with Clerk's own words, its 429
 * RATE_LIMITED with its Retry-After. Anything else is left to fail loudly.
 */
export async function callClerk<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isClerkAPIResponseError(error) && error.status === 429) {
      throw rateLimited("Clerk is limiting this app's requests.", (error.retryAfter ?? 10) * 1000);
    }
    if (isClerkAPIResponseError(error) && error.status >= 400 && error.status < 500) {
      const first = error.errors[0];
      throw appError("INVALID_ARGUMENT", first?.longMessage ?? first?.message ?? "Clerk refused the change.");
    }
    throw error;
  }
}

/**
 * Where an invitation's email link lands: the app's sign-in page (APP_URL on
 * the deployment). Without APP_URL Clerk sends invitees to its Account Portal,
 * which cannot finish signing them in to this app.
 */
export function invitationRedirectUrl(): string {
  const appUrl = env.APP_URL?.replace(/\/+$/, "");
  if (!appUrl) throw appError("INVALID_ARGUMENT", "APP_URL is not set on this deployment: invitation emails need the app's address.");
  return `${appUrl}/sign-in`;
}
