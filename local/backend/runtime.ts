/**
 * One loaded version of the project's code: convex-test's in-memory
 * databases (one per component, tracked, see tracking.ts), the modules of
 * the app and its components (local or from npm), and the calls the backend
 * makes into them. A code change builds a new Runtime and moves the data over
 * (exportData / importData), ids and creation times included.
 *
 * convex-test runs one transaction at a time per runtime; queries wait for a
 * running mutation to commit, which is what keeps subscription re-runs
 * consistent (see syncServer.ts).
 */
import { posix } from "node:path";
import { httpActionGeneric, type UserIdentity } from "convex/server";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { Provider } from "./auth";
import type {
  AnySchema,
  Args,
  ConvexGlobal,
  DatabaseFake,
  Doc,
  FunctionPath,
  Internals,
  ModuleMap,
} from "./convexTestInternals";
import { captureConsole, type ConsoleEntry } from "./consoleCapture";
import { missingFunction, UnresolvedFunctionError } from "./errors";
import { installFastIndexes } from "./fastIndexes";
import type { DocumentWrite } from "./readSet";
import { trackedDatabaseClass } from "./tracking";

export type Kind = "query" | "mutation" | "action";

/** Who a call runs as. */
export type Caller = { identity: UserIdentity | null; token: string | null; ip: string | null; userAgent: string | null };

type Definition = { export(): { childComponents?: { name: string; path: string }[] } };
type BundleRoot = { modules: ModuleMap; schema: AnySchema | null; config: Definition | null };
/** What bundler.ts's build exports. */
export type FunctionsBundle = { roots: Record<string, BundleRoot> };

type Registered = { isQuery?: boolean; isMutation?: boolean; isAction?: boolean; isPublic?: boolean };
type FunctionInfo = { kind: Kind; isPublic: boolean };

export type ScheduledJob = { componentPath: string; jobId: string; target: FunctionPath; scheduledTime: number };

export type CronSpec = { name: string; udfPath: string; args: Args; schedule: Record<string, unknown> & { type: string } };

/** A component's committed documents and id counter, JSON-encoded. */
export type ComponentData = { nextDocId: number; lastCreationTime: number; documents: JSONValue[] };

export type RuntimeHooks = {
  /** Called inside the committing function's context: hop to the root context before doing work. */
  onCommit(writes: DocumentWrite[]): void;
  onSchedule(job: ScheduledJob): void;
  onConsole(entry: ConsoleEntry): void;
};

const KIND_NAMES: Record<Kind, string> = { query: "Query", mutation: "Mutation", action: "Action" };

/** `lists.js:create` → `lists:create`; a module path alone means its default export. */
export function canonicalUdfPath(path: string): string {
  const [module = "", name = "default"] = path.split(":");
  return `${module.replace(/\.(m?[jt]sx?)$/, "")}:${name}`;
}

const modulePathOf = (key: string) => key.replace(/^convex\//, "").replace(/\.[^.]+$/, "");

export class Runtime {
  private readonly functions = new Map<string, FunctionInfo>();
  /** Mounted components by path ("" is the app), each with its module root and directory under convex/. */
  private readonly mounts = new Map<string, { root: BundleRoot; dir: string }>();
  private constructor(
    private readonly I: Internals,
    readonly global: ConvexGlobal,
    readonly hash: string,
  ) {}

  static async create(I: Internals, bundle: FunctionsBundle, hash: string, hooks: RuntimeHooks): Promise<Runtime> {
    const app = bundle.roots[""];
    if (!app) throw new Error("convex/ has no modules");
    installFastIndexes(I.DatabaseFake);
    const Database = trackedDatabaseClass(I, hooks.onCommit);
    const asyncSyscall = I.asyncSyscallImpl();
    const global: ConvexGlobal = {
      components: {},
      // Convex's per-transaction limits (documents read and written, …), as a deployment enforces them.
      transactionManager: new I.TransactionManager(true),
      scheduler: new I.Scheduler(),
      syscall: I.syscallImpl(),
      // Scheduling is the backend's: the job document is written as
      // convex-test would, but the timer is ours (scheduler.ts), so jobs run
      // on whichever runtime is current when they fire.
      asyncSyscall: (op, json) => (op === "1.0/schedule" ? Promise.resolve(runtime.schedule(json, hooks)) : asyncSyscall(op, json)),
      jsSyscall: I.jsSyscallImpl(),
    };
    const runtime = new Runtime(I, global, hash);
    const mount = (componentPath: string, root: BundleRoot, dir: string) => {
      runtime.mounts.set(componentPath, { root, dir });
      global.components[componentPath] = { db: new Database(root.schema, componentPath), modules: I.moduleCache(root.modules) };
      for (const child of root.config?.export().childComponents ?? []) {
        const childRoot = bundle.roots[child.path];
        if (!childRoot) throw new Error(`Component "${child.name}" (${child.path}) was not bundled: no convex.config in that directory`);
        mount(componentPath ? `${componentPath}/${child.name}` : child.name, childRoot, child.path);
      }
    };
    mount("", app, "");
    I.ensureGlobalProxy();
    captureConsole(I, global, hooks.onConsole);
    await runtime.indexFunctions(app);
    return runtime;
  }

  private async indexFunctions(app: BundleRoot) {
    for (const [key, load] of Object.entries(app.modules)) {
      const modulePath = modulePathOf(key);
      if (modulePath.startsWith("_generated/")) continue;
      const module = (await load()) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        const info = functionInfo(value);
        if (info) this.functions.set(`${modulePath}:${name}`, info);
      }
    }
  }

  /** The app's public function of this kind, or the error a client gets (internal = missing). */
  resolvePublic(udfPath: string, kind: Kind | "any"): { udfPath: string; kind: Kind } {
    const path = canonicalUdfPath(udfPath);
    const info = this.functions.get(path);
    if (!info || !info.isPublic) throw missingFunction(path);
    if (kind !== "any" && info.kind !== kind) {
      throw new UnresolvedFunctionError(`Trying to execute ${path} as ${KIND_NAMES[kind]}, but it is defined as ${KIND_NAMES[info.kind]}.`);
    }
    return { udfPath: path, kind: info.kind };
  }

  /** Runs an app function as `caller` (no visibility check: callers check first). */
  call(kind: Kind, udfPath: string, args: Args, caller: Caller): Promise<Value> {
    const { I } = this;
    const path: FunctionPath = { udfPath, componentPath: "" };
    return I.convexGlobalStorage.run(this.global, () => {
      const accessor = I.withAuth(new I.AuthFake(caller.identity, caller.token), { ip: caller.ip, userAgent: caller.userAgent });
      if (kind === "query") return accessor.queryFromPath(path, args);
      if (kind === "mutation") return accessor.mutationFromPath(path, args);
      return accessor.actionFromPath(path, args);
    });
  }

  /**
   * Runs the app's `http` router on a real Request (headers, body and URL as
   * received). convex-test's `t.fetch` rebuilds the request from a path; this
   * is the same sequence with the request passed through. Null: no route.
   */
  async httpAction(request: Request, caller: Caller): Promise<Response | null> {
    const { I } = this;
    return await I.convexGlobalStorage.run(this.global, async () => {
      let router: { lookup(path: string, method: string): [unknown, string, string] | null } | undefined;
      try {
        router = (await this.global.components[""]!.modules("http")).default as typeof router;
      } catch {
        return null;
      }
      const found = router?.lookup(new URL(request.url).pathname, request.method);
      if (!found) return null;
      const auth = new I.AuthFake(caller.identity, caller.token);
      const accessor = I.withAuth(auth, { ip: caller.ip, userAgent: caller.userAgent });
      const action = httpActionGeneric((ctx, req) => {
        const fullCtx = { ...ctx, runQuery: accessor.query, runMutation: accessor.mutation, runAction: accessor.action, auth };
        return I.runWithGlobalOverrides({}, () => I.getHandler(found[0])(fullCtx, req)) as Promise<Response>;
      }) as unknown as { invokeHttpAction(request: Request): Promise<Response> };
      const context = { componentPath: "", udfPath: "http", udfType: "http", depth: 0, paginatedQueries: 0 };
      const metadata = { ip: caller.ip, userAgent: caller.userAgent, requestId: I.newRequestId(), scheduledFunctionId: null, authToken: caller.token };
      return await I.executionContextStorage.run(context, () =>
        I.requestMetadataStorage.run(metadata, () => action.invokeHttpAction(request)),
      );
    });
  }

  /** The `1.0/schedule` syscall, inside the scheduling function's transaction. */
  private schedule(json: string, hooks: RuntimeHooks): string {
    const { I } = this;
    const { name, reference, functionHandle, args, ts } = JSON.parse(json) as {
      name?: string;
      reference?: string;
      functionHandle?: string;
      args: JSONValue;
      ts: number;
    };
    const target = I.getFunctionPathFromAddress({ name, reference, functionHandle });
    const componentPath = I.getCurrentComponentPath();
    const scheduledTime = ts * 1000;
    const jobId = I.getDb().insert("_scheduled_functions", {
      args: [jsonToConvex(args)],
      name: target.udfPath,
      scheduledTime,
      state: { kind: "pending" },
    });
    hooks.onSchedule({ componentPath, jobId, target, scheduledTime });
    return JSON.stringify(convexToJson(jobId));
  }

  /**
   * Runs a scheduled job the way Convex does: pending → inProgress, the
   * function without auth, then success or failed (with the error). Null when
   * the job is gone or no longer pending (canceled, rolled back, done).
   */
  async runScheduled(componentPath: string, jobId: string, target: FunctionPath): Promise<{ kind: Kind | null; error?: unknown } | null> {
    const { I } = this;
    const db = this.global.components[componentPath]?.db;
    if (!db) return null;
    const metadata = { ip: null, userAgent: null, requestId: I.newRequestId(), scheduledFunctionId: jobId, authToken: null };
    return await I.convexGlobalStorage.run(this.global, () =>
      I.requestMetadataStorage.run(metadata, () =>
        I.authStorage.run(new I.AuthFake(), async () => {
          const started = await I.withAuth().runInComponent(componentPath, async () => {
            const job = db.get("_scheduled_functions", jobId);
            if (!job || (job.state as { kind?: string } | undefined)?.kind !== "pending") return null;
            db.patch("_scheduled_functions", jobId, { state: { kind: "inProgress" } });
            return { args: job.args as Value };
          });
          if (!started) return null;
          const kind = await this.kindOf(target);
          let error: unknown;
          try {
            await I.withAuth().fun(target, ((started.args as Value[])[0] ?? {}) as Args);
          } catch (e) {
            error = e;
          }
          await I.withAuth().runInComponent(componentPath, async () => {
            const state = error === undefined ? { kind: "success" } : { kind: "failed", error: error instanceof Error ? error.message : String(error) };
            if (db.get("_scheduled_functions", jobId)) db.patch("_scheduled_functions", jobId, { state, completedTime: Date.now() });
            return null;
          });
          return { kind, error };
        }),
      ),
    );
  }

  async kindOf(target: FunctionPath): Promise<Kind | null> {
    if (target.componentPath === "") return this.functions.get(target.udfPath)?.kind ?? null;
    const [module = "", name = "default"] = target.udfPath.split(":");
    try {
      const loaded = await this.global.components[target.componentPath]!.modules(module);
      return functionInfo(loaded[name])?.kind ?? null;
    } catch {
      return null;
    }
  }

  /** Scheduled jobs not finished yet, per component. */
  unfinishedJobs(): { componentPath: string; jobId: string; udfPath: string; scheduledTime: number; state: string }[] {
    const jobs = [];
    for (const [componentPath, { db }] of Object.entries(this.global.components)) {
      for (const doc of Object.values(db._documents)) {
        if (this.I.tableNameFromId(doc._id) !== "_scheduled_functions") continue;
        const state = (doc.state as { kind?: string } | undefined)?.kind ?? "";
        if (state === "pending" || state === "inProgress") {
          jobs.push({ componentPath, jobId: doc._id, udfPath: String(doc.name), scheduledTime: Number(doc.scheduledTime), state });
        }
      }
    }
    return jobs;
  }

  /** Marks a job that was running when the backend stopped: mutations run again, actions fail (as Convex does). */
  async recoverInterruptedJob(componentPath: string, jobId: string, target: FunctionPath): Promise<"retry" | "failed"> {
    const kind = await this.kindOf(target);
    const db = this.global.components[componentPath]!.db;
    const retry = kind === "mutation";
    await this.I.convexGlobalStorage.run(this.global, () =>
      this.I.withAuth().runInComponent(componentPath, async () => {
        db.patch("_scheduled_functions", jobId, retry ? { state: { kind: "pending" } } : { state: { kind: "failed", error: "Transient error while executing action" }, completedTime: Date.now() });
        return null;
      }),
    );
    return retry ? "retry" : "failed";
  }

  /** Crons of the app and its components (`crons.ts` default exports). */
  async crons(): Promise<(CronSpec & { componentPath: string })[]> {
    const specs: (CronSpec & { componentPath: string })[] = [];
    for (const [componentPath, { root, dir }] of this.mounts) {
      // Module keys are `convex/` + the path from convex/ (bundler.ts), also
      // for an npm component's directory outside it (`node_modules/…`).
      const cronsKey = posix.join("convex", dir, "crons");
      const key = Object.keys(root.modules).find((k) => k.replace(/\.[^.]+$/, "") === cronsKey);
      if (!key) continue;
      const module = (await root.modules[key]!()) as { default?: { crons?: Record<string, { name: string; args: JSONValue[]; schedule: CronSpec["schedule"] }> } };
      for (const [name, job] of Object.entries(module.default?.crons ?? {})) {
        specs.push({ componentPath, name, udfPath: job.name, args: jsonToConvex(job.args[0] ?? {}) as Args, schedule: job.schedule });
      }
    }
    return specs;
  }

  async runCron(componentPath: string, udfPath: string, args: Args): Promise<Kind | null> {
    const target = { componentPath, udfPath };
    const kind = await this.kindOf(target);
    await this.I.convexGlobalStorage.run(this.global, () => this.I.withAuth().fun(target, args));
    return kind;
  }

  /** `convex/auth.config.ts`'s providers, read when the code loaded (env included). */
  async authProviders(): Promise<Provider[]> {
    const { modules } = this.mounts.get("")!.root;
    const key = Object.keys(modules).find((k) => modulePathOf(k) === "auth.config");
    if (!key) return [];
    const module = (await modules[key]!()) as { default?: { providers?: Provider[] } };
    return module.default?.providers ?? [];
  }

  exportData(): Record<string, ComponentData> {
    const data: Record<string, ComponentData> = {};
    for (const [path, { db }] of Object.entries(this.global.components)) {
      data[path] = {
        nextDocId: db._nextDocId,
        lastCreationTime: db._lastCreationTime,
        documents: Object.values(db._documents).map((doc) => convexToJson(doc as Value)),
      };
    }
    return data;
  }

  /**
   * Loads documents (from a snapshot or the previous runtime). Documents of
   * tables the schema declares are validated, like a push against existing
   * data: "strict" throws on the first mismatch and loads nothing (a code
   * reload keeps the old version), "warn" loads anyway and reports them (at
   * startup there is no old version to keep).
   */
  importData(data: Record<string, ComponentData>, mode: "strict" | "warn"): { unmounted: string[]; mismatches: string[] } {
    const unmounted: string[] = [];
    const mismatches: string[] = [];
    const decoded = new Map<DatabaseFake, Record<string, Doc>>();
    for (const [path, component] of Object.entries(data)) {
      const db = this.global.components[path]?.db;
      if (!db) {
        if (component.documents.length > 0) unmounted.push(path);
        continue;
      }
      const documents: Record<string, Doc> = {};
      for (const json of component.documents) {
        const doc = jsonToConvex(json) as Doc;
        const table = this.I.tableNameFromId(doc._id);
        const { _id, _creationTime, ...fields } = doc;
        void _creationTime;
        try {
          if (table && !table.startsWith("_")) db._validate(table, fields);
        } catch (error) {
          const where = path ? `component ${path}, ` : "";
          const mismatch = `Existing document ${_id} (${where}table ${table}) does not match the schema: ${error instanceof Error ? error.message : String(error)}`;
          if (mode === "strict") throw new Error(mismatch);
          mismatches.push(mismatch);
        }
        documents[doc._id] = doc;
      }
      decoded.set(db, documents);
      db._nextDocId = Math.max(db._nextDocId, component.nextDocId);
      db._lastCreationTime = Math.max(db._lastCreationTime, component.lastCreationTime);
    }
    for (const [db, documents] of decoded) db._documents = documents;
    return { unmounted, mismatches };
  }
}

function functionInfo(value: unknown): FunctionInfo | null {
  if ((typeof value !== "function" && typeof value !== "object") || value === null) return null;
  const f = value as Registered;
  const kind: Kind | null = f.isQuery ? "query" : f.isMutation ? "mutation" : f.isAction ? "action" : null;
  return kind ? { kind, isPublic: f.isPublic === true } : null;
}
