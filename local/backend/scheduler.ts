/**
 * Timers for scheduled functions (`ctx.scheduler.runAfter/runAt`). A job is
 * its `_scheduled_functions` document; the timer only says when to look at
 * it. Firing runs the job on the runtime current at that moment, which finds
 * the document (with the same id) even after a code reload or a restart.
 */
import type { FunctionPath } from "./convexTestInternals";
import { clearTimeout, rootTimeout } from "./rootContext";

const MAX_DELAY = 2 ** 31 - 1;

export type JobRef = { componentPath: string; jobId: string; target: FunctionPath; scheduledTime: number };

export class JobScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly targets = new Map<string, JobRef>();
  private stopped = false;

  constructor(private readonly run: (job: JobRef) => Promise<void>) {}

  add(job: JobRef): void {
    if (this.stopped) return;
    const key = `${job.componentPath}:${job.jobId}`;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.targets.set(key, job);
    const delay = Math.max(0, job.scheduledTime - Date.now());
    this.timers.set(
      key,
      rootTimeout(() => {
        this.timers.delete(key);
        if (Date.now() < job.scheduledTime) return this.add(job);
        void this.run(job).finally(() => this.targets.delete(key));
      }, Math.min(delay, MAX_DELAY)),
    );
  }

  /** Targets of jobs in another component than their document, for the snapshot. */
  crossComponentTargets(): Record<string, FunctionPath> {
    const out: Record<string, FunctionPath> = {};
    for (const [key, job] of this.targets) if (job.target.componentPath !== job.componentPath) out[key] = job.target;
    return out;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
