/**
 * Structured logging: one JSON object per line on stdout. Every function
 * call the backend makes on someone's behalf (client, HTTP action,
 * scheduler, cron, subscription) gets one `function` line with its path,
 * type, duration and outcome.
 */
export type LogLevel = "info" | "warn" | "error";

export type LogEntry = { level: LogLevel; msg: string } & Record<string, unknown>;

export type Logger = (entry: LogEntry) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
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
  /** For unexpected exceptions: the first frames (source-mapped to convex/*.ts when source maps are on). */
  stack?: string;
  componentPath?: string;
};

export function logFunctionCall(logger: Logger, call: FunctionCallLog): void {
  logger({ level: call.outcome === "ok" ? "info" : "warn", msg: "function", ...call });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
