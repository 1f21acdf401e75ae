/** Ports, secrets and folders of the end-to-end stack (shared by the stack script and the tests). */
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = join(tmpdir(), "team-todos-e2e");
const ports = { convex: 3410, site: 3411, clerk: 3412, app: 3400 };

export const E2E = {
  dir,
  dataDir: join(dir, "data"),
  envFile: join(dir, "env.local"),
  appPort: ports.app,
  appUrl: `http://localhost:${ports.app}`,
  clerkUrl: `http://localhost:${ports.clerk}`,
  secretKey: "sk_local_e2e",
  env: {
    NEXT_PUBLIC_CONVEX_URL: `http://127.0.0.1:${ports.convex}`,
    CONVEX_SITE_URL: `http://127.0.0.1:${ports.site}`,
    LOCAL_CLERK_URL: `http://localhost:${ports.clerk}`,
    NEXT_PUBLIC_LOCAL_CLERK_URL: `http://localhost:${ports.clerk}`,
    LOCAL_CLERK_SECRET_KEY: "sk_local_e2e",
    CLERK_WEBHOOK_SECRET: "whsec_" + Buffer.from("team-todos-e2e-webhook-secret-01").toString("base64"),
  },
};
