/**
 * The data file, `${dataDir}/convex.json`: every document of every table of
 * the app and of each component (system tables such as
 * `_scheduled_functions` included), with ids, creation times and each
 * component's id counter, JSON-encoded with `convexToJson`. Written a moment
 * after commits (debounced) and on shutdown, atomically (temp file + rename).
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { FunctionPath } from "./convexTestInternals";
import { clearTimeout, rootTimeout } from "./rootContext";
import type { ComponentData } from "./runtime";

export const SNAPSHOT_FORMAT = 1;

export type Snapshot = {
  format: typeof SNAPSHOT_FORMAT;
  savedAt: string;
  components: Record<string, ComponentData>;
  /** Scheduled jobs whose function is in another component than the job document (function handles). */
  jobTargets?: Record<string, FunctionPath>;
};

/** The snapshot, or null when there is none. A file that cannot be read is moved aside, not overwritten. */
export function readSnapshot(file: string, warn: (message: string) => void): Snapshot | null {
  if (!existsSync(file)) return null;
  try {
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
    if (snapshot.format !== SNAPSHOT_FORMAT || typeof snapshot.components !== "object") throw new Error(`unknown format ${String(snapshot.format)}`);
    return snapshot;
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    warn(`${file} could not be read (${error instanceof Error ? error.message : String(error)}); moved to ${aside}, starting empty`);
    return null;
  }
}

export class SnapshotWriter {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly file: string,
    private readonly take: () => Snapshot,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 250,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  /** After a commit: save soon, once for a burst of commits. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = rootTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Writes now if anything changed; resolves when the file is on disk. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        const tmp = `${this.file}.tmp-${process.pid}`;
        await writeFile(tmp, JSON.stringify(this.take()));
        await rename(tmp, this.file);
      } catch (error) {
        this.dirty = true;
        this.onError(error);
      }
    });
    return this.writing;
  }
}
