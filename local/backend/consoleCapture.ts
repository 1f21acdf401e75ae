/**
 * `console.*` inside Convex functions: like a deployment, the backend turns
 * it into log lines of the function that wrote them — a structured `console`
 * log entry, and the `logLines` of the client's response (the `convex`
 * client prints those in the browser console as `[CONVEX Q(path)] [LOG] …`).
 * Outside a function, console behaves as usual.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { inspect } from "node:util";
import type { ConvexGlobal, Internals } from "./convexTestInternals";

export type ConsoleEntry = { level: string; path: string; componentPath: string; text: string };

const LEVELS = ["log", "info", "warn", "error", "debug"] as const;
const sinks = new WeakMap<ConvexGlobal, (entry: ConsoleEntry) => void>();

/** The log lines of the client call in progress (see Deployment.call). */
export const logLinesStorage = new AsyncLocalStorage<string[]>();

let installed = false;

/** Routes console output of functions running on `global` to `sink`. */
export function captureConsole(I: Internals, global: ConvexGlobal, sink: (entry: ConsoleEntry) => void): void {
  sinks.set(global, sink);
  if (installed) return;
  installed = true;
  const target = console as unknown as Record<(typeof LEVELS)[number], (...args: unknown[]) => void>;
  for (const level of LEVELS) {
    const original = target[level].bind(console);
    target[level] = (...args: unknown[]) => {
      const execution = I.executionContextStorage.getStore();
      const running = I.convexGlobalStorage.getStore();
      const to = running && sinks.get(running);
      if (!execution || !to) return original(...args);
      // Convex quotes strings and inspects everything else.
      const text = args.map((a) => (typeof a === "string" ? `'${a}'` : inspect(a, { depth: 4, breakLength: Infinity }))).join(" ");
      to({ level, path: execution.udfPath, componentPath: execution.componentPath, text });
      logLinesStorage.getStore()?.push(`[${level.toUpperCase()}] ${text}`);
    };
  }
}
