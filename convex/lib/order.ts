/**
 * A list's own order: every todo carries a fractional key (the
 * `fractional-indexing` package), and a todo moves by taking a key between
 * its new neighbours, so a move writes one document and a paginated index
 * over `order` stays valid for every reader.
 *
 *   keyBetween("a0", "a1") // "a0V"
 *   keyBetween("a1", null) // after the last: "a2"
 */
import { generateKeyBetween } from "fractional-indexing";
import { appError } from "./errors";

export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    // Neighbours read in this transaction are in index order, so only a stale
    // request from a client (it named todos that have moved since) lands here.
    throw appError("CONFLICT", "The list changed while you were moving this todo. Try again.");
  }
  return generateKeyBetween(before, after);
}
