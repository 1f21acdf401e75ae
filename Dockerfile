# syntax=docker/dockerfile:1
#
# The Team Todos web app as a container: Next.js's standalone server
# (next.config.ts sets output: "standalone"). Convex is not in here: the app
# connects to a Convex deployment (Convex Cloud, or the self-hosted backend in
# docker-compose.yml) and to Clerk.
#
#   docker build \
#     --build-arg NEXT_PUBLIC_CONVEX_URL=https://<deployment>.convex.cloud \
#     --build-arg NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_... \
#     -t team-todos .
#   docker run --init -p 3000:3000 -e CLERK_SECRET_KEY=sk_live_... team-todos
#
# NEXT_PUBLIC_* values are build arguments because `next build` inlines them
# into the browser bundle and computes the Content-Security-Policy from them:
# an image is tied to one Convex URL and one Clerk instance. Secrets are never
# build arguments (they would stay in the image history): CLERK_SECRET_KEY is
# given at run time.

# ---------------------------------------------------------------- deps
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The npm workspaces (convex-clerk-sync): installing links them and builds
# each one's dist/ (its `prepare` script), which the app's types import.
COPY packages ./packages
# Exactly the lockfile's tree (it lists every platform's optional native
# binaries, so `npm ci` picks the image's own: linux-x64 or linux-arm64).
RUN npm ci --no-audit --no-fund

# ---------------------------------------------------------------- build
FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/packages/convex-clerk-sync/dist ./packages/convex-clerk-sync/dist
ARG NEXT_PUBLIC_CONVEX_URL
ARG NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY
ENV NEXT_PUBLIC_CONVEX_URL=${NEXT_PUBLIC_CONVEX_URL} \
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}
# Without a real publishable key the image could sign nobody in: the Clerk
# emulator's key (a .localhost host) and the local Convex backend are
# development tools, not in the image. Refuse instead.
RUN if [ -z "$NEXT_PUBLIC_CONVEX_URL" ] || [ -z "$NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY" ]; then \
      echo "Set --build-arg NEXT_PUBLIC_CONVEX_URL=... and --build-arg NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_... (inlined at build time)." >&2; \
      exit 1; \
    fi \
 && node --input-type=module -e 'import { isEmulatorKey } from "./scripts/doctor.mjs"; if (isEmulatorKey(process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY)) { console.error("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is the Clerk emulator'"'"'s: use your Clerk instance'"'"'s key."); process.exit(1); }'
# Build, refuse a browser bundle that carries a secret, and make sure public/
# exists for the runner stage to copy (the app has none today).
RUN npx next build \
 && node scripts/check-bundle-secrets.mjs .next/static \
 && mkdir -p public

# ---------------------------------------------------------------- runner
FROM node:20-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# server.js and the node_modules files it traced; then the browser assets,
# which the standalone output leaves out. Owned by root: the app cannot
# rewrite its own code. Only Next's cache directory is writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown node:node .next/cache
# The official node images ship an unprivileged `node` user (uid 1000).
USER node
EXPOSE 3000
# Any answer below 500 on / means the server is up (a signed-out visitor may
# be redirected by Clerk's middleware; redirects are not followed).
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/',{redirect:'manual'}).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
