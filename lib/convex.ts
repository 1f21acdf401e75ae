import { ConvexReactClient } from "convex/react";
import { CONVEX_URL } from "@/lib/auth/config";

/** One Convex client per browser tab (created lazily). */
let client: ConvexReactClient | undefined;

export function getConvexClient(): ConvexReactClient {
  client ??= new ConvexReactClient(CONVEX_URL);
  return client;
}
