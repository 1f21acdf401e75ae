/** scripts/envFile.mjs: how `npm run dev` writes .env.local without losing what the user wrote. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { readEnvFile, removeEnvKeys, setEnvValues, writeEnvFile } from "./envFile.mjs";

let dir: string;
const file = () => join(dir, ".env.local");
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("env file", () => {
  test("writeEnvFile appends only the keys the file lacks, under one header", () => {
    dir = mkdtempSync(join(tmpdir(), "env-"));
    writeFileSync(file(), "# mine\nNEXT_PUBLIC_CONVEX_URL=http://127.0.0.1:9999\n");
    writeEnvFile(file(), { NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3210", CLERK_SECRET_KEY: "sk_live_x" });
    writeEnvFile(file(), { CLERK_API_URL: "http://127.0.0.1:3212" });
    const text = readFileSync(file(), "utf8");
    expect(readEnvFile(file())).toEqual({ NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:9999", CLERK_SECRET_KEY: "sk_live_x", CLERK_API_URL: "http://127.0.0.1:3212" });
    expect(text.match(/# local mode/g)).toHaveLength(1);
    expect(text.startsWith("# mine\n")).toBe(true);
  });

  test("setEnvValues replaces values in place (the versioned script URLs) and appends new ones", () => {
    dir = mkdtempSync(join(tmpdir(), "env-"));
    writeFileSync(file(), "A=1\nNEXT_PUBLIC_CLERK_JS_URL=http://localhost:3212/npm/@clerk/clerk-js@6.39.0/dist/clerk.browser.js\nB=2\n");
    setEnvValues(file(), { NEXT_PUBLIC_CLERK_JS_URL: "http://localhost:3212/npm/@clerk/clerk-js@6.40.0/dist/clerk.browser.js", C: "3" });
    expect(readFileSync(file(), "utf8")).toMatch(/^A=1\nNEXT_PUBLIC_CLERK_JS_URL=.*@6\.40\.0.*\nB=2\n/);
    expect(readEnvFile(file()).C).toBe("3");
  });

  test("removeEnvKeys drops the emulator's lines once real keys are in, and says which", () => {
    dir = mkdtempSync(join(tmpdir(), "env-"));
    writeFileSync(file(), "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_real\nNEXT_PUBLIC_CLERK_PROXY_URL=http://localhost:3212/fapi\nKEEP=yes\n");
    expect(removeEnvKeys(file(), ["NEXT_PUBLIC_CLERK_PROXY_URL", "NOT_THERE"])).toEqual(["NEXT_PUBLIC_CLERK_PROXY_URL"]);
    expect(readEnvFile(file())).toEqual({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_live_real", KEEP: "yes" });
  });
});
