#!/usr/bin/env node
/**
 * `npm test`: every check a change must pass, in order — generated code has
 * no drift, types, lint, then the test suites — ending with one plain
 * "N passed, N failed" line (vitest's tests plus one per static check).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let passed = 0;
let failed = 0;

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

function check(name, command, args) {
  if (run(name, command, args)) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed`);
  }
}

function vitest(name, config) {
  const dir = mkdtempSync(join(tmpdir(), "vitest-"));
  const report = join(dir, "report.json");
  const ok = run(name, "npx", ["vitest", "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile=${report}`]);
  try {
    const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, "utf8"));
    passed += numPassedTests;
    failed += numFailedTests + (ok || numFailedTests ? 0 : 1);
  } catch {
    failed++;
    console.log(`✗ ${name}: no report`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

check("codegen drift", "node", ["scripts/codegen.mjs", "--check"]);
check("typecheck", "npx", ["tsc", "--noEmit"]);
check("lint", "npx", ["eslint", "."]);
vitest("unit tests", "vitest.config.ts");
vitest("local mode tests", "local/vitest.config.ts");
check("local mode smoke (npm run dev)", "node", ["scripts/smoke.mjs"]);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
