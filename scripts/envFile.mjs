/**
 * Minimal .env reader/writer: KEY=VALUE lines, comments and blank lines kept.
 * `writeEnvFile` only appends keys the file lacks, so a user's values win;
 * `setEnvValues` replaces values `npm run dev` owns (e.g. versioned script
 * URLs); `removeEnvKeys` drops lines (the emulator's, once real keys are in).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/;
const HEADER = "# local mode: the Clerk emulator and the local Convex backend (written by npm run dev; edit freely)";

export function readEnvFile(path) {
  if (!existsSync(path)) return {};
  const values = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = LINE.exec(line);
    if (match) values[match[1]] = unquote(match[2]);
  }
  return values;
}

export function writeEnvFile(path, values) {
  const existing = readEnvFile(path);
  const missing = Object.entries(values).filter(([key]) => !(key in existing));
  if (missing.length === 0) return;
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  const lines = missing.map(([key, value]) => `${key}=${value}`);
  const header = before.includes("# local mode") ? [] : [HEADER];
  const separator = before === "" || before.endsWith("\n") ? "" : "\n";
  writeFileSync(path, before + separator + [...header, ...lines].join("\n") + "\n");
}

/** Sets each key to its value: replaces the line when there is one, appends it otherwise. */
export function setEnvValues(path, values) {
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  const seen = new Set();
  const lines = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const next = lines.map((line) => {
    const key = LINE.exec(line)?.[1];
    if (!key || !(key in values)) return line;
    seen.add(key);
    return `${key}=${values[key]}`;
  });
  const changed = next.some((line, i) => line !== lines[i]);
  if (!changed && Object.keys(values).every((key) => seen.has(key))) return;
  writeFileSync(path, next.join("\n") + (next.length ? "\n" : ""));
  writeEnvFile(path, Object.fromEntries(Object.entries(values).filter(([key]) => !seen.has(key))));
}

/** Removes the lines of `keys`; returns the keys that were there. */
export function removeEnvKeys(path, keys) {
  if (!existsSync(path)) return [];
  const removed = [];
  const lines = readFileSync(path, "utf8").split("\n").filter((line) => {
    const key = LINE.exec(line)?.[1];
    if (key && keys.includes(key)) {
      removed.push(key);
      return false;
    }
    return true;
  });
  if (removed.length) writeFileSync(path, lines.join("\n"));
  return removed;
}

function unquote(value) {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}
