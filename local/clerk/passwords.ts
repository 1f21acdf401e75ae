/**
 * Password digests for the emulator's users: scrypt with a random salt,
 * compared in constant time. The data file never holds a password itself.
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

export type PasswordDigest = { algorithm: "scrypt"; salt: string; hash: string };

const KEY_LENGTH = 32;

export function hashPassword(password: string): PasswordDigest {
  const salt = randomBytes(16).toString("base64");
  return { algorithm: "scrypt", salt, hash: scryptSync(password, salt, KEY_LENGTH).toString("base64") };
}

export function verifyPassword(digest: PasswordDigest | null, password: string): boolean {
  if (!digest || digest.algorithm !== "scrypt") return false;
  const expected = Buffer.from(digest.hash, "base64");
  const given = scryptSync(password, digest.salt, expected.length || KEY_LENGTH);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
