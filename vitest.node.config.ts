import { defineConfig } from "vitest/config";

/**
 * Tests that run in plain Node: the local-mode tools (real HTTP servers, no
 * Convex runtime), the web app's server helpers and the project scripts.
 * The Convex functions' tests use vitest.config.ts (edge runtime).
 */
export default defineConfig({
  test: {
    environment: "node",
    include: ["local/**/*.test.ts", "lib/**/*.test.ts", "scripts/**/*.test.ts"],
  },
});
