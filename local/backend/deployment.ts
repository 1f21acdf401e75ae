/**
 * The deployment: the current Runtime and everything around it that outlives
 * a code version — the data file, scheduled-function timers, crons, the
 * watcher on convex/, and the gate that holds new calls while a new version
 * takes over the data. Every call from outside goes through here, which is
 * where visibility is checked and the per-call log line is written.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { clearTimeout, setTimeout } from "node:timers";
import { pathToFileURL } from "node:url";
import { jsonToConvex, type JSONValue, type Value } from "convex/values";
import { AuthVerifier, type VerifiedToken } from "./auth";
import { buildFunctions } from "./bundler";
import type { Args, Internals } from "./convexTestInternals";
import { loadInternals } from "./convexTestInternals";
import { logLinesStorage } from "./consoleCapture";
import { CronRunner } from "./crons";
import { isConvexError, UnresolvedFunctionError } from "./errors";
import { errorMessage, logFunctionCall, type CallSource, type Logger } from "./log";
import { readSnapshot, SNAPSHOT_FORMAT, SnapshotWriter, type Snapshot } from "./persistence";
import { canonicalUdfPath, Runtime, type Caller, type ComponentData, type FunctionsBundle, type Kind, type ScheduledJob } from "./runtime";
import { JobScheduler, type JobRef } from "./scheduler";
import type { DocumentWrite } from "./readSet";
import { trackingStorage, type QueryTracker } from "./tracking";
import { watchFunctions } from "./watcher";

export type DeploymentOptions = {
  projectDir: string;
  dataDir: string;
  logger: Logger;
  /** Watch convex/ and reload on changes (default true). */
  watch?: boolean;
  /** The documents a commit wrote (called outside any function context). */
  onCommit(writes: DocumentWrite[]): void;
  /** A new code version took over: every subscription should re-run. */
  onReload(): void;
};

/** How long a reload waits for running calls before taking over the data anyway. */
const RELOAD_IDLE_TIMEOUT_MS = 10_000;

export class Deployment {
  /** Null until the code loaded once (a broken convex/ at startup waits for a fix). */
  private runtime: Runtime | null = null;
  /** The data file as read at startup, loaded into the first runtime. */
  private stored: Snapshot | null = null;
  private verifier = new AuthVerifier([]);
  private gate: Promise<void> | null = null;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private buildCount = 0;
  private stopWatching: (() => void) | null = null;
  /** Data of components the code no longer mounts: kept in the data file, loaded again if they come back. */
  private detached: Record<string, ComponentData> = {};
  private readonly scheduler: JobScheduler;
  private readonly crons: CronRunner;
  private readonly writer: SnapshotWriter;
  private readonly buildDir: string;
  private readonly functionsDir: string;

  private constructor(
    private readonly I: Internals,
    private readonly options: DeploymentOptions,
  ) {
    this.buildDir = join(options.dataDir, ".build");
    this.functionsDir = join(options.projectDir, "convex");
    this.scheduler = new JobScheduler((job) => this.runJob(job));
    this.crons = new CronRunner(
      (job) => this.runCron(job),
      (job, error) => options.logger({ level: "error", msg: "cron", name: job.name, error: errorMessage(error) }),
    );
    this.writer = new SnapshotWriter(join(options.dataDir, "convex.json"), () => this.snapshot(), (error) =>
      options.logger({ level: "error", msg: "saving data failed", error: errorMessage(error) }),
    );
  }

  static async start(options: DeploymentOptions): Promise<Deployment> {
    const buildDir = join(options.dataDir, ".build");
    mkdirSync(buildDir, { recursive: true });
    const deployment = new Deployment(await loadInternals(buildDir), options);
    deployment.stored = readSnapshot(join(options.dataDir, "convex.json"), (message) => options.logger({ level: "warn", msg: message }));
    await deployment.reloadOnce();
    if (options.watch !== false) deployment.stopWatching = watchFunctions(deployment.functionsDir, () => void deployment.reload());
    return deployment;
  }

  /** The first runtime: takes the stored data (mismatches are reported, not refused: there is no old version to keep). */
  private async first(runtime: Runtime) {
    const stored = this.stored;
    if (stored) {
      const { unmounted, mismatches } = runtime.importData(stored.components, "warn");
      this.keepDetached(stored.components, unmounted);
      if (mismatches.length > 0) {
        this.options.logger({ level: "warn", msg: `${mismatches.length} stored document(s) do not match the schema`, examples: mismatches.slice(0, 5) });
      }
    }
    await this.activate(runtime);
    this.stored = null;
    await this.resumeJobs(runtime, stored);
  }

  private keepDetached(data: Record<string, ComponentData>, unmounted: string[]) {
    this.detached = Object.fromEntries(unmounted.map((path) => [path, data[path]!]));
    for (const path of unmounted) this.options.logger({ level: "warn", msg: `data of component "${path}" kept but not loaded: the code does not mount it` });
  }

  /** Builds convex/ and loads it as a new Runtime; null when the build did not change. */
  private async loadRuntime(): Promise<Runtime | null> {
    const built = await buildFunctions(this.options.projectDir, this.functionsDir);
    if (this.runtime?.hash === built.hash) return null;
    // A fresh file name each time: Node caches modules by URL.
    const file = join(this.buildDir, `functions-${built.hash}-${++this.buildCount}.mjs`);
    writeFileSync(file, built.code);
    const bundle = (await import(pathToFileURL(file).href)) as FunctionsBundle;
    for (const old of readdirSync(this.buildDir)) {
      if (old.startsWith("functions-") && join(this.buildDir, old) !== file) rmSync(join(this.buildDir, old), { force: true });
    }
    return await Runtime.create(this.I, bundle, built.hash, {
      onCommit: (writes) => {
        this.options.onCommit(writes);
        this.writer.schedule();
      },
      onSchedule: (job: ScheduledJob) => this.scheduler.add(job),
      onConsole: ({ level, path, componentPath, text }) =>
        this.options.logger({ level: level === "error" ? "error" : level === "warn" ? "warn" : "info", msg: "console", path, ...(componentPath ? { componentPath } : {}), text }),
    });
  }

  /** Makes `runtime` current (everything that can fail is read first). */
  private async activate(runtime: Runtime) {
    const providers = await runtime.authProviders();
    const crons = await runtime.crons();
    this.runtime = runtime;
    this.verifier = new AuthVerifier(providers);
    this.crons.update(crons);
  }

  /** Jobs left in the data file: pending ones get timers, interrupted ones are retried or failed. */
  private async resumeJobs(runtime: Runtime, snapshot: Snapshot | null) {
    for (const job of runtime.unfinishedJobs()) {
      const target = snapshot?.jobTargets?.[`${job.componentPath}:${job.jobId}`] ?? { componentPath: job.componentPath, udfPath: job.udfPath };
      if (job.state === "inProgress" && (await runtime.recoverInterruptedJob(job.componentPath, job.jobId, target)) === "failed") continue;
      this.scheduler.add({ componentPath: job.componentPath, jobId: job.jobId, target, scheduledTime: job.scheduledTime });
    }
  }

  private snapshot(): Snapshot {
    return {
      format: SNAPSHOT_FORMAT,
      savedAt: new Date().toISOString(),
      components: this.runtime ? { ...this.detached, ...this.runtime.exportData() } : (this.stored?.components ?? {}),
      jobTargets: this.scheduler.crossComponentTargets(),
    };
  }

  /** Rebuilds and swaps in the new code; on a build, load or schema error the old code keeps serving. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.reloadOnce();
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async reloadOnce() {
    const { logger } = this.options;
    const started = Date.now();
    let next: Runtime | null;
    try {
      next = await this.loadRuntime();
    } catch (error) {
      logger({
        level: "error",
        msg: this.runtime ? "functions failed to load; the previous version keeps running" : "functions failed to load; waiting for a fix",
        error: errorMessage(error),
      });
      return;
    }
    if (!next) return;
    if (!this.runtime) {
      try {
        await this.first(next);
      } catch (error) {
        this.runtime = null;
        logger({ level: "error", msg: "functions failed to load; waiting for a fix", error: errorMessage(error) });
        return;
      }
      logger({ level: "info", msg: "functions loaded", hash: next.hash, durationMs: Date.now() - started });
      this.options.onReload();
      return;
    }
    const current = this.runtime;
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    try {
      if (!(await this.waitIdle(RELOAD_IDLE_TIMEOUT_MS))) {
        logger({ level: "warn", msg: "reloading while functions still run; their later writes are lost" });
      }
      const data = { ...this.detached, ...current.exportData() };
      const { unmounted } = next.importData(data, "strict");
      await this.activate(next);
      this.keepDetached(data, unmounted);
    } catch (error) {
      logger({ level: "error", msg: "new functions rejected; the previous version keeps running", error: errorMessage(error) });
      return;
    } finally {
      this.gate = null;
      release();
    }
    logger({ level: "info", msg: "functions reloaded", hash: next.hash, durationMs: Date.now() - started });
    this.options.onReload();
  }

  private async acquire(): Promise<Runtime> {
    while (this.gate) await this.gate;
    if (!this.runtime) throw new Error("The Convex functions failed to load; fix convex/ (see the local backend's log)");
    this.inFlight++;
    return this.runtime;
  }

  private release() {
    if (--this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private waitIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  verify(token: string): Promise<VerifiedToken> {
    return this.verifier.verify(token);
  }

  /**
   * A client's call: the app's public function `udfPath` (an internal or
   * missing one answers the same "Could not find public function"). With a
   * tracker, what it reads (its read set) and its pagination journal are recorded;
   * `logLines` collects what the function wrote to the console.
   */
  async call(
    kind: Kind | "any",
    udfPath: string,
    args: JSONValue,
    caller: Caller,
    source: CallSource,
    o: { tracker?: QueryTracker; logLines?: string[] } = {},
  ): Promise<{ kind: Kind; value: Value }> {
    const runtime = await this.acquire();
    const started = performance.now();
    let path = canonicalUdfPath(udfPath);
    let type: Kind = kind === "any" ? "query" : kind;
    try {
      const resolved = runtime.resolvePublic(udfPath, kind);
      path = resolved.udfPath;
      type = resolved.kind;
      const run = () => logLinesStorage.run(o.logLines ?? [], () => runtime.call(resolved.kind, resolved.udfPath, toArgs(args), caller));
      const value = o.tracker ? await trackingStorage.run(o.tracker, run) : await run();
      logFunctionCall(this.options.logger, { path, type, source, durationMs: ms(started), outcome: "ok" });
      return { kind: resolved.kind, value };
    } catch (error) {
      logFunctionCall(this.options.logger, { path, type, source, durationMs: ms(started), outcome: "error", ...failure(error) });
      throw error;
    } finally {
      this.release();
    }
  }

  /** Runs the HTTP router on the request; 404 when no route matches. */
  async httpAction(request: Request, caller: Caller): Promise<Response> {
    const runtime = await this.acquire();
    const started = performance.now();
    const path = `${request.method} ${new URL(request.url).pathname}`;
    const lines: string[] = [];
    // What the action printed goes on its log entry too (the readable log shows a webhook as one line).
    const printed = () => lines.map((line) => line.replace(/^\[\w+\] /, ""));
    try {
      const response = (await logLinesStorage.run(lines, () => runtime.httpAction(request, caller))) ?? new Response("No matching routes found", { status: 404 });
      logFunctionCall(this.options.logger, { path, type: "httpAction", source: "httpAction", durationMs: ms(started), outcome: "ok", status: response.status, console: printed() });
      return response;
    } catch (error) {
      logFunctionCall(this.options.logger, { path, type: "httpAction", source: "httpAction", durationMs: ms(started), outcome: "error", status: 500, console: printed(), ...failure(error) });
      return new Response(errorMessage(error), { status: 500 });
    } finally {
      this.release();
    }
  }

  private async runJob(job: JobRef) {
    const runtime = await this.acquire();
    const started = performance.now();
    try {
      const result = await runtime.runScheduled(job.componentPath, job.jobId, job.target);
      if (!result) return;
      logFunctionCall(this.options.logger, {
        path: job.target.udfPath,
        type: result.kind ?? "mutation",
        source: "scheduler",
        durationMs: ms(started),
        outcome: result.error === undefined ? "ok" : "error",
        ...(result.error === undefined ? {} : failure(result.error)),
        ...(job.target.componentPath ? { componentPath: job.target.componentPath } : {}),
      });
    } catch (error) {
      this.options.logger({ level: "error", msg: "scheduled function could not run", path: job.target.udfPath, error: errorMessage(error) });
    } finally {
      this.release();
    }
  }

  private async runCron(job: { componentPath: string; name: string; udfPath: string; args: Args }) {
    const runtime = await this.acquire();
    const started = performance.now();
    let type: Kind = "mutation";
    try {
      type = (await runtime.kindOf({ componentPath: job.componentPath, udfPath: job.udfPath })) ?? type;
      await runtime.runCron(job.componentPath, job.udfPath, job.args);
      logFunctionCall(this.options.logger, { path: job.udfPath, type, source: "cron", durationMs: ms(started), outcome: "ok" });
    } catch (error) {
      logFunctionCall(this.options.logger, { path: job.udfPath, type, source: "cron", durationMs: ms(started), outcome: "error", ...failure(error) });
    } finally {
      this.release();
    }
  }

  /** Stops timers and the watcher and writes the data file. */
  async close(): Promise<void> {
    this.stopWatching?.();
    this.crons.stop();
    this.scheduler.stop();
    await this.reloading;
    await this.waitIdle(2000);
    await this.writer.flush();
  }
}

/**
 * A failed call's log fields: the message; `refused` for a ConvexError (the
 * app saying no); for an unexpected exception, where it came from (app
 * errors and missing functions need no stack).
 */
function failure(error: unknown): { error: string; refused?: true; stack?: string } {
  const message = errorMessage(error);
  if (isConvexError(error)) return { error: message, refused: true };
  if (!(error instanceof Error) || error instanceof UnresolvedFunctionError || !error.stack) return { error: message };
  return { error: message, stack: error.stack.split("\n").slice(1, 8).map((line) => line.trim()).join("\n") };
}

const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;

function toArgs(json: JSONValue): Args {
  const value = jsonToConvex(json ?? {});
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof ArrayBuffer) {
    throw new Error(`The arguments to a Convex function must be an object. Received: ${JSON.stringify(json)}`);
  }
  return value as Args;
}
