import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The package's own tests: the component through the example app
 * (example/convex), the client, and the consumer test (test/, which packs
 * the package into a fresh app; it runs in Node, see its header).
 */
export default defineConfig({
  // This directory, also when run from the repository root (`--config packages/convex-clerk-sync/vitest.config.ts`).
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    environment: "edge-runtime",
    server: { deps: { inline: ["convex-test"] } },
    include: ["src/**/*.test.ts", "example/**/*.test.ts", "test/**/*.test.ts"],
    // One line per webhook is useful in a deployment's logs, noise in a test run.
    onConsoleLog: (log) => !log.startsWith("clerk webhook"),
  },
});
