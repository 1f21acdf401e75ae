#!/usr/bin/env node
/**
 * `npm run bench`'s first and last step: `--reset` empties
 * bench/results.json; without it, prints the figures as a table, each with
 * its peer, ratio and the goal the project holds it to.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";

const FILE = "bench/results.json";
if (process.argv.includes("--reset")) {
  rmSync(FILE, { force: true });
  process.exit(0);
}

/** Goals on ratios to the peer (or, where a figure has none, on the value). */
const GOALS = {
  listPageJs: { ratio: 1.15 },
  toggleToOtherScreen: { ratio: 1.3 },
  otherScreenRender: { ratio: 2 },
  otherScreenRender50vs1: { value: 1.5 },
  firstTodoVisible: { ratio: 1.3 },
  signInToFirstList: { value: 1500 },
};

if (!existsSync(FILE)) {
  console.error(`${FILE} is missing: run npm run bench`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(FILE, "utf8"));
const fmt = (n) => (n === undefined ? "" : n.toLocaleString("en-US", { maximumFractionDigits: 2 }));
const lines = ["| figure | value | peer | ratio | goal |", "|---|---|---|---|---|"];
for (const [name, f] of Object.entries(results)) {
  const goal = GOALS[name];
  const target = goal?.ratio !== undefined ? f.ratio : f.value;
  const limit = goal?.ratio ?? goal?.value;
  const verdict = goal ? `${goal.ratio !== undefined ? "ratio" : "value"} ≤ ${fmt(limit)} ${target <= limit ? "✓" : "✗"}` : "";
  lines.push(`| ${name} | ${fmt(f.value)} ${f.unit} | ${f.peer === undefined ? "" : `${fmt(f.peer)} ${f.unit}`} | ${fmt(f.ratio)} | ${verdict} |`);
}
console.log(["", ...lines, ""].join("\n"));
