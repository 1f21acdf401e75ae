/**
 * Errors in Clerk's Backend API shape: `{ errors: [{ message, long_message,
 * code }] }`, so `@clerk/backend` raises the same `ClerkAPIResponseError`
 * (status, code) against this provider as against Clerk.
 */
export class ClerkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly longMessage = message,
  ) {
    super(message);
  }

  body() {
    return { errors: [{ message: this.message, long_message: this.longMessage, code: this.code }], clerk_trace_id: "local" };
  }
}

export const notFound = (what: string) =>
  new ClerkError(404, "resource_not_found", "not found", `No ${what} was found with the given identifier.`);

export const unauthorized = () =>
  new ClerkError(401, "authentication_invalid", "Unauthorized request", "The provided secret key is missing or invalid.");

export const invalid = (message: string, code = "form_param_value_invalid") => new ClerkError(422, code, message);
