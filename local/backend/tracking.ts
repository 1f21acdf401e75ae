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
 * - writes: `commit` at the outermost level (the writes reach the committed
 *   documents) reports the tables it wrote.
 */
import { AsyncLocalStorage } from "node:async_hooks";
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
      const tracker = trackingStorage.getStore();
      if (!tracker) return super.paginate(args);
      const { slot, endCursor } = tracker.nextPaginateSlot(this._componentPath);
      const effective = args.endCursor == null && endCursor !== undefined ? { ...args, endCursor } : args;
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
