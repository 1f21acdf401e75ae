import { ConvexError } from "convex/values";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "NO_ACTIVE_ORG"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_ARGUMENT";

/** The `data` of every user-facing error: a stable code and a readable message. */
export type AppErrorData = { code: ErrorCode; message: string };

export function appError(code: ErrorCode, message: string) {
  return new ConvexError<AppErrorData>({ code, message });
}

/** Foreign ids get exactly this error too: no existence oracle across orgs. */
export function notFound(what: string) {
  return appError("NOT_FOUND", `${what} not found`);
}
