/** lib/security-headers.ts: the CSP served by next.config.ts in each auth mode. */
import { describe, expect, test } from "vitest";
import { clerkFrontendApiHost, contentSecurityPolicy, securityHeaders } from "./security-headers";

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

  test("cloud mode: self, Convex (https + wss) and Clerk's origins only", () => {
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
      "https://clerk-telemetry.com",
    ]);
    expect(directive(csp, "script-src")).toEqual(expect.arrayContaining(["'self'", "https://clerk.example.com", "https://challenges.cloudflare.com"]));
    expect(directive(csp, "script-src")).not.toContain("'unsafe-eval'");
    expect(directive(csp, "img-src")).toContain("https://img.clerk.com");
    expect(directive(csp, "frame-src")).toEqual(["https://challenges.cloudflare.com"]);
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(csp, "object-src")).toEqual(["'none'"]);
    expect(csp).not.toContain("localhost");
  });

  test("local mode: self, the local Convex backend (http + ws) and the local provider", () => {
    const csp = contentSecurityPolicy({
      NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:3410",
      NEXT_PUBLIC_LOCAL_CLERK_URL: "http://localhost:3412/",
    });
    expect(directive(csp, "connect-src")).toEqual(["'self'", "http://127.0.0.1:3410", "ws://127.0.0.1:3410", "http://localhost:3412"]);
    expect(directive(csp, "frame-src")).toEqual(["'none'"]);
    expect(csp).not.toContain("clerk.com");
    expect(csp).not.toContain("clerk.accounts.dev");
  });

  test("the other headers", () => {
    const headers = Object.fromEntries(securityHeaders({}).map((h) => [h.key, h.value]));
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });
});
