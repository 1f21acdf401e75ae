import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The local-mode dev tools' tests: plain Node (real HTTP servers, no Convex runtime). */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    environment: "node",
    include: ["local/**/*.test.ts"],
  },
});
