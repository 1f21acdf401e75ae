#!/usr/bin/env node
/**
 * Fails when the browser bundle carries a secret. Scans every `.js` file
 * under a folder (default `.next/static`, i.e. what `next build` ships to
 * browsers) for secret-shaped strings (Clerk secret keys, svix webhook
 * secrets) and for the exact values of the secret variables in the
 * environment (CLERK_SECRET_KEY, CLERK_WEBHOOK_SECRET; in local mode the
 * Clerk emulator's). Prints file and match for each hit.
 *
 *   node scripts/check-bundle-secrets.mjs [dir]     exit 1 when anything is found
 *
 * Run by scripts/e2e-stack.ts right after its `next build`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

/** Secret-shaped strings: a known prefix followed by key material (bare prefixes in library code are fine). */
export const SECRET_PATTERNS = [/sk_(?:test|live)_[A-Za-z0-9]{16,}/g, /whsec_[A-Za-z0-9+/=]{16,}/g];

/** The secret variables whose values must never reach a browser. */
export const SECRET_VARIABLES = ["CLERK_SECRET_KEY", "CLERK_WEBHOOK_SECRET"];

/** Exact values to look for: the secret variables set in `env` (and a webhook secret's base64 body). */
export function secretValues(env) {
  const values = [];
  for (const name of SECRET_VARIABLES) {
    const value = env[name]?.trim();
    if (!value || value.length < 8) continue;
    values.push({ name, value });
    if (value.startsWith("whsec_") && value.length > 14) values.push({ name: `${name} (key)`, value: value.slice(6) });
  }
  return values;
}

function* jsFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (/\.(?:c|m)?js$/.test(entry.name)) yield path;
  }
}

/**
 * Every hit under `dir`: `{ file, match, rule }`, file relative to `dir`.
 * The reported match is shortened so a real secret is not echoed in full.
 */
export function scanForSecrets(dir, env = process.env) {
  const values = secretValues(env);
  const hits = [];
  for (const file of jsFiles(dir)) {
    const text = readFileSync(file, "utf8");
    const rel = relative(dir, file);
    for (const pattern of SECRET_PATTERNS) {
      for (const m of text.matchAll(pattern)) hits.push({ file: rel, match: redact(m[0]), rule: pattern.source });
    }
    for (const { name, value } of values) {
      if (text.includes(value)) hits.push({ file: rel, match: redact(value), rule: `value of ${name}` });
    }
  }
  return hits;
}

const redact = (s) => (s.length > 16 ? `${s.slice(0, 12)}…(${s.length} chars)` : s);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv[2] ?? ".next/static";
  const hits = scanForSecrets(dir);
  if (hits.length) {
    console.error(`✗ secret-looking values in the client bundle (${dir}):`);
    for (const h of hits) console.error(`  ${h.file}: ${h.match}  [${h.rule}]`);
    process.exit(1);
  }
  console.log(`✓ no secrets in the client bundle (${dir})`);
}
