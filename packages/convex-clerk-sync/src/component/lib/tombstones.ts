import type { DatabaseReader, DatabaseWriter } from "../_generated/server.js";
import type { EntityKind } from "../validators.js";

/** Clerk never reuses ids, so a tombstone is forever. */
export async function isBuried(db: DatabaseReader, entity: EntityKind, clerkId: string) {
  const row = await db
    .query("tombstones")
    .withIndex("by_entity_clerk_id", (q) => q.eq("entity", entity).eq("clerkId", clerkId))
    .unique();
  return row !== null;
}

export async function bury(db: DatabaseWriter, entity: EntityKind, clerkId: string, deletedAt: number) {
  if (!(await isBuried(db, entity, clerkId))) {
    await db.insert("tombstones", { entity, clerkId, deletedAt });
  }
}
