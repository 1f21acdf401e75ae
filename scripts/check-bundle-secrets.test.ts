/**
 * scripts/check-bundle-secrets.mjs, the scan run after the e2e stack's
 * `next build`: it must find secrets planted in a built-like folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { scanForSecrets } from "./check-bundle-secrets.mjs";

type Hit = { file: string; match: string; rule: string };
const scan = scanForSecrets as (dir: string, env?: Record<string, string | undefined>) => Hit[];

const script = fileURLToPath(new URL("./check-bundle-secrets.mjs", import.meta.url));
const cliEnv = { ...process.env, CLERK_SECRET_KEY: "", CLERK_WEBHOOK_SECRET: "" };
let dir: string;
function bundle(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), "bundle-secrets-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const clean = {
  "chunks/app.js": 'const k="pk_test_Y2xlcmsuZXhhbXBsZS5jb20k";if(!s.startsWith("sk_live_"))throw Error("use sk_test_ or sk_live_ keys");',
  "css/x.css": "/* sk_live_0123456789abcdefghijklmnop in CSS is not scanned */",
};

describe("check-bundle-secrets", () => {
  test("a clean bundle (bare prefixes, publishable keys) has no hits", () => {
    expect(scan(bundle(clean), {})).toEqual([]);
  });

  test("a planted sk_live_ key is reported with its file", () => {
    const root = bundle({ ...clean, "chunks/pages/leak.js": 'var a={secretKey:"sk_live_AbCdEf0123456789XyZaBcDeF"};' });
    const hits = scan(root, {});
    expect(hits).toHaveLength(1);
    expect(hits[0]?.file).toBe(join("chunks", "pages", "leak.js"));
    expect(hits[0]?.match).toMatch(/^sk_live_AbCd/);
    expect(hits[0]?.match).not.toContain("XyZaBcDeF"); // not echoed in full
  });

  test("whsec_ secrets and the exact values of secret variables are reported", () => {
    const root = bundle({
      "a.js": 'x="whsec_dGVhbS10b2Rvcy1lMmUtd2ViaG9vay1zZWNyZXQtMDE="',
      "c.js": 'z="my-own-custom-secret-value"',
    });
    const hits = scan(root, { CLERK_SECRET_KEY: "my-own-custom-secret-value" });
    expect(hits.map((h) => h.file).sort()).toEqual(["a.js", "c.js"]);
    expect(hits.find((h) => h.file === "c.js")?.rule).toBe("value of CLERK_SECRET_KEY");
  });

  test("the CLI exits 1 and prints file and match when something is found", () => {
    const root = bundle({ ...clean, "leak.js": '"sk_live_AbCdEf0123456789XyZaBcDeF"' });
    const run = spawnSync("node", [script, root], { encoding: "utf8", env: cliEnv });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("leak.js");
    expect(run.stderr).toContain("sk_live_AbCd");
    const ok = spawnSync("node", [script, bundle(clean)], { encoding: "utf8", env: cliEnv });
    expect(ok.status).toBe(0);
  });
});
