import "server-only";
import { CONVEX_URL } from "./config";

/**
 * The Convex URL for this server's own calls (`/api/me`, lib/preload.ts):
 * `CONVEX_SERVER_URL` at run time when the server reaches Convex by another
 * address than browsers do (a Compose network: `http://backend:3210`), else
 * the public one.
 */
export const convexServerUrl = () => process.env.CONVEX_SERVER_URL || CONVEX_URL;
