/**
 * The HTTP security headers every page of the app is served with (wired in
 * next.config.ts `headers()`), built from build-time settings only: the
 * Convex URL and Clerk's (publishable key, proxy URL, script URLs). Against
 * Clerk these name Clerk's hosts; in local mode they name the Clerk
 * emulator; the code is the same.
 *
 * Why not `clerkMiddleware`'s `contentSecurityPolicy` option: without
 * `strict` it allows scripts from any `https:`/`http:` host; with `strict` it
 * needs a per-request nonce, i.e. every page rendered dynamically. So the
 * policy is written here, with every host Clerk documents for its default
 * configuration (docs "Configure Clerk Content-Security-Policy headers",
 * plus the telemetry hosts its middleware allows).
 *
 * Pure and dependency-free so next.config.ts can import it and tests can call
 * it with any environment.
 */

export type SecurityHeaderEnv = {
  NEXT_PUBLIC_CONVEX_URL?: string;
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY?: string;
  NEXT_PUBLIC_CLERK_PROXY_URL?: string;
  NEXT_PUBLIC_CLERK_JS_URL?: string;
  NEXT_PUBLIC_CLERK_UI_URL?: string;
  NODE_ENV?: string;
};

/** Clerk's hosts beside the instance's own Frontend API. */
export const CLERK_HOSTS = {
  /** Development instances' Frontend APIs. */
  devInstances: "https://*.clerk.accounts.dev",
  /** Avatars and organization logos (also fetched by the profile components). */
  images: "https://img.clerk.com",
  /** Cloudflare Turnstile, Clerk's bot protection (script and iframe). */
  turnstile: "https://challenges.cloudflare.com",
  /** Clerk's abuse and fraud protection: scripts and frames on 443, requests on other ports too. */
  protect: "https://*.protect.clerk.com",
  protectConnect: "https://*.protect.clerk.com:*",
  telemetry: "https://clerk-telemetry.com",
  telemetrySubdomains: "https://*.clerk-telemetry.com",
};

/** `scheme://host[:port]` of a URL, or null when it does not parse. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The Frontend API host a Clerk publishable key points at: `pk_test_` /
 * `pk_live_` followed by base64 of `<frontend-api-host>$`. Null when the
 * key does not have that shape.
 */
export function clerkFrontendApiHost(publishableKey: string): string | null {
  const m = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey.trim());
  const encoded = m?.[2];
  if (!encoded) return null;
  let decoded: string;
  try {
    decoded = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  if (!decoded.endsWith("$")) return null;
  const host = decoded.slice(0, -1);
  return /^[A-Za-z0-9.-]+(:\d+)?$/.test(host) ? host : null;
}

/** The Convex deployment's origins: its http(s) origin and the matching ws(s) one (sync socket). */
function convexOrigins(convexUrl: string): string[] {
  const http = originOf(convexUrl);
  if (!http) return [];
  return [http, http.replace(/^http/, "ws")];
}

/**
 * The Content-Security-Policy value.
 *
 * 'unsafe-inline' for scripts: Next's App Router inlines its bootstrap and
 * RSC payload scripts; allowing them without 'unsafe-inline' needs a per-
 * request nonce (middleware + dynamic rendering of every page), which this
 * app does not use. Origins stay strictly limited, so injected markup still
 * cannot load scripts from elsewhere or send data to other hosts.
 * 'unsafe-inline' for styles: Next, Radix and Clerk's components set inline
 * styles. 'unsafe-eval' only under `next dev` (React's dev tooling needs it).
 */
export function contentSecurityPolicy(env: SecurityHeaderEnv): string {
  const convex = convexOrigins(env.NEXT_PUBLIC_CONVEX_URL || "http://127.0.0.1:3210");
  const fapiHost = clerkFrontendApiHost(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ?? "");
  // The Frontend API: the proxy when one is configured (the emulator is one), and the key's own host.
  const fapi = [env.NEXT_PUBLIC_CLERK_PROXY_URL && originOf(env.NEXT_PUBLIC_CLERK_PROXY_URL), fapiHost && `https://${fapiHost}`].filter(
    (origin): origin is string => !!origin,
  );
  // clerk-js and @clerk/ui, when they are not loaded from the Frontend API.
  const scripts = [env.NEXT_PUBLIC_CLERK_JS_URL, env.NEXT_PUBLIC_CLERK_UI_URL].map((url) => url && originOf(url)).filter((o): o is string => !!o);

  const connect = ["'self'", ...convex, ...fapi, CLERK_HOSTS.devInstances, CLERK_HOSTS.protectConnect, CLERK_HOSTS.images, CLERK_HOSTS.telemetry, CLERK_HOSTS.telemetrySubdomains];
  const script = ["'self'", "'unsafe-inline'", ...fapi, ...scripts, CLERK_HOSTS.devInstances, CLERK_HOSTS.turnstile, CLERK_HOSTS.protect];
  if (env.NODE_ENV === "development") script.push("'unsafe-eval'");
  const img = ["'self'", "data:", "blob:", CLERK_HOSTS.images];
  const frame = [CLERK_HOSTS.turnstile, CLERK_HOSTS.protect];
  const form = ["'self'", ...fapi];

  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", img],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", connect],
    ["frame-src", frame],
    ["worker-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", form],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${[...new Set(values)].join(" ")}`).join("; ");
}

/** All security headers, for next.config.ts `headers()`. */
export function securityHeaders(env: SecurityHeaderEnv): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env) },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  ];
}
