import { defineConfig } from "vitest/config";
import { convexTestOptions, convexTestPlugins } from "./vitest.shared";

export default defineConfig({
  plugins: convexTestPlugins,
  test: { ...convexTestOptions, include: ["convex/**/*.test.ts"] },
});
