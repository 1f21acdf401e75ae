/**
 * The field rules besides clean text (`./text`): searches, invitation
 * emails and roles. Plain TypeScript without dependencies, like `./text`:
 * the Convex functions apply them through the zod schemas of `./inputs`,
 * the web app's forms call them directly, so a form checks a value the way
 * the server will without shipping a validation library to the browser.
 */
/** A field's checked value, or the message to show (as `cleanText` of `./text` answers). */
export type FieldResult<T = string> = { ok: true; value: T } | { ok: false; error: string };

const SEARCH_MAX = 100;

/** A search box's text (todos, members): trimmed, at most 100 characters. */
export function searchText(input: string): FieldResult {
  const value = input.trim();
  if (value.length > SEARCH_MAX) return { ok: false, error: `Search for at most ${SEARCH_MAX} characters.` };
  return { ok: true, value };
}

// zod's email pattern (`z.email()`), which these addresses were checked with before the rule moved here.
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** The address an invitation goes to: trimmed and lower-cased. */
export function inviteEmail(input: string): FieldResult {
  const value = input.trim().toLowerCase();
  if (!EMAIL.test(value)) return { ok: false, error: "Enter a valid email address." };
  return { ok: true, value };
}

export const memberRoles = ["org:admin", "org:member"] as const;
export type MemberRole = (typeof memberRoles)[number];

/** A member's role in an organization. */
export function memberRole(input: string): FieldResult<MemberRole> {
  const role = memberRoles.find((r) => r === input);
  return role ? { ok: true, value: role } : { ok: false, error: "Choose a role: admin or member." };
}
