import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The Convex functions live beside the app; the web bundle only imports
  // their generated API types and the shared zod field rules.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
