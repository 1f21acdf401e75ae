import { ConvexError } from "convex/values";
import type { AppErrorData, ErrorCode } from "@/convex/lib/errors";

/** The typed `{ code, message }` a Convex function refused with, if that's what this is. */
export function appErrorData(error: unknown): AppErrorData | null {
  if (!(error instanceof ConvexError)) return null;
  const data: unknown = error.data;
  if (data && typeof data === "object" && "code" in data && "message" in data) {
    return { code: (data as AppErrorData).code, message: String((data as AppErrorData).message) };
  }
  return typeof data === "string" ? { code: "INVALID_ARGUMENT", message: data } : null;
}

export function errorCode(error: unknown): ErrorCode | null {
  return appErrorData(error)?.code ?? null;
}

/** A sentence to show the user; never a stack trace. */
export function errorMessage(error: unknown, fallback = "Something went wrong. Please try again."): string {
  const data = appErrorData(error);
  if (data) return data.message;
  if (error instanceof Error && /fetch|network|connection/i.test(error.message)) {
    return "Can't reach the server. Check your connection and try again.";
  }
  return fallback;
}
