/**
 * Errors in Clerk's API shape: `{ errors: [{ message, long_message, code,
 * meta: { param_name } }], clerk_trace_id }`, so `@clerk/backend` raises the
 * same `ClerkAPIResponseError` (status, code) against the emulator as
 * against Clerk, and Clerk's components put a form error under the field
 * `param_name` names.
 */
export class ClerkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly longMessage = message,
    readonly paramName?: string,
  ) {
    super(message);
  }

  body() {
    const error = {
      message: this.message,
      long_message: this.longMessage,
      code: this.code,
      ...(this.paramName ? { meta: { param_name: this.paramName } } : {}),
    };
    return { errors: [error], clerk_trace_id: "emulator" };
  }
}

export const notFound = (what: string) =>
  new ClerkError(404, "resource_not_found", "not found", `No ${what} was found with the given identifier.`);

export const unauthorized = () =>
  new ClerkError(401, "authentication_invalid", "Unauthorized request", "The provided secret key is missing or invalid.");

export const invalid = (message: string, code = "form_param_value_invalid", paramName?: string) =>
  new ClerkError(422, code, message, message, paramName);
