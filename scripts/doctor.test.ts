import { describe, expect, test } from "vitest";
import { checks, frontendApiHost, isEmulatorKey } from "./doctor.mjs";

const pkFor = (host: string, kind = "test") => `pk_${kind}_${Buffer.from(`${host}$`).toString("base64")}`;
const pk = pkFor("verb-noun-12.clerk.accounts.dev");

describe("doctor checks", () => {
  test("the Frontend API host comes out of the publishable key", () => {
    expect(frontendApiHost(pk)).toBe("verb-noun-12.clerk.accounts.dev");
    expect(frontendApiHost("pk_test_nothing")).toBeNull();
    expect(checks.publishableKey("sk_test_abc")).toMatch(/not a Clerk publishable key/);
  });

  test("the Clerk emulator's keys are told from real ones by their reserved .localhost host", () => {
    expect(isEmulatorKey(pkFor("clerk.emulator.localhost", "live"))).toBe(true);
    expect(isEmulatorKey(pk)).toBe(false);
    expect(isEmulatorKey(pkFor("clerk.example.com", "live"))).toBe(false);
    expect(isEmulatorKey(undefined)).toBe(false);
  });

  test("APP_URL is the app's bare origin", () => {
    expect(checks.appUrl("https://todos.example.com")).toBeNull();
    expect(checks.appUrl(undefined)).toMatch(/not set/);
    expect(checks.appUrl("https://todos.example.com/")).toMatch(/bare origin/);
    expect(checks.appUrl("todos.example.com")).toMatch(/not a URL/);
  });

  test("the issuer must be the bare https origin of the key's Frontend API", () => {
    expect(checks.issuer("https://verb-noun-12.clerk.accounts.dev", pk)).toBeNull();
    expect(checks.issuer("https://verb-noun-12.clerk.accounts.dev/", pk)).toMatch(/trailing slash/);
    expect(checks.issuer("http://verb-noun-12.clerk.accounts.dev", pk)).toMatch(/https/);
    expect(checks.issuer("https://other-app-99.clerk.accounts.dev", pk)).toMatch(/refuse every token/);
    expect(checks.issuer(undefined, pk)).toMatch(/not set/);
  });

  test("keys and secrets have the right shape and come from one instance", () => {
    expect(checks.webhookSecret("whsec_" + Buffer.from("0123456789abcdef0123").toString("base64"))).toBeNull();
    expect(checks.webhookSecret("secret")).toMatch(/whsec_/);
    expect(checks.secretKey("sk_test_abc123", pk)).toBeNull();
    expect(checks.secretKey("sk_live_abc123", pk)).toMatch(/different instances/);
  });

  test("local mode keeps the Convex URL on this machine", () => {
    expect(checks.convexUrl("http://127.0.0.1:3210", "local")).toBeNull();
    expect(checks.convexUrl("https://happy-cat-123.convex.cloud", "local")).toMatch(/points elsewhere/);
    expect(checks.convexUrl("http://happy-cat-123.convex.cloud", "cloud")).toMatch(/https/);
  });

  test("a self-hosted CLI target needs both variables and no CONVEX_DEPLOYMENT beside them", () => {
    expect(checks.selfHosted(undefined, undefined, "dev:happy-cat-123")).toBeNull();
    expect(checks.selfHosted("http://127.0.0.1:3210", "convex-self-hosted|01ab", undefined)).toBeNull();
    expect(checks.selfHosted("http://127.0.0.1:3210", undefined, undefined)).toMatch(/CONVEX_SELF_HOSTED_ADMIN_KEY is not set/);
    expect(checks.selfHosted(undefined, "convex-self-hosted|01ab", undefined)).toMatch(/CONVEX_SELF_HOSTED_URL is not set/);
    expect(checks.selfHosted("http://127.0.0.1:3210", "convex-self-hosted|01ab", "dev:happy-cat-123")).toMatch(/refuses/);
    expect(checks.selfHosted("127.0.0.1:3210", "convex-self-hosted|01ab", undefined)).toMatch(/not a URL/);
    expect(checks.selfHosted("ftp://127.0.0.1:3210", "convex-self-hosted|01ab", undefined)).toMatch(/http\(s\) URL/);
  });
});
