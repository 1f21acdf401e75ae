/**
 * Minimal .env reader/writer: KEY=VALUE lines, comments and blank lines kept.
 * Writing only appends keys the file lacks, so a user's values always win.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/;

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
  const header = before.includes("# local mode") ? [] : ["# local mode (written by npm run dev; edit freely)"];
  const separator = before === "" || before.endsWith("\n") ? "" : "\n";
  writeFileSync(path, before + separator + [...header, ...lines].join("\n") + "\n");
}

function unquote(value) {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}
