/**
 * Structured logging. Every function call the backend makes on someone's
 * behalf (client, HTTP action, scheduler, cron, subscription) gets one
 * `function` entry with its path, type, duration and outcome; console output
 * of functions, reloads and protocol problems get entries of their own.
 *
 * Where entries go (main.ts): `jsonLogger`, one JSON object per line on
 * stdout; `fileLogger`, the same lines into a file; `readableLogger`, what
 * `npm run dev` shows — one short line per notable event (errors and
 * refusals, HTTP actions such as webhooks, slow calls, function console
 * output, reloads) and nothing for the calls that simply worked.
 *
 *   const file = fileLogger(".local-data/convex.log");
 *   const logger = teeLogger(file.log, readableLogger((line) => process.stdout.write(line + "\n")));
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";

export type LogLevel = "info" | "warn" | "error";

export type LogEntry = { level: LogLevel; msg: string } & Record<string, unknown>;

export type Logger = (entry: LogEntry) => void;

const jsonLine = (entry: LogEntry) => `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(jsonLine(entry));
};

/** JSON lines appended to `path`, started afresh; the previous run's file is kept as `<path>.1`. */
export function fileLogger(path: string): { log: Logger; close(): Promise<void> } {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path)) renameSync(path, `${path}.1`);
  const stream = createWriteStream(path, { flags: "w" });
  return {
    log: (entry) => void stream.write(jsonLine(entry)),
    close: () => new Promise((done) => stream.end(done)),
  };
}

export const teeLogger =
  (...loggers: Logger[]): Logger =>
  (entry) => {
    for (const logger of loggers) logger(entry);
  };

/** Who asked for a function call. */
export type CallSource = "ws" | "subscription" | "http" | "httpAction" | "scheduler" | "cron";

export type FunctionCallLog = {
  path: string;
  type: "query" | "mutation" | "action" | "httpAction";
  source: CallSource;
  durationMs: number;
  outcome: "ok" | "error";
  error?: string;
  /** A ConvexError: the app refused (an expected outcome, not a bug). */
  refused?: true;
  /** For unexpected exceptions: the first frames (source-mapped to convex/*.ts when source maps are on). */
  stack?: string;
  componentPath?: string;
  /** HTTP actions: the response's status and what the action wrote to the console. */
  status?: number;
  console?: string[];
};

export function logFunctionCall(logger: Logger, call: FunctionCallLog): void {
  logger({ level: call.outcome === "ok" ? "info" : "warn", msg: "function", ...call });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type ReadableOptions = {
  /** A call at least this long gets a line even when it worked (default 500 ms). */
  slowMs?: number;
  /** ANSI colours (default: when stdout is a terminal and NO_COLOR is unset). */
  color?: boolean;
  now?: () => Date;
};

const PAINT = { red: "31", yellow: "33", dim: "2", cyan: "36" } as const;

/**
 * The readable log: `[convex] 14:03:12 refused  mutation lists:create (ws, 2 ms): INVALID_ARGUMENT Name the list.`
 * One line per notable event; successful calls under `slowMs` print nothing.
 */
export function readableLogger(write: (line: string) => void, o: ReadableOptions = {}): Logger {
  const slowMs = o.slowMs ?? 500;
  const color = o.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = (tone: keyof typeof PAINT, text: string) => (color ? `\u001b[${PAINT[tone]}m${text}\u001b[0m` : text);
  const clock = () => (o.now ?? (() => new Date()))().toTimeString().slice(0, 8);
  const line = (tag: string, tone: keyof typeof PAINT | null, text: string) =>
    write(`${paint("cyan", "[convex]")} ${paint("dim", clock())} ${tone ? paint(tone, tag.padEnd(8)) : tag.padEnd(8)} ${text}`);

  return (entry) => {
    if (entry.msg === "function") {
      const call = entry as unknown as FunctionCallLog & LogEntry;
      const where = `${call.componentPath ? `${call.componentPath}/` : ""}${call.path}`;
      if (call.type === "httpAction") {
        const said = (call.console ?? []).map(unquote).join(" · ");
        const status = call.outcome === "error" ? 500 : call.status;
        const tone = status !== undefined && status >= 500 ? "red" : status !== undefined && status >= 400 ? "yellow" : null;
        const text = `${where} → ${status ?? "?"} (${call.durationMs} ms)${said ? `: ${said}` : ""}${call.error ? `: ${call.error}` : ""}`;
        return line("http", tone, clip(text));
      }
      const what = `${call.type} ${where} (${call.source}, ${call.durationMs} ms)`;
      if (call.outcome === "error") {
        if (call.refused) return line("refused", "yellow", clip(`${what}: ${refusal(call.error ?? "")}`));
        const frame = call.stack?.match(/convex\/[^\s)]+/)?.[0];
        return line("error", "red", clip(`${what}: ${call.error ?? "failed"}${frame ? ` (at ${frame})` : ""}`));
      }
      if (call.durationMs >= slowMs) return line("slow", "yellow", what);
      return;
    }
    if (entry.msg === "console") {
      // An HTTP action's output is on its request's line.
      if (entry.path === "http") return;
      const tone = entry.level === "error" ? "red" : entry.level === "warn" ? "yellow" : null;
      return line(entry.level === "info" ? "log" : entry.level, tone, clip(`${entry.componentPath ? `${String(entry.componentPath)}/` : ""}${String(entry.path)}: ${String(entry.text)}`));
    }
    if (entry.msg === "local Convex backend ready") {
      return line("ready", null, `${String(entry.url)} (HTTP actions ${String(entry.siteUrl)})`);
    }
    const details = ["error", "hash", "durationMs", "name", "path"]
      .filter((key) => entry[key] !== undefined)
      .map((key) => (key === "error" ? String(entry.error) : key === "durationMs" ? `${String(entry.durationMs)} ms` : `${key} ${String(entry[key])}`));
    const tone = entry.level === "error" ? "red" : entry.level === "warn" ? "yellow" : null;
    line(entry.level === "info" ? "backend" : entry.level, tone, clip(`${entry.msg}${details.length ? `: ${details.join(", ")}` : ""}`));
  };
}

/** A ConvexError's message: `CODE message` for the app's `{ code, message }` data, else as it is. */
function refusal(error: string): string {
  try {
    const data = JSON.parse(error) as { code?: unknown; message?: unknown };
    if (typeof data.code === "string") return `${data.code} ${typeof data.message === "string" ? data.message : ""}`.trim();
  } catch {
    // not JSON: a ConvexError with string data
  }
  return error;
}

/** Console text of a single string comes quoted (as Convex prints it). */
const unquote = (text: string) => (/^'[^']*'$/.test(text) ? text.slice(1, -1) : text);

const clip = (text: string, max = 300) => {
  const oneLine = text.replace(/\s*\n\s*/g, " ⏎ ");
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
};
