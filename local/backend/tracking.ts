/**
 * Read and write tracking, done by subclassing convex-test's DatabaseFake
 * (one instance per component):
 *
 * - reads: every point read (`get`) and every scan (`_iterateDocs`, which
 *   index ranges, full scans, pagination, counts and searches go through)
 *   adds `component:table` to the QueryTracker of the running subscription
 *   query (an AsyncLocalStorage store, so nested calls into components count
 *   for the query that made them);
 * - journals: `paginate` without an explicit `endCursor` replays the end
 *   cursor the first run recorded, so a page keeps its boundary when
 *   documents are inserted before it (Convex's query journals);
 * - cursors: a `cursor` (or journal end cursor) that is not one convex-test
 *   wrote is refused with Convex's `InvalidCursor` error, where convex-test
 *   would throw its JSON parser's error or silently misread it;
 * - writes: `commit` at the outermost level (the writes reach the committed
 *   documents) reports the tables it wrote.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { jsonToConvex, type JSONValue } from "convex/values";
import type { DatabaseFake, DatabaseFakeClass, PaginateArgs, PaginateResult } from "./convexTestInternals";

/** `component:table`; the root component is "". */
export type TableKey = string;
export const tableKey = (componentPath: string, table: string): TableKey => `${componentPath}:${table}`;

/** End cursor per `.paginate()` call of one query execution, in call order per component. */
export type Journal = Record<string, string>;

export class QueryTracker {
  readonly reads = new Set<TableKey>();
  readonly journalOut: Journal = {};
  private paginateCalls = 0;

  constructor(private readonly journalIn: Journal | null) {}

  nextPaginateSlot(componentPath: string): { slot: string; endCursor: string | undefined } {
    const slot = `${componentPath}#${this.paginateCalls++}`;
    return { slot, endCursor: this.journalIn?.[slot] };
  }

  /** The journal to hand to the client; null when nothing paginated. */
  journal(): string | null {
    return Object.keys(this.journalOut).length === 0 ? null : JSON.stringify(this.journalOut);
  }
}

export function parseJournal(journal: string | null | undefined): Journal | null {
  if (!journal) return null;
  try {
    const parsed: unknown = JSON.parse(journal);
    return typeof parsed === "object" && parsed !== null ? (parsed as Journal) : null;
  } catch {
    return null;
  }
}

const END_CURSOR = "_end_cursor";

/** Convex's answer to a cursor it did not issue (`InvalidCursor`, a 400 there). */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
    super(`InvalidCursor: Failed to parse cursor ${JSON.stringify(shown)}. Pass null for the first page, or the continueCursor of the previous page of the same query.`);
    this.name = "Error";
  }
}

/** convex-test's cursors are a JSON array of index-key values, each `null` (undefined) or the JSON of a Convex value. */
function checkCursor(cursor: string | null | undefined): void {
  if (cursor == null || cursor === END_CURSOR) return;
  try {
    const keys: unknown = JSON.parse(cursor);
    if (!Array.isArray(keys) || keys.length === 0) throw new Error("not a key array");
    for (const key of keys) {
      if (key === null) continue;
      if (typeof key !== "string") throw new Error("not a key");
      jsonToConvex(JSON.parse(key) as JSONValue);
    }
  } catch {
    throw new InvalidCursorError(cursor);
  }
}

export const trackingStorage = new AsyncLocalStorage<QueryTracker>();

export type CommitListener = (tables: Set<TableKey>) => void;

export function trackedDatabaseClass(
  Base: DatabaseFakeClass,
  tableNameFromId: (id: string) => string | null,
  onCommit: CommitListener,
): DatabaseFakeClass {
  const track = (db: DatabaseFake, table: string | null | undefined) => {
    const tracker = trackingStorage.getStore();
    if (tracker && table) tracker.reads.add(tableKey(db._componentPath, table));
  };

  return class TrackedDatabase extends (Base as new (...args: ConstructorParameters<DatabaseFakeClass>) => DatabaseFake) {
    get(table: string | undefined, id: string) {
      track(this, table ?? (typeof id === "string" ? tableNameFromId(id) : null));
      return super.get(table, id);
    }

    _iterateDocs(table: string, callback: Parameters<DatabaseFake["_iterateDocs"]>[1]) {
      track(this, table);
      super._iterateDocs(table, callback);
    }

    paginate(args: PaginateArgs): PaginateResult {
      checkCursor(args.cursor);
      const tracker = trackingStorage.getStore();
      if (!tracker) {
        checkCursor(args.endCursor);
        return super.paginate(args);
      }
      const { slot, endCursor } = tracker.nextPaginateSlot(this._componentPath);
      const effective = args.endCursor == null && endCursor !== undefined ? { ...args, endCursor } : args;
      // The journal's end cursor comes back from the client, too.
      checkCursor(effective.endCursor);
      const result = super.paginate(effective);
      tracker.journalOut[slot] = effective.endCursor ?? result.continueCursor;
      // A page with a fixed end continues at that end, even when the document
      // that sat there was deleted (convex-test would report the page as last).
      if (effective.endCursor && effective.endCursor !== END_CURSOR && result.continueCursor === END_CURSOR) {
        return { ...result, continueCursor: effective.endCursor, isDone: false };
      }
      return result;
    }

    commit(commitTs?: bigint | null) {
      const outermost = this._writes.length === 1;
      const writes = this._writes[this._writes.length - 1];
      super.commit(commitTs);
      if (!outermost || !writes) return;
      const tables = new Set<TableKey>();
      for (const id of Object.keys(writes)) {
        const table = tableNameFromId(id);
        if (table) tables.add(tableKey(this._componentPath, table));
      }
      if (tables.size > 0) onCommit(tables);
    }
  };
}
