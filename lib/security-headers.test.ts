/** lib/security-headers.ts: the CSP served by next.config.ts, against Clerk and against the emulator. */
import { describe, expect, test } from "vitest";
import { CLERK_HOSTS, clerkFrontendApiHost, contentSecurityPolicy, securityHeaders } from "./security-headers";

const directive = (csp: string, name: string) =>
  csp.split("; ").find((d) => d.startsWith(`${name} `))?.slice(name.length + 1).split(" ") ?? [];
const pk = (host: string, kind = "test") => `pk_${kind}_${Buffer.from(`${host}$`).toString("base64")}`;

describe("security headers", () => {
  test("the Frontend API host is decoded from a publishable key", () => {
    expect(clerkFrontendApiHost(pk("clerk.example.com", "live"))).toBe("clerk.example.com");
    expect(clerkFrontendApiHost(pk("happy-cat-12.clerk.accounts.dev"))).toBe("happy-cat-12.clerk.accounts.dev");
    expect(clerkFrontendApiHost("pk_test_bm90LWEtaG9zdA==")).toBeNull(); // no trailing $
    expect(clerkFrontendApiHost("nonsense")).toBeNull();
  });

  test("against Clerk: self, Convex (https + wss), the instance's Frontend API and every host Clerk documents", () => {
    const csp = contentSecurityPolicy({
      NEXT_PUBLIC_CONVEX_URL: "https://happy-otter-123.convex.cloud",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk("clerk.example.com", "live"),
      NODE_ENV: "production",
    });
    expect(directive(csp, "connect-src")).toEqual([
      "'self'",
      "https://happy-otter-123.convex.cloud",
      "wss://happy-otter-123.convex.cloud",
      "https://clerk.example.com",
      "https://*.clerk.accounts.dev",
      "https://*.protect.clerk.com:*",
      "https://img.clerk.com",
      "https://clerk-telemetry.com",
      "https://*.clerk-telemetry.com",
    ]);
    expect(directive(csp, "script-src")).toEqual([
      "'self'",
      "'unsafe-inline'",
      "https://clerk.example.com",
      "https://*.clerk.accounts.dev",
      "https://challenges.cloudflare.com",
      "https://*.protect.clerk.com",
    ]);
    expect(directive(csp, "img-src")).toContain("https://img.clerk.com");
    expect(directive(csp, "frame-src")).toEqual(["https://challenges.cloudflare.com", "https://*.protect.clerk.com"]);
    expect(directive(csp, "worker-src")).toEqual(["'self'", "blob:"]);
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(csp, "object-src")).toEqual(["'none'"]);
    expect(csp).not.toContain("localhost");
    expect(csp).not.toContain("https: ");
  });

  test("against the emulator: the same policy, with its proxy and script origins", () => {
    const csp = contentSecurityPolicy({
      NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3410",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk("clerk.emulator.localhost", "live"),
      NEXT_PUBLIC_CLERK_PROXY_URL: "http://localhost:3412/fapi",
      NEXT_PUBLIC_CLERK_JS_URL: "http://localhost:3412/npm/@clerk/clerk-js@6.40.0/dist/clerk.browser.js",
      NEXT_PUBLIC_CLERK_UI_URL: "http://localhost:3412/npm/@clerk/ui@1.34.0/dist/ui.browser.js",
    });
    expect(directive(csp, "connect-src").slice(0, 5)).toEqual([
      "'self'",
      "http://127.0.0.1:3410",
      "ws://127.0.0.1:3410",
      "http://localhost:3412",
      "https://clerk.emulator.localhost",
    ]);
    expect(directive(csp, "script-src")).toContain("http://localhost:3412");
    for (const host of Object.values(CLERK_HOSTS)) expect(csp).toContain(host);
  });

  test("'unsafe-eval' only under next dev", () => {
    expect(directive(contentSecurityPolicy({ NODE_ENV: "development" }), "script-src")).toContain("'unsafe-eval'");
    expect(directive(contentSecurityPolicy({ NODE_ENV: "production" }), "script-src")).not.toContain("'unsafe-eval'");
  });

  test("the other headers", () => {
    const headers = Object.fromEntries(securityHeaders({}).map((h) => [h.key, h.value]));
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });
});
