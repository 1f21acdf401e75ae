import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { PEERS } from "./bench/peer/peers";

/** `npm run bench`: the web measurements, on the end-to-end stack, with the peer apps (bench/peer/) built and served beside it. */
export default defineConfig({
  ...base,
  testDir: "bench",
  testMatch: "web.bench.ts",
  reporter: "list",
  outputDir: "test-results/bench",
  // No trace, screenshots or video: recording them runs in the measured pages
  // (DOM snapshots, a screencast) and costs the larger page more.
  use: { ...base.use, trace: "off", screenshot: "off", video: "off" },
  webServer: [
    ...[base.webServer ?? []].flat(),
    { command: "npx tsx bench/peer/serve.ts", port: PEERS.clerkConvex.port, timeout: 300_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
  ],
});
