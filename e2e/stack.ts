/** Ports, secrets and folders of the end-to-end stack (shared by the stack script and the tests). */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// E2E_PORT_BASE moves the whole stack (ports and folder), so two checkouts can run their suites side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 3400);
const dir = join(tmpdir(), base === 3400 ? "team-todos-e2e" : `team-todos-e2e-${base}`);
const ports = { convex: base + 10, site: base + 11, clerk: base + 12, app: base };
const instance = JSON.parse(readFileSync("local/clerk/instance.json", "utf8")) as {
  frontend_api_host: string;
  demo: { password: string; users: { email: string }[] };
};
const version = (name: string) => (JSON.parse(readFileSync(`node_modules/@clerk/${name}/package.json`, "utf8")) as { version: string }).version;
const clerkUrl = `http://localhost:${ports.clerk}`;
const secretKey = "sk_live_e2eemulatorsecretkey0123456789";

export const E2E = {
  dir,
  dataDir: join(dir, "data"),
  envFile: join(dir, "env.local"),
  appPort: ports.app,
  appUrl: `http://localhost:${ports.app}`,
  /** The Clerk emulator: Backend API at `/v1`, Frontend API at `/fapi/v1`. */
  clerkUrl,
  secretKey,
  publishableKey: `pk_live_${Buffer.from(`${instance.frontend_api_host}$`).toString("base64")}`,
  demoPassword: instance.demo.password,
  /** The environment for the stack's processes: the shell's, less its cloud settings (which must not leak in), plus `env`. */
  processEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (/^(CONVEX_|NEXT_PUBLIC_CLERK|CLERK_|DEMO_)/.test(key)) delete env[key];
    return Object.assign(env, this.env, { NEXT_TELEMETRY_DISABLED: "1" });
  },
  /** Every setting the stack's .env.local gets (npm run dev would write the same in local mode). */
  get env() {
    return {
      NEXT_PUBLIC_CONVEX_URL: `http://127.0.0.1:${ports.convex}`,
      CONVEX_SITE_URL: `http://127.0.0.1:${ports.site}`,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: this.publishableKey,
      CLERK_SECRET_KEY: secretKey,
      CLERK_API_URL: `http://127.0.0.1:${ports.clerk}`,
      NEXT_PUBLIC_CLERK_PROXY_URL: `${clerkUrl}/fapi`,
      NEXT_PUBLIC_CLERK_JS_URL: `${clerkUrl}/npm/@clerk/clerk-js@${version("clerk-js")}/dist/clerk.browser.js`,
      NEXT_PUBLIC_CLERK_UI_URL: `${clerkUrl}/npm/@clerk/ui@${version("ui")}/dist/ui.browser.js`,
      NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
      CLERK_WEBHOOK_SECRET: "whsec_" + Buffer.from("team-todos-e2e-webhook-secret-01").toString("base64"),
      DEMO_ACCOUNTS: instance.demo.users.map((u) => u.email).join(","),
      DEMO_PASSWORD: instance.demo.password,
    };
  },
};
