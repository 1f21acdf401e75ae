/**
 * The range one `db.query(…)` of a subscribed query reads, as convex-test
 * resolves it: an index range is its range expression (the equality prefix
 * and any gt/gte/lt/lte bounds, checked by convex-test's own
 * `evaluateRangeFilter`), a full table scan is the whole table, and a page
 * of `.paginate()` is narrowed to the index keys after its cursor up to its
 * end (compared the way convex-test compares cursors). Documents a query's
 * `.filter()` drops were still read, so filters do not narrow the range;
 * neither do `.first()` / `.take(n)`, as convex-test reads the whole range.
 */
import { jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { DatabaseFake, Doc, Internals, Order, QuerySource, RangeFilter, ResolvedQuery } from "./convexTestInternals";
import { tableKey, type ReadRange, type TableKey } from "./readSet";

/** convex-test's cursor for "the end of the range". */
export const END_CURSOR = "_end_cursor";

type CursorKeys = (Value | undefined)[];

/** convex-test's cursor: a JSON array of index-key values, `null` for undefined (tracking.ts checks the shape first). */
function parseCursor(cursor: string): CursorKeys {
  return (JSON.parse(cursor) as (string | null)[]).map((key) => (key === null ? undefined : jsonToConvex(JSON.parse(key) as JSONValue)));
}

export class QueryRange implements ReadRange {
  readonly table: TableKey;
  private readonly filters: RangeFilter[];
  /** The keys cursors hold: the index's fields, then `_id` (as convex-test's paginate adds it). */
  private readonly cursorFields: string[];
  private readonly order: Order;
  /** Page bounds: documents after `start` (exclusive) up to `end` (inclusive); null: unbounded. */
  private start: CursorKeys | null = null;
  private end: CursorKeys | null = null;

  constructor(
    private readonly db: DatabaseFake,
    private readonly evaluateRangeFilter: Internals["evaluateRangeFilter"],
    source: Exclude<QuerySource, { type: "Search" }>,
    resolved: ResolvedQuery,
  ) {
    const table = source.type === "FullTableScan" ? source.tableName : source.indexName.split(".")[0]!;
    this.table = tableKey(db._componentPath, table);
    this.filters = source.type === "IndexRange" ? source.range : [];
    const fields = resolved.fieldPathsToSortBy;
    this.cursorFields = fields.includes("_id") ? fields : [...fields, "_id"];
    this.order = resolved.order;
  }

  /** Narrows to one page: after `cursor` (null: from the start) up to `end` (the end cursor: to the end of the range). */
  narrowToPage(cursor: string | null, end: string): void {
    // A page that starts past the end stays empty whatever is written: left unbounded (only a spurious re-run).
    this.start = cursor === null || cursor === END_CURSOR ? null : parseCursor(cursor);
    this.end = end === END_CURSOR ? null : parseCursor(end);
  }

  contains(doc: Doc): boolean {
    if (!this.filters.every((filter) => this.evaluateRangeFilter(doc, filter))) return false;
    if (this.start && this.db._docIsAfterCursor(doc, this.start, this.cursorFields, this.order) <= 0) return false;
    if (this.end && this.db._docIsAfterCursor(doc, this.end, this.cursorFields, this.order) > 0) return false;
    return true;
  }
}
