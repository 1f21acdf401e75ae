/**
 * clerk-js and Clerk's UI bundle, served from node_modules the way Clerk's
 * CDN serves them: `/npm/@clerk/clerk-js@<version>/dist/<file>` and
 * `/npm/@clerk/ui@<version>/dist/<file>`. `<version>` is the installed one
 * (the app's NEXT_PUBLIC_CLERK_JS_URL / NEXT_PUBLIC_CLERK_UI_URL name it
 * exactly) or its major, which is what @clerk/nextjs asks for by default;
 * @clerk/ui loads its chunks from its exact-version folder. Both are pinned
 * devDependencies, so what the browser runs is what package-lock.json says.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, sep } from "node:path";
import type { Reply } from "./http";

const require = createRequire(import.meta.url);

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

type Package = { name: "clerk-js" | "ui"; version: string; dist: string };

/** The installed package's folder: up from its entry point to the package.json that names it (its exports hide package.json). */
function installed(name: Package["name"]): Package {
  let dir = dirname(require.resolve(`@clerk/${name}`));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version: string };
      if (pkg.name === `@clerk/${name}`) return { name, version: pkg.version, dist: realpathSync(join(dir, "dist")) };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`@clerk/${name} is not installed (npm install).`);
    dir = parent;
  }
}

export class Assets {
  readonly packages: Record<Package["name"], Package> = { "clerk-js": installed("clerk-js"), ui: installed("ui") };

  /** The script URLs the app should load (exact versions), for `base` = the emulator's URL. */
  scriptUrls(base: string) {
    return {
      clerkJs: `${base}/npm/@clerk/clerk-js@${this.packages["clerk-js"].version}/dist/clerk.browser.js`,
      ui: `${base}/npm/@clerk/ui@${this.packages.ui.version}/dist/ui.browser.js`,
    };
  }

  /** The file for `/npm/@clerk/<name>@<version>/dist/<path>`, or undefined when the path is not one of these. */
  serve(path: string): Reply | undefined {
    const m = /^\/npm\/@clerk\/(clerk-js|ui)@([^/]+)\/dist\/(.+)$/.exec(path);
    if (!m) return undefined;
    const pkg = this.packages[m[1] as Package["name"]];
    const version = m[2]!;
    const cors = { "access-control-allow-origin": "*", "cross-origin-resource-policy": "cross-origin" };
    if (version !== pkg.version && version !== pkg.version.split(".")[0]) {
      return notFound(`@clerk/${pkg.name}@${version} is not installed here (node_modules has ${pkg.version}).`, cors);
    }
    const file = join(pkg.dist, decodeURIComponent(m[3]!));
    if (!file.startsWith(pkg.dist + sep)) return notFound("No such file.", cors);
    try {
      if (!statSync(file).isFile()) return notFound("No such file.", cors);
    } catch {
      return notFound("No such file.", cors);
    }
    return {
      status: 200,
      body: readFileSync(file),
      headers: {
        ...cors,
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        // An exact version never changes; a major tag follows the installed package.
        "cache-control": version === pkg.version ? "public, max-age=31536000, immutable" : "no-cache",
      },
    };
  }
}

function notFound(message: string, headers: Record<string, string>): Reply {
  return { status: 404, body: JSON.stringify({ errors: [{ code: "resource_not_found", message, long_message: message }] }), headers: { ...headers, "content-type": "application/json" } };
}
