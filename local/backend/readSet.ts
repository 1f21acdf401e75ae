/**
 * What a subscribed query read, and whether a commit touched it (Convex's
 * read sets): index ranges (the equality prefix and bounds of the range,
 * narrowed to the page for `.paginate()`), documents read by id, and whole
 * tables where a read cannot be bounded (search, vector search). A commit
 * carries each written document's version before and after; a query runs
 * again when either version falls inside something it read. A read
 * recorded too wide only costs a re-run, one recorded too narrow would leave
 * a stale screen: whatever cannot be bounded counts as its whole table.
 */
import type { Doc } from "./convexTestInternals";

/** `component:table`; the root component is "". */
export type TableKey = string;
export const tableKey = (componentPath: string, table: string): TableKey => `${componentPath}:${table}`;

/** convex-test's ids are unique per component (a counter plus the table name). */
const documentKey = (componentPath: string, id: string) => `${componentPath}:${id}`;

/** One document written by a commit: its versions before and after (null: absent). */
export type DocumentWrite = { componentPath: string; table: string; id: string; before: Doc | null; after: Doc | null };

/** A range read from one table: the documents for which `contains` holds. */
export interface ReadRange {
  readonly table: TableKey;
  contains(doc: Doc): boolean;
}

/** The writes of the commits of one round, by table and by document. */
export class CommitWrites {
  private readonly byTable = new Map<TableKey, DocumentWrite[]>();
  private readonly documents = new Set<string>();

  add(writes: DocumentWrite[]): void {
    for (const write of writes) {
      const table = tableKey(write.componentPath, write.table);
      let list = this.byTable.get(table);
      if (!list) this.byTable.set(table, (list = []));
      list.push(write);
      this.documents.add(documentKey(write.componentPath, write.id));
    }
  }

  wroteTable(table: TableKey): boolean {
    return this.byTable.has(table);
  }

  wroteDocument(key: string): boolean {
    return this.documents.has(key);
  }

  inTable(table: TableKey): readonly DocumentWrite[] {
    return this.byTable.get(table) ?? [];
  }
}

export class ReadSet {
  private readonly tables = new Set<TableKey>();
  private readonly documents = new Set<string>();
  private readonly ranges: ReadRange[] = [];

  addTable(componentPath: string, table: string): void {
    this.tables.add(tableKey(componentPath, table));
  }

  addDocument(componentPath: string, id: string): void {
    this.documents.add(documentKey(componentPath, id));
  }

  addRange(range: ReadRange): void {
    this.ranges.push(range);
  }

  /** True when a write of `commits` falls inside this read set (old or new version). */
  touchedBy(commits: CommitWrites): boolean {
    for (const table of this.tables) if (commits.wroteTable(table)) return true;
    for (const key of this.documents) if (commits.wroteDocument(key)) return true;
    return this.ranges.some((range) =>
      commits.inTable(range.table).some(({ before, after }) => (before !== null && range.contains(before)) || (after !== null && range.contains(after))),
    );
  }
}
