/** Where the benchmark peers live and are served (beside the end-to-end stack's app). */
import { E2E } from "../../e2e/stack";

export const PEERS = {
  clerkConvex: { dir: "bench/peer/clerk-convex", port: E2E.appPort + 1, url: `http://localhost:${E2E.appPort + 1}` },
  convexOnly: { dir: "bench/peer/convex-only" },
};
