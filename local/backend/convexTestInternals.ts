/**
 * The parts of convex-test (pinned, 0.0.60) the backend assembles its
 * runtime from. convex-test's `convexTest()` hides its database, scheduler
 * and syscalls in a closure; the backend needs them to subscribe to commits,
 * track reads, keep ids across restarts and run scheduled functions on its
 * own timers. So it loads a build of convex-test with these names exported
 * (bundler.ts appends one `export { … }` line; no code is changed) and
 * builds the same "convex global" `convexTest()` would.
 *
 * The types below describe only what the backend uses.
 */
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { GenericSchema, SchemaDefinition, UserIdentity } from "convex/server";
import type { JSONValue, Value } from "convex/values";
import { buildConvexTestInternals } from "./bundler";

export type Doc = Record<string, Value | undefined> & { _id: string; _creationTime: number };
export type Writes = Record<string, Doc | null>;
export type AnySchema = SchemaDefinition<GenericSchema, boolean>;

export type RangeFilter = { type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte"; fieldPath: string; value: JSONValue };
export type Order = "asc" | "desc";
export type QuerySource =
  | { type: "FullTableScan"; tableName: string; order?: Order }
  | { type: "IndexRange"; indexName: string; range: RangeFilter[]; order?: Order }
  | { type: "Search"; indexName: string };
export type Query = { source: QuerySource; operators: unknown[] };
/** The documents of a query's source, in its order, before filters and limit. */
export type ResolvedQuery = { sortedDocs: Doc[]; fieldPathsToSortBy: string[]; order: Order };

export type PaginateArgs = {
  query: Query;
  cursor: string | null;
  endCursor?: string | null;
  pageSize: number;
  maximumRowsRead?: number;
  maximumBytesRead?: number;
};
export type PaginateResult = { page: Doc[]; isDone: boolean; continueCursor: string; splitCursor: string | null; pageStatus: string | null };

/** convex-test's in-memory database of one component. */
export interface DatabaseFake {
  _componentPath: string;
  _documents: Record<string, Doc>;
  _nextDocId: number;
  _lastCreationTime: number;
  _writes: Writes[];
  get(table: string | undefined, id: string): Doc | null;
  insert(table: string, value: Record<string, Value | undefined>): string;
  patch(table: string | undefined, id: string, value: Record<string, unknown>): void;
  commit(commitTs?: bigint | null): void;
  paginate(args: PaginateArgs): PaginateResult;
  _iterateDocs(table: string, callback: (doc: Doc) => void): void;
  _resolveQuerySource(query: Query): ResolvedQuery;
  /** >0 when `doc` sorts after the cursor's keys (in `order`), 0 at them, <0 before. */
  _docIsAfterCursor(doc: Doc, cursorKeys: (Value | undefined)[], fieldPaths: string[], order: Order): number;
  _validate(table: string, doc: Record<string, Value | undefined>): void;
}
export type DatabaseFakeClass = new (schema: AnySchema | null, componentPath: string) => DatabaseFake;

export type FunctionPath = { udfPath: string; componentPath: string };
export type ModuleLoader = (path: string) => Promise<Record<string, unknown>>;
export type ModuleMap = Record<string, () => Promise<unknown>>;

export type ConvexGlobal = {
  components: Record<string, { db: DatabaseFake; modules: ModuleLoader }>;
  transactionManager: unknown;
  scheduler: unknown;
  syscall: (op: string, args: string) => string;
  asyncSyscall: (op: string, args: string) => Promise<string>;
  jsSyscall: (op: string, args: Record<string, unknown>) => unknown;
};

export type Args = Record<string, Value>;

/** What `withAuth(auth)` returns: convex-test's function runners for one caller. */
export interface Accessor {
  queryFromPath(path: FunctionPath, args: Args): Promise<Value>;
  mutationFromPath(path: FunctionPath, args: Args): Promise<Value>;
  actionFromPath(path: FunctionPath, args: Args): Promise<Value>;
  fun(path: FunctionPath, args: Args): Promise<Value>;
  runInComponent<T>(componentPath: string, handler: () => Promise<T>): Promise<T>;
  query(ref: unknown, args: unknown): Promise<unknown>;
  mutation(ref: unknown, args: unknown): Promise<unknown>;
  action(ref: unknown, args: unknown): Promise<unknown>;
}

export interface AuthFake {
  getUserIdentity(): Promise<UserIdentity | null>;
  readonly token: string | null;
}

export type RequestMetadata = {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  scheduledFunctionId: string | null;
  authToken: string | null;
};

export type ExecutionContext = { componentPath: string; udfPath: string; udfType: string; depth: number; paginatedQueries: number };

export interface Internals {
  DatabaseFake: DatabaseFakeClass;
  TransactionManager: new (limits: boolean) => unknown;
  Scheduler: new () => unknown;
  syscallImpl(): ConvexGlobal["syscall"];
  asyncSyscallImpl(): ConvexGlobal["asyncSyscall"];
  jsSyscallImpl(): ConvexGlobal["jsSyscall"];
  moduleCache(modules: ModuleMap): ModuleLoader;
  ensureGlobalProxy(): void;
  convexGlobalStorage: AsyncLocalStorage<ConvexGlobal>;
  withAuth(auth?: AuthFake, requestOptions?: { ip: string | null; userAgent: string | null }): Accessor;
  AuthFake: new (identity?: UserIdentity | null, token?: string | null) => AuthFake;
  authStorage: AsyncLocalStorage<AuthFake>;
  requestMetadataStorage: AsyncLocalStorage<RequestMetadata>;
  executionContextStorage: AsyncLocalStorage<ExecutionContext>;
  runWithGlobalOverrides<T>(overrides: Record<string, unknown>, handler: () => T): T;
  getFunctionPathFromAddress(address: { name?: string; reference?: string; functionHandle?: string }): FunctionPath;
  getDb(): DatabaseFake;
  getCurrentComponentPath(): string;
  newRequestId(): string;
  tableNameFromId(id: string): string | null;
  getHandler(func: unknown): (...args: unknown[]) => unknown;
  evaluateRangeFilter(doc: Doc, filter: RangeFilter): boolean;
}

const EXPORTS = [
  "DatabaseFake",
  "TransactionManager",
  "Scheduler",
  "syscallImpl",
  "asyncSyscallImpl",
  "jsSyscallImpl",
  "moduleCache",
  "ensureGlobalProxy",
  "convexGlobalStorage",
  "withAuth",
  "AuthFake",
  "authStorage",
  "requestMetadataStorage",
  "executionContextStorage",
  "runWithGlobalOverrides",
  "getFunctionPathFromAddress",
  "getDb",
  "getCurrentComponentPath",
  "newRequestId",
  "tableNameFromId",
  "getHandler",
  "evaluateRangeFilter",
] as const satisfies readonly (keyof Internals)[];

let loaded: Promise<Internals> | undefined;

/**
 * One copy per process: convex-test keeps its contexts in module-level
 * AsyncLocalStorage instances and installs one global `Convex` proxy, so
 * every runtime (old and new code) must share the same module.
 */
export function loadInternals(buildDir: string): Promise<Internals> {
  loaded ??= (async () => {
    const code = await buildConvexTestInternals(EXPORTS);
    mkdirSync(buildDir, { recursive: true });
    // Named by content: the same file every start, written atomically (another process may be reading it).
    const file = join(buildDir, `convex-test-internals-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
    const mod = (await import(pathToFileURL(file).href)) as Internals;
    for (const name of EXPORTS) {
      if (mod[name] === undefined) throw new Error(`convex-test no longer has \`${name}\`: check the pinned version`);
    }
    return mod;
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
