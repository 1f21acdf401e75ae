#!/usr/bin/env node
/**
 * `npm run doctor`: checks the configured environment and names what is
 * missing or inconsistent, one line per check. Reads the shell environment
 * and .env.local; in cloud mode also the Convex deployment's environment
 * (`npx convex env list`); when CONVEX_SELF_HOSTED_URL/_ADMIN_KEY are set, the
 * self-hosted backend the CLI would target. Exits 1 when anything is wrong.
 */
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { readEnvFile } from "./envFile.mjs";

/** The Frontend API host a publishable key encodes (`pk_test_` + base64 of "<host>$"), or null. */
export function frontendApiHost(publishableKey) {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[2], "base64").toString("utf8");
  return decoded.endsWith("$") && decoded.length > 1 ? decoded.slice(0, -1) : null;
}

/** A key for a `.localhost` Frontend API (reserved, RFC 6761) is the Clerk emulator's: no real instance can have one. */
export const isEmulatorKey = (publishableKey) => !!frontendApiHost(publishableKey)?.endsWith(".localhost");

export const checks = {
  publishableKey(pk) {
    if (!pk) return "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is not set (Next, .env.local).";
    return frontendApiHost(pk) ? null : "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is not a Clerk publishable key (pk_test_… / pk_live_…).";
  },
  /** The web app's origin on the Convex deployment: invitation emails link to its /sign-in. */
  appUrl(url) {
    if (!url) return "APP_URL is not set on the Convex deployment (npx convex env set APP_URL https://your-app): invitations cannot link back to the app.";
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return `APP_URL is not a URL: ${url}`;
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "APP_URL must be the app's http(s) origin.";
    return parsed.pathname === "/" && !url.endsWith("/") ? null : "APP_URL must be the bare origin (https://todos.example.com), no path or trailing slash.";
  },
  secretKey(sk, pk) {
    if (!sk) return "CLERK_SECRET_KEY is not set.";
    const kind = /^sk_(test|live)_\w+$/.exec(sk)?.[1];
    if (!kind) return "CLERK_SECRET_KEY is not a Clerk secret key (sk_test_… / sk_live_…).";
    const pkKind = /^pk_(test|live)_/.exec(pk ?? "")?.[1];
    return pkKind && pkKind !== kind ? `CLERK_SECRET_KEY is a ${kind} key but the publishable key is ${pkKind}: they come from different instances.` : null;
  },
  issuer(issuer, pk) {
    if (!issuer) return "CLERK_JWT_ISSUER_DOMAIN is not set on the Convex deployment (npx convex env set CLERK_JWT_ISSUER_DOMAIN https://…).";
    let url;
    try {
      url = new URL(issuer);
    } catch {
      return `CLERK_JWT_ISSUER_DOMAIN is not a URL: ${issuer}`;
    }
    if (url.protocol !== "https:") return "CLERK_JWT_ISSUER_DOMAIN must be an https URL (the Clerk Frontend API URL).";
    if (issuer.endsWith("/") || url.pathname !== "/") return "CLERK_JWT_ISSUER_DOMAIN must be the bare origin, no path or trailing slash: tokens' `iss` must match it exactly.";
    const host = frontendApiHost(pk);
    return host && url.host !== host ? `CLERK_JWT_ISSUER_DOMAIN is ${url.host} but the publishable key belongs to ${host}: Convex would refuse every token.` : null;
  },
  webhookSecret(secret) {
    if (!secret) return "CLERK_WEBHOOK_SECRET is not set (the endpoint's signing secret, whsec_…).";
    return /^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret) ? null : "CLERK_WEBHOOK_SECRET must be the endpoint's svix signing secret (whsec_ followed by base64).";
  },
  /** The Convex CLI's self-hosted target (README "Self-hosted Convex"): both variables, and not beside CONVEX_DEPLOYMENT. */
  selfHosted(url, adminKey, deployment) {
    if (!url && !adminKey) return null;
    if (!url || !adminKey) {
      return `${url ? "CONVEX_SELF_HOSTED_ADMIN_KEY" : "CONVEX_SELF_HOSTED_URL"} is not set: the Convex CLI needs both CONVEX_SELF_HOSTED_URL and CONVEX_SELF_HOSTED_ADMIN_KEY to use a self-hosted backend.`;
    }
    if (deployment) return "CONVEX_DEPLOYMENT and CONVEX_SELF_HOSTED_URL are both set: the Convex CLI refuses to run; keep only the one you mean (e.g. comment out CONVEX_DEPLOYMENT in .env.local).";
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return `CONVEX_SELF_HOSTED_URL is not a URL: ${url}`;
    }
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? null : "CONVEX_SELF_HOSTED_URL must be the backend's http(s) URL (port 3210 of the backend container).";
  },
  convexUrl(url, mode) {
    // In local mode npm run dev writes it on first start.
    if (!url) return mode === "local" ? null : "NEXT_PUBLIC_CONVEX_URL is not set (npx convex dev writes it).";
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return `NEXT_PUBLIC_CONVEX_URL is not a URL: ${url}`;
    }
    const loopback = ["127.0.0.1", "localhost"].includes(parsed.hostname);
    if (mode === "local" && !loopback) return `Local mode, but NEXT_PUBLIC_CONVEX_URL points elsewhere (${url}).`;
    if (mode === "cloud" && parsed.protocol !== "https:" && !loopback) return "NEXT_PUBLIC_CONVEX_URL must be https in cloud mode.";
    return null;
  },
};

async function reachable(url, path = "") {
  try {
    const res = await fetch(new URL(path, url), { signal: AbortSignal.timeout(5000) });
    return res.status < 500 ? null : `${url} answered ${res.status}.`;
  } catch (error) {
    return `${url} is not reachable (${error.cause?.code ?? error.message}).`;
  }
}

function deploymentEnv() {
  const result = spawnSync("npx", ["convex", "env", "list"], { encoding: "utf8" });
  if (result.status !== 0) {
    const lines = (result.stderr || result.stdout).split("\n").map((l) => l.trim());
    return { error: lines.find((l) => l && !l.startsWith("at ") && !l.startsWith("npm warn")) ?? `exit ${result.status}` };
  }
  return { values: Object.fromEntries(result.stdout.split("\n").map((l) => /^(\w+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]])) };
}

async function main() {
  const env = { ...readEnvFile(".env.local"), ...process.env };
  const realKeys = !!env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY && !isEmulatorKey(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);
  const cloud = !!(env.CONVEX_DEPLOYMENT && realKeys && env.CLERK_SECRET_KEY);
  const mode = cloud ? "cloud" : "local";
  const results = [];
  const check = (name, problem) => results.push({ name, problem });
  console.log(`mode: ${mode} (${cloud ? "a Convex deployment and Clerk keys are configured" : "no Convex deployment or real Clerk keys: the Clerk emulator"})`);

  check("Convex URL", checks.convexUrl(env.NEXT_PUBLIC_CONVEX_URL, mode));
  if (cloud) {
    const pk = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
    check("Clerk publishable key", checks.publishableKey(pk));
    check("Clerk secret key", checks.secretKey(env.CLERK_SECRET_KEY, pk));
    if (env.NEXT_PUBLIC_CONVEX_URL) check("Convex deployment reachable", await reachable(env.NEXT_PUBLIC_CONVEX_URL, "/version"));
    const deployment = deploymentEnv();
    if (deployment.error) {
      check("Convex deployment environment", `could not read it with \`npx convex env list\`: ${deployment.error}`);
    } else {
      check("JWT issuer (Convex env)", checks.issuer(deployment.values.CLERK_JWT_ISSUER_DOMAIN, pk));
      check("webhook secret (Convex env)", checks.webhookSecret(deployment.values.CLERK_WEBHOOK_SECRET));
      check("Backend API key (Convex env)", checks.secretKey(deployment.values.CLERK_SECRET_KEY, pk));
      check("app URL (Convex env)", checks.appUrl(deployment.values.APP_URL));
    }
  } else {
    check("webhook secret", env.CLERK_WEBHOOK_SECRET ? checks.webhookSecret(env.CLERK_WEBHOOK_SECRET) : null);
    for (const [name, key, path] of [
      ["local Convex backend", "NEXT_PUBLIC_CONVEX_URL", "/version"],
      ["Clerk emulator", "NEXT_PUBLIC_CLERK_PROXY_URL", "/v1/environment"],
    ]) {
      if (env[key]) check(`${name} running`, (await reachable(`${env[key].replace(/\/+$/, "")}${path}`)) && `${name} is not running: start it with npm run dev.`);
    }
  }
  if (env.CONVEX_SELF_HOSTED_URL || env.CONVEX_SELF_HOSTED_ADMIN_KEY) {
    const problem = checks.selfHosted(env.CONVEX_SELF_HOSTED_URL, env.CONVEX_SELF_HOSTED_ADMIN_KEY, env.CONVEX_DEPLOYMENT);
    check("self-hosted Convex (CLI target)", problem);
    if (!problem) check("self-hosted Convex reachable", await reachable(env.CONVEX_SELF_HOSTED_URL, "/version"));
  }
  for (const { name, problem } of results) console.log(problem ? `✗ ${name}: ${problem}` : `ok ${name}`);
  const problems = results.filter((r) => r.problem).length;
  console.log(problems ? `${problems} problem(s).` : "No problems found.");
  process.exitCode = problems ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
