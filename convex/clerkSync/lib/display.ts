import type { Doc } from "../_generated/dataModel";
import type { PublicUserData } from "../validators";

/** The user fields copied onto each membership row (see schema.ts). */
export type MemberDisplay = Pick<
  Doc<"memberships">,
  "firstName" | "lastName" | "email" | "imageUrl" | "searchText"
>;

export function displayFromUser(user: Doc<"users">): MemberDisplay {
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
    email: data.identifier?.includes("@") ? data.identifier.toLowerCase() : undefined,
    imageUrl: data.imageUrl,
  });
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
