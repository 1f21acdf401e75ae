import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // `next build` also writes .next/standalone: server.js plus only the
  // node_modules files it traced, which the Dockerfile's runner stage copies
  // (with .next/static and public/). Outside Docker it runs with `npm start`
  // (scripts/standalone.mjs); `next start` does not support this output.
  output: "standalone",
  // The Convex functions live beside the app; the web bundle only imports
  // their generated API types and the shared field rules (plain modules:
  // zod stays on the Convex side).
  typescript: { ignoreBuildErrors: false },
  // CSP and friends (lib/security-headers.ts), from the build-time Convex
  // and Clerk settings.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env) }];
  },
};

export default nextConfig;
