import { defineConfig } from "vitest/config";
import { convexTestOptions } from "./vitest.shared";

export default defineConfig({
  test: { ...convexTestOptions, include: ["convex/**/*.test.ts"] },
});
