/**
 * Read and write tracking, done by subclassing convex-test's DatabaseFake
 * (one instance per component):
 *
 * - reads: the running subscription query's QueryTracker (an
 *   AsyncLocalStorage store, so nested calls into components count for the
 *   query that made them) collects its ReadSet (readSet.ts): every index
 *   range or table scan convex-test resolves (`_resolveQuerySource`, which
 *   queries, `paginate` and counts go through) as a QueryRange, narrowed to
 *   the page for `paginate`; every document read by id (`get`); and the
 *   whole table for any other scan (`_iterateDocs` outside a range: search,
 *   vector search);
 * - journals: `paginate` without an explicit `endCursor` replays the end
 *   cursor the first run recorded, so a page keeps its boundary when
 *   documents are inserted before it (Convex's query journals);
 * - cursors: a `cursor` (or journal end cursor) that is not one convex-test
 *   wrote is refused with Convex's `InvalidCursor` error, where convex-test
 *   would throw its JSON parser's error or silently misread it;
 * - writes: `commit` at the outermost level (the writes reach the committed
 *   documents) reports every written document with its versions before and
 *   after.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { jsonToConvex, type JSONValue } from "convex/values";
import type { DatabaseFake, DatabaseFakeClass, Doc, Internals, PaginateArgs, PaginateResult, Query, ResolvedQuery } from "./convexTestInternals";
import { END_CURSOR, QueryRange } from "./queryRange";
import { ReadSet, type DocumentWrite } from "./readSet";

/** End cursor per `.paginate()` call of one query execution, in call order per component. */
export type Journal = Record<string, string>;

export class QueryTracker {
  readonly reads = new ReadSet();
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

export type CommitListener = (writes: DocumentWrite[]) => void;

export function trackedDatabaseClass(I: Pick<Internals, "DatabaseFake" | "tableNameFromId" | "evaluateRangeFilter">, onCommit: CommitListener): DatabaseFakeClass {
  const reads = () => trackingStorage.getStore()?.reads;

  return class TrackedDatabase extends (I.DatabaseFake as new (...args: ConstructorParameters<DatabaseFakeClass>) => DatabaseFake) {
    /** Inside a scan: the documents it visits are not reads by id. */
    private scanning = 0;
    /** Inside resolving a range: its scan reads the range, not the whole table. */
    private ranged = 0;
    /** The range the last `_resolveQuerySource` recorded, for `paginate` to narrow to its page. */
    private lastRange: QueryRange | null = null;

    get(table: string | undefined, id: string) {
      if (this.scanning === 0 && typeof id === "string") reads()?.addDocument(this._componentPath, id);
      return super.get(table, id);
    }

    _iterateDocs(table: string, callback: (doc: Doc) => void) {
      if (this.ranged === 0) reads()?.addTable(this._componentPath, table);
      this.scanning++;
      try {
        super._iterateDocs(table, callback);
      } finally {
        this.scanning--;
      }
    }

    _resolveQuerySource(query: Query): ResolvedQuery {
      this.lastRange = null;
      const readSet = reads();
      const { source } = query;
      // A search is not an index range: its scan reads the whole table.
      if (!readSet || source.type === "Search") return super._resolveQuerySource(query);
      this.ranged++;
      let resolved: ResolvedQuery;
      try {
        resolved = super._resolveQuerySource(query);
      } finally {
        this.ranged--;
      }
      this.lastRange = new QueryRange(this, I.evaluateRangeFilter, source, resolved);
      readSet.addRange(this.lastRange);
      return resolved;
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
      const end = effective.endCursor ?? result.continueCursor;
      tracker.journalOut[slot] = end;
      // What the page read: its range, from its cursor to its end (the journal's).
      this.lastRange?.narrowToPage(args.cursor, end);
      // A page with a fixed end continues at that end, even when the document
      // that sat there was deleted (convex-test would report the page as last).
      if (effective.endCursor && effective.endCursor !== END_CURSOR && result.continueCursor === END_CURSOR) {
        return { ...result, continueCursor: effective.endCursor, isDone: false };
      }
      return result;
    }

    commit(commitTs?: bigint | null) {
      const writes = this._writes.length === 1 ? this._writes[0]! : null;
      const before = writes && Object.keys(writes).map((id) => [id, this._documents[id] ?? null] as const);
      super.commit(commitTs);
      if (!before) return;
      const written: DocumentWrite[] = [];
      for (const [id, old] of before) {
        const table = I.tableNameFromId(id);
        const after = this._documents[id] ?? null;
        if (table && (old || after)) written.push({ componentPath: this._componentPath, table, id, before: old, after });
      }
      if (written.length > 0) onCommit(written);
    }
  };
}
