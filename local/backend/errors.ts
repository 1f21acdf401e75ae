/**
 * Errors as the client sees them: the real backend's wording, a request id,
 * and `errorData` only for a `ConvexError` (the client turns that into a
 * `ConvexError` with the same `data`; anything else is a plain `Error`).
 */
import { randomBytes } from "node:crypto";
import { convexToJson, type JSONValue, type Value } from "convex/values";

export type WireError = { message: string; data?: JSONValue };

/** Thrown for calls that never reach a function (missing, internal, wrong type). */
export class UnresolvedFunctionError extends Error {}

export const missingFunction = (udfPath: string) =>
  new UnresolvedFunctionError(
    `Could not find public function for '${udfPath}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`,
  );

export const requestId = () => randomBytes(8).toString("hex");

export function isConvexError(error: unknown): error is Error & { data: Value } {
  return typeof error === "object" && error !== null && Symbol.for("ConvexError") in error;
}

export function wireError(error: unknown, id: string = requestId()): WireError {
  const prefix = `[Request ID: ${id}] Server Error\n`;
  if (error instanceof UnresolvedFunctionError) return { message: prefix + error.message };
  if (isConvexError(error)) {
    return { message: `${prefix}Uncaught ConvexError: ${error.message}`, data: convexToJson(error.data ?? null) };
  }
  if (error instanceof Error) return { message: `${prefix}Uncaught ${error.name || "Error"}: ${error.message}` };
  return { message: `${prefix}Uncaught ${String(error)}` };
}
