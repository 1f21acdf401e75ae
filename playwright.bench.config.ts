import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run bench`: the web measurements, on the end-to-end stack. */
export default defineConfig({ ...base, testDir: "bench", testMatch: "web.bench.ts", reporter: "list", outputDir: "test-results/bench" });
