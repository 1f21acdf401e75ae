/**
 * Clerk-style identifiers: a type prefix and 27 random base62 characters
 * (`user_2abc…`), so ids look and sort like the real ones in logs and tests.
 */
import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export type IdPrefix =
  | "user"
  | "org"
  | "orgmem"
  | "orginv"
  | "sess"
  | "idn"
  | "msg"
  | "ins"
  | "client"
  | "sia"
  | "sua"
  | "sit"
  | "tkt"
  | "role"
  | "perm";

/** `length` random base62 characters, uniformly distributed (rejection sampling). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: bytes above it would bias the first characters.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export const newId = (prefix: IdPrefix) => `${prefix}_${randomBase62(27)}`;
