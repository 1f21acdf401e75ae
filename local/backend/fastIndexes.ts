/**
 * Equality lookups for convex-test's in-memory database, which the local
 * backend and the unit tests both run on. convex-test answers every query by
 * scanning all documents of the component (`_iterateDocs` walks every id of
 * every table), which makes tens of thousands of rows take hours. This keeps,
 * per table, its ids and, per field used in an `eq` of an index range, a map
 * from value to ids; a query then visits only the documents that can match,
 * plus the transaction's pending writes.
 *
 * Results are unchanged: candidates go through convex-test's own range
 * check, filters, sort and read accounting (`transactionLimits`), so
 * documents read per query are counted exactly as before. The whole convex
 * suite runs with it (test/setup.ts), which is also its equivalence test.
 */

type Doc = Record<string, unknown> & { _id: string };
type RangeFilter = { type: string; fieldPath: string; value: unknown };
type Query = { source: { type: string; indexName?: string; range?: RangeFilter[] } };
type Candidates = { table: string; field: string; key: string };
type Db = {
  _documents: Record<string, Doc>;
  _writes: Record<string, Doc | null>[];
  get(table: string, id: string): Doc | null;
  commit(commitTs?: unknown): void;
  _iterateDocs(table: string, callback: (doc: Doc) => void): void;
  _resolveQuerySource(query: Query): unknown;
  __candidates?: Candidates;
};

/** convex-test's ids are a zero-padded counter followed by the table name. */
const tableOf = (id: string) => id.replace(/^[0-9]+/, "");

/** A key for values an `eq` can match exactly; undefined for values not worth indexing. */
function keyOf(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return `s:${value}`;
    case "number":
      return value === 0 || Number.isNaN(value) ? undefined : `n:${value}`;
    case "boolean":
      return `b:${value}`;
    case "undefined":
      return "u";
    default:
      return value === null ? "null" : undefined;
  }
}

/** The key of a query's (JSON-encoded) eq value, or undefined to fall back to a scan. */
function queryKeyOf(json: unknown): string | undefined {
  if (json !== null && typeof json === "object") return "$undefined" in json ? "u" : undefined;
  return keyOf(json);
}

function fieldOf(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split(".")) {
    value = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

class Indexes {
  private readonly tables = new Map<string, Set<string>>();
  private readonly fields = new Map<string, Map<string, Set<string>>>();

  constructor(readonly documents: Record<string, Doc>) {
    for (const id of Object.keys(documents)) this.ids(tableOf(id)).add(id);
  }

  ids(table: string) {
    let ids = this.tables.get(table);
    if (!ids) this.tables.set(table, (ids = new Set()));
    return ids;
  }

  bucket(table: string, field: string, key: string): Iterable<string> {
    return this.field(table, field).get(key) ?? [];
  }

  size(table: string, field: string, key: string) {
    return this.field(table, field).get(key)?.size ?? 0;
  }

  /** A committed write: `before` and `after` are the document before and after (null: absent). */
  update(id: string, before: Doc | undefined, after: Doc | undefined) {
    const table = tableOf(id);
    if (after) this.ids(table).add(id);
    else this.ids(table).delete(id);
    for (const [name, values] of this.fields) {
      const [fieldTable, field] = name.split("\0") as [string, string];
      if (fieldTable !== table) continue;
      const old = before && keyOf(fieldOf(before, field));
      const next = after && keyOf(fieldOf(after, field));
      if (old !== undefined) values.get(old)?.delete(id);
      if (next !== undefined) add(values, next, id);
    }
  }

  private field(table: string, field: string) {
    const name = `${table}\0${field}`;
    let values = this.fields.get(name);
    if (!values) {
      values = new Map();
      for (const id of this.ids(table)) {
        const key = keyOf(fieldOf(this.documents[id]!, field));
        if (key !== undefined) add(values, key, id);
      }
      this.fields.set(name, values);
    }
    return values;
  }
}

function add(values: Map<string, Set<string>>, key: string, id: string) {
  let ids = values.get(key);
  if (!ids) values.set(key, (ids = new Set()));
  ids.add(id);
}

const indexes = new WeakMap<Db, Indexes>();

function indexesOf(db: Db): Indexes {
  let found = indexes.get(db);
  // A database whose documents were swapped wholesale starts over.
  if (!found || found.documents !== db._documents) indexes.set(db, (found = new Indexes(db._documents)));
  return found;
}

const installed = new WeakSet<object>();

/** Patches a copy of convex-test's DatabaseFake class (each loaded copy once). */
export function installFastIndexes(DatabaseFake: { prototype: object }) {
  if (installed.has(DatabaseFake)) return;
  installed.add(DatabaseFake);
  const proto = DatabaseFake.prototype as Db;
  const { commit, _resolveQuerySource: resolve } = proto;

  proto.commit = function (this: Db, commitTs) {
    const idx = this._writes.length === 1 ? indexesOf(this) : undefined;
    const before = idx && Object.keys(this._writes[0]!).map((id) => [id, this._documents[id]] as const);
    commit.call(this, commitTs);
    if (idx && before) for (const [id, old] of before) idx.update(id, old, this._documents[id]);
  };

  proto._iterateDocs = function (this: Db, table, callback) {
    const idx = indexesOf(this);
    const only = this.__candidates?.table === table ? this.__candidates : undefined;
    const ids = new Set(only ? idx.bucket(table, only.field, only.key) : idx.ids(table));
    for (const layer of this._writes) for (const id of Object.keys(layer)) if (tableOf(id) === table) ids.add(id);
    for (const id of ids) {
      const doc = this.get(table, id);
      if (doc !== null) callback(doc);
    }
  };

  proto._resolveQuerySource = function (this: Db, query) {
    const { source } = query;
    if (source.type !== "IndexRange" || !source.indexName) return resolve.call(this, query);
    // The most selective eq: [run, entity, clerkId] is looked up by clerkId, not by run.
    const table = source.indexName.split(".")[0]!;
    const idx = indexesOf(this);
    let best: Candidates | undefined;
    let bestSize = Infinity;
    for (const filter of source.range ?? []) {
      const key = filter.type === "Eq" ? queryKeyOf(filter.value) : undefined;
      if (key === undefined) continue;
      const size = idx.size(table, filter.fieldPath, key);
      if (size < bestSize) [best, bestSize] = [{ table, field: filter.fieldPath, key }, size];
    }
    if (!best) return resolve.call(this, query);
    this.__candidates = best;
    try {
      return resolve.call(this, query);
    } finally {
      this.__candidates = undefined;
    }
  };
}
