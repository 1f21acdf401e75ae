#!/usr/bin/env node
// Generates every `_generated/` directory of the project WITHOUT a Convex
// deployment, in dependency order:
//   1. each workspace package's component (`packages/*/src/component/_generated`,
//      what `npx convex codegen --component-dir` writes), then the package is
//      built (`npm run build` in it), so its `dist/` is what apps import;
//   2. each package's example app (`packages/*/example/convex/_generated`);
//   3. the app (`convex/_generated`), which installs those packages from npm
//      (workspaces) exactly like `@convex-dev/rate-limiter`.
// Components from npm are analysed too; their generated code ships in the package.
//
// The real `convex codegen` CLI bundles the functions and then asks a backend
// to analyze them (POST /api/deploy2/start_push). We run the real CLI against
// a tiny local stand-in that answers those analysis endpoints by importing the
// CLI's own ESM bundles in this Node process. All file writing/formatting is
// done by the CLI itself, so the output matches what `convex dev` would write.
//
// Usage: node scripts/codegen.mjs [--check]
//   --check  regenerate, then fail if any _generated file differs from git.
//        node scripts/codegen.mjs --project <dir> [--component-dir <dir>]
//   one project only (any app with its own node_modules, e.g. a fresh app
//   that installed a package tarball), nothing built or checked.
import http from "node:http";
import zlib from "node:zlib";
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const check = argv.includes("--check");
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

/** A project the CLI runs in: its directory, its own `convex` and its functions dir. */
function projectAt(dir) {
  const cli = path.join(dir, "node_modules/convex/bin/main.js");
  const convexPackage = fs.existsSync(cli) ? dir : ROOT; // a workspace package uses the root's convex
  const version = JSON.parse(fs.readFileSync(path.join(convexPackage, "node_modules/convex/package.json"), "utf8")).version;
  const config = path.join(dir, "convex.json");
  const functionsDir = (fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, "utf8")).functions : undefined) ?? "convex/";
  return { dir, cli: path.join(convexPackage, "node_modules/convex/bin/main.js"), version, functionsDir };
}

// ---------------------------------------------------------------------------
// Analysis: what a backend computes from the pushed bundles.

// The backend re-serializes validators with object fields sorted by name;
// do the same so output never depends on source declaration order.
function sortValidator(node) {
  if (Array.isArray(node)) return node.map(sortValidator);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = sortValidator(v);
  if (node.type === "object" && node.value && typeof node.value === "object") {
    out.value = Object.fromEntries(Object.keys(out.value).sort().map((k) => [k, out.value[k]]));
  }
  return out;
}
const sortValidatorJson = (s) => (s == null ? null : JSON.stringify(sortValidator(JSON.parse(s))));

const writeFile = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

// Analyze one definition (the app, or one component). Its modules are written
// to `dir` with their relative paths intact so `_deps/...` chunk imports resolve.
// `childNames` maps each child definition path to its defineComponent() name.
// A component installed from npm arrives the same way, bundled by the CLI from
// the package's component directory, with a definition path like
// `../node_modules/@convex-dev/rate-limiter/dist/component` (so `dir` is a
// numbered directory, never derived from that path). The CLI types such a
// component from the package's own `_generated/component.js`, not from this
// analysis, but the backend's answer covers it all the same.
async function analyzeDefinition(dir, definitionPath, def, childNames, version) {
  for (const m of [def.definition, def.schema, ...def.modules].filter(Boolean)) {
    writeFile(path.join(dir, m.path), m.source);
  }
  // A definition bundle imports each child's convex.config as the external
  // "./_componentDeps/<base64url(definitionPath)>" (no extension); a backend
  // supplies this stub (see ImportedComponentDefinition in convex/server).
  // Extensionless files in a "type":"module" scope load as ESM on Node >= 20.10.
  for (const [childPath, name] of Object.entries(childNames)) {
    const stub = { componentDefinitionPath: childPath, defaultName: name };
    const file = path.join(dir, "_componentDeps", Buffer.from(childPath).toString("base64url"));
    writeFile(file, `export default ${JSON.stringify(stub)};\n`);
  }
  const load = (m) =>
    import(pathToFileURL(path.join(dir, m.path)).href).catch((e) => {
      throw new Error(`evaluating ${path.posix.join(definitionPath, m.path)} failed: ${e?.stack ?? e}`);
    });

  const functions = {};
  const publicFns = [];
  for (const m of def.modules) {
    if (m.path.startsWith("_deps/")) continue; // shared chunks, not modules
    const ns = await load(m);
    const fns = [];
    for (const [name, f] of Object.entries(ns)) {
      // Registered functions carry these flags; httpAction()s only have isHttp.
      const udfType = f?.isQuery ? "Query" : f?.isMutation ? "Mutation" : f?.isAction ? "Action" : null;
      if (!udfType) continue;
      const kind = f.isPublic ? "public" : f.isInternal ? "internal" : null;
      fns.push({
        name,
        pos: null,
        udfType,
        visibility: kind ? { kind } : null,
        args: sortValidatorJson(f.exportArgs()),
        returns: sortValidatorJson(f.exportReturns()),
      });
      if (kind === "public") publicFns.push([m.path.replace(/\.js$/, ""), name]);
    }
    const canonical = m.path.endsWith(".js") ? m.path : `${m.path}.js`;
    functions[canonical] = { functions: fns, httpRoutes: null, cronSpecs: null, sourceMapped: null };
  }

  // convex.config's default export is a definition with an `export()` method
  // that serializes it for analysis (convex/server components/index.ts).
  // (The CLI always sends one; it synthesizes an empty defineApp() if missing.)
  const definition = { ...(await load(def.definition)).default.export(), path: definitionPath };
  if (definitionPath !== "") {
    // A backend fills a component's exports from its public functions; that
    // is what the parent's `components.<name>.*` and component.ts are typed from.
    definition.exports = exportTree(publicFns);
  }

  let schema = null;
  if (def.schema) {
    const json = JSON.parse((await load(def.schema)).default.export());
    schema = {
      ...json,
      tables: json.tables.map((t) => ({ ...t, documentType: sortValidator(t.documentType) })),
    };
  }
  return {
    definition,
    schema,
    functions,
    udfConfig: { serverVersion: version, importPhaseRngSeed: null, importPhaseUnixTimestamp: null },
  };
}

// [["lib/foo", "bar"], ...] -> {type:"branch", branch:[["lib", {...}], ...]}
function exportTree(refs) {
  const tree = {};
  for (const [modulePath, name] of refs) {
    let node = tree;
    for (const seg of modulePath.split("/")) node = node[seg] ??= {};
    node[name] = `_reference/function/${modulePath}:${name}`;
  }
  const serialize = (node) => ({
    type: "branch",
    branch: Object.keys(node).sort().map((k) => [k, typeof node[k] === "string" ? { type: "leaf", leaf: node[k] } : serialize(node[k])]),
  });
  return serialize(tree);
}

const NO_HTTP = { httpModuleRoutes: null, mounts: [] };
function checkedComponent(analysis, definitionPath, componentPath) {
  const childComponents = {};
  for (const child of analysis[definitionPath]?.definition.childComponents ?? []) {
    const childPath = componentPath ? `${componentPath}/${child.name}` : child.name;
    childComponents[child.name] = checkedComponent(analysis, child.path, childPath);
  }
  return { definitionPath, componentPath, args: {}, childComponents, httpRoutes: NO_HTTP, exports: {} };
}

async function startPush(request, tmpRoot, version) {
  if (request.appDefinition.unchangedModuleHashes.length > 0) {
    throw new Error("unexpected unchangedModuleHashes (we report no remote modules)");
  }
  const defs = new Map([
    ["", { ...request.appDefinition, modules: request.appDefinition.changedModules }],
    ...request.componentDefinitions.map((c) => [c.definitionPath, { ...c, modules: c.functions }]),
  ]);
  // Children first: a parent's definition needs its children's names.
  const analysis = {};
  const analyze = async (definitionPath) => {
    if (analysis[definitionPath]) return;
    const def = defs.get(definitionPath);
    if (!def) throw new Error(`no definition bundle for component "${definitionPath}"`);
    const childNames = {};
    for (const dep of def.dependencies) {
      await analyze(dep);
      childNames[dep] = analysis[dep].definition.definitionType.name;
    }
    const dir = path.join(tmpRoot, String([...defs.keys()].indexOf(definitionPath)));
    analysis[definitionPath] = await analyzeDefinition(dir, definitionPath, def, childNames, version);
  };
  for (const definitionPath of defs.keys()) await analyze(definitionPath);
  return {
    environmentVariables: {},
    externalDepsId: null,
    componentDefinitionPackages: {},
    appAuth: [],
    analysis,
    app: checkedComponent(analysis, "", ""),
    schemaChange: { allocatedComponentIds: null, schemaIds: null },
  };
}

// ---------------------------------------------------------------------------
// Stand-in HTTP server.

function makeServer(tmpRoot, project) {
  return http.createServer(async (req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      let body = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "br") body = zlib.brotliDecompressSync(body);
      const route = `${req.method} ${req.url}`;
      if (route === "POST /api/get_config_hashes") {
        return send(200, {
          config: { functions: project.functionsDir },
          moduleHashes: [], // => the CLI sends every module as changed
          nodeDependencies: [],
          udfServerVersion: project.version,
        });
      }
      if (route === "POST /api/deploy2/start_push") {
        return send(200, await startPush(JSON.parse(body.toString("utf8")), tmpRoot, project.version));
      }
      console.error(`[codegen stand-in] unexpected request: ${route}`);
      send(404, { code: "NotFound", message: `codegen stand-in does not implement ${route}` });
    } catch (e) {
      // 400 on a POST is not retried by the CLI, which prints our message.
      send(400, { code: "CodegenAnalysisFailed", message: String(e?.stack ?? e) });
    }
  });
}

function runCli(project, port, componentDir) {
  const env = { ...process.env, CI: "1" };
  for (const k of ["CONVEX_DEPLOYMENT", "CONVEX_URL", "CONVEX_SELF_HOSTED_URL", "CONVEX_SELF_HOSTED_ADMIN_KEY"]) {
    delete env[k];
  }
  const args = [project.cli, "codegen", "--url", `http://127.0.0.1:${port}`, "--admin-key", "x", "--typecheck", "disable"];
  if (componentDir) args.push("--component-dir", componentDir);
  return new Promise((resolve, reject) => {
    // The CLI must run from the project's root.
    const child = spawn(process.execPath, args, { cwd: project.dir, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(signal ? 1 : code));
  });
}

/** Runs the CLI's codegen for one project (or one component of it) against the stand-in. */
async function codegen(project, componentDir) {
  // Module bundles are imported from a temp dir inside node_modules/.cache so
  // that bare imports of external packages (e.g. "use node" externals) resolve
  // against the project's node_modules; package.json makes the .js files ESM.
  const cache = path.join(project.dir, "node_modules/.cache");
  fs.mkdirSync(cache, { recursive: true });
  const tmpRoot = fs.mkdtempSync(path.join(cache, "convex-codegen-"));
  fs.writeFileSync(path.join(tmpRoot, "package.json"), '{"type":"module"}\n');
  const server = makeServer(tmpRoot, project);
  let code = 1;
  try {
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    code = await runCli(project, server.address().port, componentDir);
  } finally {
    server.close();
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
  if (code !== 0) {
    const what = path.relative(ROOT, path.join(project.dir, componentDir ?? project.functionsDir)) || project.dir;
    console.error(`codegen: convex CLI exited with code ${code} for ${what}`);
    process.exit(code || 1);
  }
}

/** Workspace packages that hold a component (`src/component/convex.config.ts`). */
function componentPackages() {
  const dir = path.join(ROOT, "packages");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((p) => fs.existsSync(path.join(p, "src/component/convex.config.ts")))
    .sort();
}

const single = option("--project");
if (single) {
  await codegen(projectAt(path.resolve(single)), option("--component-dir"));
  process.exit(0);
}

const generatedDirs = [];
for (const pkg of componentPackages()) {
  const project = projectAt(pkg);
  await codegen(project, "src/component");
  const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: pkg, stdio: "inherit" });
  if (built.status !== 0) {
    console.error(`codegen: building ${path.relative(ROOT, pkg)} failed`);
    process.exit(1);
  }
  await codegen(project);
  generatedDirs.push(path.join(pkg, "src/component"), path.join(pkg, project.functionsDir));
}
const app = projectAt(ROOT);
await codegen(app);
generatedDirs.push(path.join(ROOT, app.functionsDir));

const specs = generatedDirs.map((dir) => `:(glob)${path.relative(ROOT, dir).replace(/\/+$/, "")}/**/_generated/**`);
if (check) {
  // Compare the regenerated files with git (index + untracked), e.g. in CI.
  const drift = execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", ...specs], {
    cwd: ROOT,
    encoding: "utf8",
  }).trimEnd();
  if (drift) {
    console.error(`codegen --check: generated code is out of date:\n${drift}\nRun \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
}
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", ...specs], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter(Boolean);
console.log(`codegen: ${files.length} files in ${generatedDirs.length} _generated trees ${check ? "up to date" : "written"} (convex ${app.version}, no deployment)`);
// Exit explicitly: imported user modules may have left timers/handles open.
process.exit(0);
