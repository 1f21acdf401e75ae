/**
 * esbuild builds for the backend: the project's Convex functions (app, local
 * components and components installed from npm) as one ESM file of module
 * maps, and a copy of convex-test that exports its internals (see
 * convexTestInternals.ts).
 *
 * Every npm package imported by the functions stays external and is imported
 * by absolute file URL, so a build written anywhere (the data dir) loads the
 * same single copies of `convex`, `zod`, `convex-helpers`, `svix` as the
 * backend itself. An npm component's own directory (its `convex.config.js`,
 * schema and function modules) is bundled like a local component, as the
 * Convex CLI bundles it for a deployment.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/** The backend's own node_modules: a fallback when the project dir has none (a test copy). */
const BACKEND_NODE_MODULES = fileURLToPath(new URL("../../node_modules", import.meta.url));

const SKIP = Symbol("skip");

/** Bare imports → `external` with an absolute file URL (resolved like Node's ESM loader would). */
function externalPackages(inline: readonly string[] = []): Plugin {
  return {
    name: "external-packages",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === SKIP || inline.includes(args.path)) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: SKIP,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}

const posix = (p: string) => p.split(sep).join("/");
const SOURCE = /\.(ts|tsx|mts|js|jsx|mjs)$/;
const CONFIG = /^convex\.config\.(ts|js|mts|mjs)$/;

/**
 * A component's `convex.config.ts` imported from another config gets the
 * `componentDefinitionPath` the Convex CLI's bundler would give it, so the
 * app definition's `use()` and `export()` work outside the Convex runtime.
 */
function componentDefinitionPaths(functionsDir: string, seen?: Set<string>): Plugin {
  return {
    name: "component-definition-paths",
    setup(b) {
      b.onResolve({ filter: /convex\.config(\.[mc]?[jt]s)?$/ }, async (args) => {
        if (args.pluginData === SKIP || args.namespace !== "file") return undefined;
        if (!CONFIG.test(args.importer.split(/[\\/]/).pop() ?? "")) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: SKIP });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, namespace: "component-definition" };
      });
      b.onLoad({ filter: /.*/, namespace: "component-definition" }, (args) => {
        seen?.add(dirname(args.path));
        return {
          resolveDir: dirname(args.path),
          loader: "js",
          contents: [
            `import definition from ${JSON.stringify(args.path)};`,
            `definition.componentDefinitionPath = ${JSON.stringify(posix(relative(functionsDir, dirname(args.path))))};`,
            `if (definition.defaultName === undefined) definition.defaultName = definition._name;`,
            `export default definition;`,
          ].join("\n"),
        };
      });
    },
  };
}

/**
 * One module root: the app (`dir` "") or a component's directory, relative to
 * the functions dir like the CLI's definition paths (`clerkSync`, or
 * `../node_modules/@convex-dev/rate-limiter/dist/component` for one from npm).
 */
type Root = { dir: string; files: string[]; config?: string; schema?: string };

/**
 * Walks the functions dir: every directory holding a `convex.config.*` (below
 * the top) is a component root. `componentDirs` outside it (npm packages'
 * component directories) are walked the same way, each a root of its own.
 */
export function findRoots(functionsDir: string, componentDirs: readonly string[] = []): Root[] {
  const roots = new Map<string, Root>();
  const rootOf = (dir: string) => {
    let r = roots.get(dir);
    if (!r) roots.set(dir, (r = { dir, files: [] }));
    return r;
  };
  const walk = (absDir: string, owner: string) => {
    const entries = readdirSync(absDir).sort();
    const rel = posix(relative(functionsDir, absDir));
    const here = entries.some((e) => CONFIG.test(e)) && rel !== "" ? rel : owner;
    const root = rootOf(here);
    for (const entry of entries) {
      if (entry.startsWith(".") || entry === "node_modules") continue;
      const abs = join(absDir, entry);
      if (statSync(abs).isDirectory()) {
        walk(abs, here);
        continue;
      }
      if (!SOURCE.test(entry) || entry.endsWith(".d.ts") || /\.(test|spec)\./.test(entry)) continue;
      if (CONFIG.test(entry)) {
        if (absDir === join(functionsDir, here)) root.config = abs;
        continue;
      }
      // As the Convex CLI: a name with several dots is no module (npm components ship helpers like
      // `arbitrary.helpers.js`); auth.config is read as one here, for its providers.
      if ((entry.match(/\./g) ?? []).length > 1 && !/^auth\.config\./.test(entry)) continue;
      if (/^schema\.[mc]?[jt]sx?$/.test(entry) && absDir === join(functionsDir, here)) root.schema = abs;
      root.files.push(abs);
    }
  };
  walk(functionsDir, "");
  for (const dir of componentDirs) {
    const rel = posix(relative(functionsDir, dir));
    if (rel.startsWith("../")) walk(dir, rel);
  }
  return [...roots.values()];
}

/**
 * The directories of every component definition the app's `convex.config`
 * mounts, directly or through another component (an npm component may use
 * its own, e.g. the rate limiter's batch worker): a small build of the config
 * alone, recording each definition the wrapper plugin loads.
 */
export async function componentDirs(functionsDir: string): Promise<string[]> {
  const config = readdirSync(functionsDir).find((e) => CONFIG.test(e));
  if (!config) return [];
  const seen = new Set<string>();
  await build({
    entryPoints: [join(functionsDir, config)],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    logLevel: "silent",
    nodePaths: [BACKEND_NODE_MODULES],
    plugins: [componentDefinitionPaths(functionsDir, seen), externalPackages()],
  });
  return [...seen].sort();
}

export type FunctionsBuild = { code: string; hash: string };

/**
 * The entry exports `roots`: per module root its modules (keys like
 * `convex/lists.ts`, the shape convex-test's module cache expects: the part
 * before `_generated` is the root), its schema and its definition.
 */
export async function buildFunctions(projectDir: string, functionsDir = join(projectDir, "convex")): Promise<FunctionsBuild> {
  if (!existsSync(functionsDir)) throw new Error(`No Convex functions directory at ${functionsDir}`);
  const roots = findRoots(functionsDir, await componentDirs(functionsDir));
  const lines: string[] = [];
  const rootEntries: string[] = [];
  let n = 0;
  for (const root of roots) {
    const modules: string[] = [];
    let schema: string | null = null;
    for (const file of root.files) {
      const id = `m${n++}`;
      lines.push(`import * as ${id} from ${JSON.stringify(file)};`);
      const key = posix(join("convex", relative(functionsDir, file)));
      modules.push(`${JSON.stringify(key)}: () => Promise.resolve(${id})`);
      if (file === root.schema) schema = id;
    }
    let config = "null";
    if (root.config) {
      const id = `c${n++}`;
      // The app's config is the top of the component tree; a component's own
      // config is the same module the parent's import wraps, so it carries
      // its definition path.
      lines.push(`import ${id} from ${JSON.stringify(root.config)};`);
      config = id;
    }
    rootEntries.push(
      `${JSON.stringify(root.dir)}: { modules: { ${modules.join(", ")} }, schema: ${schema ? `${schema}.default ?? null` : "null"}, config: ${config} }`,
    );
  }
  lines.push(`export const roots = { ${rootEntries.join(",\n")} };`);

  const result = await build({
    stdin: { contents: lines.join("\n"), resolveDir: functionsDir, sourcefile: "local-backend-entry.js", loader: "js" },
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "inline",
    logLevel: "silent",
    nodePaths: [BACKEND_NODE_MODULES],
    plugins: [componentDefinitionPaths(functionsDir), externalPackages()],
  });
  const code = result.outputFiles[0]!.text;
  return { code, hash: createHash("sha256").update(code).digest("hex").slice(0, 16) };
}

/**
 * convex-test with its internals exported (appended `export { … }`, nothing
 * else changed). The names are listed in convexTestInternals.ts.
 */
export async function buildConvexTestInternals(exportNames: readonly string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `export * from "convex-test";`, resolveDir: BACKEND_NODE_MODULES, sourcefile: "convex-test-internals.js" },
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    nodePaths: [BACKEND_NODE_MODULES],
    plugins: [
      externalPackages(["convex-test"]),
      {
        name: "export-internals",
        setup(b) {
          b.onLoad({ filter: /convex-test[\\/]dist[\\/]index\.js$/ }, async (args) => {
            const { readFile } = await import("node:fs/promises");
            const source = await readFile(args.path, "utf8");
            return { contents: `${source}\nexport { ${exportNames.join(", ")} };\n`, loader: "js", resolveDir: dirname(args.path) };
          });
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}
