#!/usr/bin/env node
/**
 * `npm test`: every check a change must pass, in order — generated code has
 * no drift (which builds the workspace packages), types, lint, then the test
 * suites — ending with one plain "N passed, N failed" line (vitest's tests
 * plus one per static check).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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

/** Browser tests need Debian's Chromium; install it when missing (CI runs as root). */
function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  console.log("\n▶ installing Chromium (apt-get)");
  return run("apt-get update", "apt-get", ["update", "-qq"]) && run("chromium", "apt-get", ["install", "-y", "-qq", "chromium"]);
}

function e2e() {
  if (!ensureChromium()) {
    failed++;
    console.log("✗ end-to-end tests: Chromium could not be installed");
    return;
  }
  const report = "test-results/e2e-report.json";
  rmSync(report, { force: true });
  const ok = run("end-to-end tests", "npx", ["playwright", "test"]);
  try {
    const { stats } = JSON.parse(readFileSync(report, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (ok || stats.unexpected ? 0 : 1);
  } catch {
    failed++;
    console.log("✗ end-to-end tests: no report");
  }
}

// Also builds the workspace packages (their dist/ is what the app imports).
check("codegen drift", "node", ["scripts/codegen.mjs", "--check"]);
check("typecheck", "npx", ["tsc", "--noEmit"]);
check("typecheck (convex-clerk-sync)", "npx", ["tsc", "--noEmit", "-p", "packages/convex-clerk-sync"]);
check("lint", "npx", ["eslint", "."]);
vitest("unit tests", "vitest.config.ts");
vitest("convex-clerk-sync package tests", "packages/convex-clerk-sync/vitest.config.ts");
vitest("node tests (local mode, scripts, server helpers, the package's consumer test)", "vitest.node.config.ts");
check("local mode smoke (npm run dev)", "node", ["scripts/smoke.mjs"]);
e2e();

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
