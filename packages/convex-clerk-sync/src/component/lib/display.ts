import type { Doc } from "../_generated/dataModel.js";
import type { PublicUserData } from "../validators.js";

/** The user fields copied onto each membership row (see schema.ts). */
export type MemberDisplay = Pick<
  Doc<"memberships">,
  "firstName" | "lastName" | "email" | "imageUrl" | "searchText"
>;

export function displayFromUser(user: Pick<Doc<"users">, "firstName" | "lastName" | "primaryEmail" | "imageUrl">): MemberDisplay {
  return withSearchText({
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.primaryEmail,
    imageUrl: user.imageUrl,
  });
}

export function displayFromPublicData(data: PublicUserData): MemberDisplay {
  return withSearchText({
    firstName: data.firstName,
    lastName: data.lastName,
    email: emailOf(data.identifier),
    imageUrl: data.imageUrl,
  });
}

/**
 * Emails compare case-insensitively, in any script: `José@Bücher.de` and
 * `josé@bücher.de` are one address (NFC, so composed and decomposed
 * accents match too).
 */
export function normalizeEmail(email: string) {
  return email.trim().normalize("NFC").toLowerCase();
}

/** `public_user_data.identifier` is an email, a username or a phone number: the email, if it is one. */
export function emailOf(identifier: string | undefined) {
  return identifier?.includes("@") ? normalizeEmail(identifier) : undefined;
}

export function sameDisplay(a: MemberDisplay, b: MemberDisplay) {
  return (Object.keys(a) as (keyof MemberDisplay)[]).every((k) => a[k] === b[k]);
}

/**
 * Words for the search index: names, the whole email, and its local part and
 * domain, so "alice", "example.com" and "alice@example.com" all match.
 */
function withSearchText(fields: Omit<MemberDisplay, "searchText">): MemberDisplay {
  const words = [fields.firstName, fields.lastName];
  if (fields.email) {
    const [local, domain] = fields.email.split("@");
    words.push(fields.email, local, domain);
  }
  const searchText = words
    .filter((w): w is string => !!w)
    .join(" ")
    .toLowerCase();
  return { ...fields, searchText };
}
