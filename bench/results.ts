/**
 * `bench/results.json` (git-ignored): one object of named figures, each
 * `{ value, unit, peer?, ratio? }`, where `peer` is the same figure measured
 * on a minimal peer app in the same run and `ratio = value / peer`. Each
 * bench file merges its figures in; `npm run bench` starts from an empty
 * file and ends by printing it (bench/report.mjs).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type Figure = { value: number; unit: string; peer?: number; ratio?: number };

export const RESULTS_FILE = "bench/results.json";

const round = (n: number) => Math.round(n * 100) / 100;

export function record(name: string, value: number, unit: string, peer?: number): void {
  const results = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Record<string, Figure>) : {};
  results[name] = { value: round(value), unit, ...(peer !== undefined ? { peer: round(peer), ratio: round(value / peer) } : {}) };
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
}

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
