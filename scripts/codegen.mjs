#!/usr/bin/env node
// Generates convex/_generated/* and every local component's _generated/*
// (including the typed component.ts) WITHOUT a Convex deployment. Components
// from npm packages (e.g. @convex-dev/rate-limiter and the batch worker it
// mounts) are analysed too; their generated code ships in the package.
//
// The real `convex codegen` CLI bundles the functions and then asks a backend
// to analyze them (POST /api/deploy2/start_push). We run the real CLI against
// a tiny local stand-in that answers those analysis endpoints by importing the
// CLI's own ESM bundles in this Node process. All file writing/formatting is
// done by the CLI itself, so the output matches what `convex dev` would write.
//
// Usage: node scripts/codegen.mjs [--check]
//   --check  regenerate, then fail if any _generated file differs from git.
import http from "node:http";
import zlib from "node:zlib";
import fs from "node:fs";
import path from "node:path";
import { spawn, execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT); // the CLI must run from the package root
const CLI = path.join(ROOT, "node_modules/convex/bin/main.js");
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/convex/package.json"), "utf8")).version;
const projectConfig = fs.existsSync("convex.json") ? JSON.parse(fs.readFileSync("convex.json", "utf8")) : {};
const FUNCTIONS_DIR = projectConfig.functions ?? "convex/";
const check = process.argv.includes("--check");

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
async function analyzeDefinition(dir, definitionPath, def, childNames) {
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
    udfConfig: { serverVersion: VERSION, importPhaseRngSeed: null, importPhaseUnixTimestamp: null },
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

async function startPush(request, tmpRoot) {
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
    analysis[definitionPath] = await analyzeDefinition(dir, definitionPath, def, childNames);
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

function makeServer(tmpRoot) {
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
          config: { functions: FUNCTIONS_DIR },
          moduleHashes: [], // => the CLI sends every module as changed
          nodeDependencies: [],
          udfServerVersion: VERSION,
        });
      }
      if (route === "POST /api/deploy2/start_push") {
        return send(200, await startPush(JSON.parse(body.toString("utf8")), tmpRoot));
      }
      console.error(`[codegen stand-in] unexpected request: ${route}`);
      send(404, { code: "NotFound", message: `codegen stand-in does not implement ${route}` });
    } catch (e) {
      // 400 on a POST is not retried by the CLI, which prints our message.
      send(400, { code: "CodegenAnalysisFailed", message: String(e?.stack ?? e) });
    }
  });
}

function runCli(port) {
  const env = { ...process.env, CI: "1" };
  for (const k of ["CONVEX_DEPLOYMENT", "CONVEX_URL", "CONVEX_SELF_HOSTED_URL", "CONVEX_SELF_HOSTED_ADMIN_KEY"]) {
    delete env[k];
  }
  const args = [CLI, "codegen", "--url", `http://127.0.0.1:${port}`, "--admin-key", "x", "--typecheck", "disable"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(signal ? 1 : code));
  });
}

// Module bundles are imported from a temp dir inside node_modules/.cache so
// that bare imports of external packages (e.g. "use node" externals) resolve
// against the project's node_modules; package.json makes the .js files ESM.
fs.mkdirSync(path.join(ROOT, "node_modules/.cache"), { recursive: true });
const tmpRoot = fs.mkdtempSync(path.join(ROOT, "node_modules/.cache/convex-codegen-"));
fs.writeFileSync(path.join(tmpRoot, "package.json"), '{"type":"module"}\n');
const server = makeServer(tmpRoot);
let code = 1;
try {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  code = await runCli(server.address().port);
} finally {
  server.close();
  fs.rmSync(tmpRoot, { recursive: true, force: true });
}
if (code !== 0) {
  console.error(`codegen: convex CLI exited with code ${code}`);
  process.exit(code || 1);
}

if (check) {
  // Compare the regenerated files with git (index + untracked), e.g. in CI.
  const spec = `:(glob)${FUNCTIONS_DIR.replace(/\/+$/, "")}/**/_generated/**`;
  const drift = execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", spec], {
    encoding: "utf8",
  }).trimEnd();
  if (drift) {
    console.error(`codegen --check: generated code is out of date:\n${drift}\nRun \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
}
const files = fs
  .readdirSync(FUNCTIONS_DIR, { recursive: true })
  .filter((f) => f.split(path.sep).includes("_generated") && fs.statSync(path.join(FUNCTIONS_DIR, f)).isFile());
console.log(`codegen: ${files.length} files in ${FUNCTIONS_DIR}**/_generated ${check ? "up to date" : "written"} (convex ${VERSION}, no deployment)`);
// Exit explicitly: imported user modules may have left timers/handles open.
process.exit(0);
