import { ConvexReactClient } from "convex/react";
import { CONVEX_URL } from "@/lib/auth/config";

/**
 * The Convex client logs every failed call with `console.error`, which
 * `next dev` shows as an "Uncaught ConvexError" overlay. A refusal the app
 * expects (a ConvexError: inviting an existing member, a rate limit…) is
 * handled where it is called (a toast, an inline message), so it is logged
 * as information; anything else stays an error.
 */
const isAppRefusal = (args: unknown[]) => args.some((a) => typeof a === "string" && /\bConvexError\b/.test(a));

const logger = {
  logVerbose: () => {},
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => (isAppRefusal(args) ? console.info(...args) : console.error(...args)),
};

/** One Convex client per browser tab (created lazily). */
let client: ConvexReactClient | undefined;

export function getConvexClient(): ConvexReactClient {
  // initialAuthTokenReuse: Clerk's cached token, once the backend accepts it, is
  // kept until shortly before it expires; by default the client fetches a fresh
  // one at once and authenticates again, which re-runs every query of the load.
  // expectAuth: every query waits for the session's token. A page rendered on
  // the server with its data hydrates before Clerk has loaded, and its queries
  // must not run signed out meanwhile (their errors would replace the data).
  // No page queries Convex signed out.
  if (!client) {
    client = new ConvexReactClient(CONVEX_URL, { logger, initialAuthTokenReuse: true, expectAuth: true });
    // The client connects on its first subscription, in an effect after hydration: on a page
    // rendered on the server that is a whole page's hydration late. Connecting now (any
    // access to its state does) opens the socket while the page hydrates.
    if (typeof window !== "undefined") client.connectionState();
  }
  return client;
}
