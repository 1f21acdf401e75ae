/**
 * scripts/standalone.mjs: after `next build`, the standalone server gets the
 * browser assets beside it, as the Dockerfile's runner stage copies them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { prepareStandalone } from "./standalone.mjs";

let root: string;
function project(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), "standalone-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("prepareStandalone", () => {
  test("copies .next/static and public/ beside server.js and returns its path", () => {
    project({
      ".next/standalone/server.js": "// server",
      ".next/static/chunks/app.js": "// chunk",
      "public/robots.txt": "User-agent: *",
    });
    expect(prepareStandalone(root)).toBe(join(root, ".next/standalone/server.js"));
    expect(readFileSync(join(root, ".next/standalone/.next/static/chunks/app.js"), "utf8")).toBe("// chunk");
    expect(readFileSync(join(root, ".next/standalone/public/robots.txt"), "utf8")).toBe("User-agent: *");
  });

  test("a second run leaves no stale assets, and no public/ is fine", () => {
    project({ ".next/standalone/server.js": "", ".next/static/chunks/old.js": "" });
    prepareStandalone(root);
    rmSync(join(root, ".next/static/chunks/old.js"));
    writeFileSync(join(root, ".next/static/chunks/new.js"), "");
    prepareStandalone(root);
    expect(existsSync(join(root, ".next/standalone/.next/static/chunks/old.js"))).toBe(false);
    expect(existsSync(join(root, ".next/standalone/.next/static/chunks/new.js"))).toBe(true);
    expect(existsSync(join(root, ".next/standalone/public"))).toBe(false);
  });

  test("without a standalone build it says to build first", () => {
    project({ ".next/static/chunks/app.js": "" });
    expect(() => prepareStandalone(root)).toThrow(/npm run build/);
  });
});
