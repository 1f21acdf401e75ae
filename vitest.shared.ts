import type { Plugin } from "vite";
import type { ViteUserConfig } from "vitest/config";

/**
 * convex-test keeps its database class private; test/fastIndexes.ts needs it
 * to add equality lookups. One export line is appended, no code is changed.
 */
const exposeDatabaseFake: Plugin = {
  name: "expose-convex-test-database",
  transform(code, id) {
    if (!/convex-test[\\/]dist[\\/]index\.js$/.test(id)) return undefined;
    return { code: `${code}\nexport { DatabaseFake as __DatabaseFake };\n`, map: null };
  },
};

/** convex-test needs the edge runtime and to be inlined (vitest 4). */
export const convexTestOptions: NonNullable<ViteUserConfig["test"]> = {
  environment: "edge-runtime",
  server: { deps: { inline: ["convex-test"] } },
  setupFiles: ["test/setup.ts"],
  // One line per webhook is useful in a deployment's logs, noise in a test run.
  onConsoleLog: (log) => !log.startsWith("clerk webhook"),
};

export const convexTestPlugins = [exposeDatabaseFake];
