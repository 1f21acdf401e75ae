import type { Id, TableNames } from "../_generated/dataModel";
import type { GenericDatabaseReader } from "convex/server";
import type { DataModel } from "../_generated/dataModel";
import { notFound } from "./errors";

/**
 * Loads a client-supplied id through the tenant database. A malformed id, an
 * id of another table, a deleted document and another org's document all
 * answer the same NOT_FOUND: no existence oracle across orgs.
 */
export async function loadOwned<T extends TableNames>(
  db: GenericDatabaseReader<DataModel>,
  table: T,
  id: string,
  what: string,
) {
  const normalized = db.normalizeId(table, id);
  const doc = normalized && (await db.get(table, normalized as Id<T>));
  if (!doc) throw notFound(what);
  return doc;
}
