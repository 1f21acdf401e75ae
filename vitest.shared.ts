import type { ViteUserConfig } from "vitest/config";

/** convex-test needs the edge runtime and to be inlined (DESIGN: environment facts). */
export const convexTestOptions: NonNullable<ViteUserConfig["test"]> = {
  environment: "edge-runtime",
  server: { deps: { inline: ["convex-test"] } },
  // One line per webhook is useful in a deployment's logs, noise in a test run.
  onConsoleLog: (log) => !log.startsWith("clerk webhook"),
};
