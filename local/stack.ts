/**
 * The local stack in one process, for tests and benchmarks: the Clerk
 * emulator and the Convex backend on free ports with a temporary data
 * folder, wired to each other as `npm run dev` wires them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClerkClient } from "@clerk/backend";
import { startBackend } from "./backend/server";
import { startClerk, type ClerkOptions } from "./clerk/server";

const SECRET_KEY = "sk_live_localstackinprocess0123";
const WEBHOOK_SECRET = "whsec_" + Buffer.from("local-stack-in-process-secret-01").toString("base64");

export function freePort() {
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startLocalStack(options: Pick<ClerkOptions, "chaos" | "retry"> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "local-stack-"));
  const [port, sitePort, clerkPort] = [await freePort(), await freePort(), await freePort()];
  const clerkUrl = `http://127.0.0.1:${clerkPort}`;
  const backend = await startBackend({
    port,
    sitePort,
    dataDir,
    projectDir: fileURLToPath(new URL("..", import.meta.url)),
    watch: false,
    // As `npm run dev` passes them: Clerk's issuer and Backend API are the emulator's.
    env: { CLERK_WEBHOOK_SECRET: WEBHOOK_SECRET, CLERK_JWT_ISSUER_DOMAIN: clerkUrl, CLERK_SECRET_KEY: SECRET_KEY, CLERK_API_URL: clerkUrl, APP_URL: "http://localhost:3000" },
    logger: () => {},
  });
  const provider = await startClerk({
    ...options,
    port: clerkPort,
    dataDir,
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `${backend.siteUrl}/clerk-webhook`,
    logger: { info: () => {}, warn: () => {}, error: console.error },
  });

  /** The emulator's testing routes (sessions, tokens, webhook status). */
  const testing = async <T>(path: string, body?: object) =>
    (await fetch(`${clerkUrl}/v1/testing/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.json())) as T;

  return {
    backend,
    clerk: createClerkClient({ secretKey: SECRET_KEY, apiUrl: clerkUrl }),
    testing,
    /** Waits until the emulator has delivered every webhook it queued. */
    async drained(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await testing<{ pending: unknown[] }>("webhooks")).pending.length > 0) {
        if (Date.now() > deadline) throw new Error("webhooks still pending");
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await provider.close();
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
