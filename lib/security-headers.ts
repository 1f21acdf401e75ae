/**
 * The HTTP security headers every page of the app is served with (wired in
 * next.config.ts `headers()`), built from the same build-time settings that
 * pick the auth mode (lib/auth/config.ts): the Convex URL, and either Clerk's
 * publishable key (cloud) or the local identity provider's URL (local).
 *
 * Pure and dependency-free so next.config.ts can import it and tests can call
 * it with any environment.
 */

export type SecurityHeaderEnv = {
  NEXT_PUBLIC_CONVEX_URL?: string;
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY?: string;
  NEXT_PUBLIC_LOCAL_CLERK_URL?: string;
  NODE_ENV?: string;
};

/** Clerk's origins that every cloud instance uses (dev instances, avatars, bot protection). */
const CLERK_STATIC = {
  devInstances: "https://*.clerk.accounts.dev",
  images: "https://img.clerk.com",
  turnstile: "https://challenges.cloudflare.com",
  // Development instances report SDK telemetry here.
  telemetry: "https://clerk-telemetry.com",
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
  const publishableKey = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ?? "";
  const cloud = publishableKey !== "";

  const connect = ["'self'", ...convex];
  const script = ["'self'", "'unsafe-inline'"];
  const img = ["'self'", "data:", "blob:"];
  const frame: string[] = [];
  const form = ["'self'"];

  if (cloud) {
    const fapiHost = clerkFrontendApiHost(publishableKey);
    const fapi = fapiHost ? [`https://${fapiHost}`] : [];
    connect.push(...fapi, CLERK_STATIC.devInstances, CLERK_STATIC.telemetry);
    script.push(...fapi, CLERK_STATIC.devInstances, CLERK_STATIC.turnstile);
    img.push(CLERK_STATIC.images);
    frame.push(CLERK_STATIC.turnstile);
    form.push(...fapi, CLERK_STATIC.devInstances);
  } else {
    const local = originOf(env.NEXT_PUBLIC_LOCAL_CLERK_URL || "http://localhost:3212");
    if (local) {
      connect.push(local);
      img.push(local);
      form.push(local);
    }
  }
  if (env.NODE_ENV === "development") script.push("'unsafe-eval'");

  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", img],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", connect],
    ["frame-src", frame.length ? frame : ["'none'"]],
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
