// Builds the libraries a tool author installs (@sla/language, @sla/bundle, @sla/compiler,
// @sla/engine, @sla/node) into each package's dist/: ES modules from esbuild (one file per entry point of the
// package's `exports`, with dependencies left as imports) and declarations from tsc. Inside the
// repository the packages resolve to their sources through the "@sla/source" export condition, so
// nothing here is needed by the tests or the bundles; dist/ is what `npm pack` ships.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { build } from "esbuild";
import shipped from "./bundle-options.json" with { type: "json" };

export const LIBRARIES = ["language", "bundle", "compiler", "engine", "node"];

const [SOURCE] = shipped.conditions;

/** Entry points from the package's exports map: the "@sla/source" file builds to the "import" file. */
function entryPoints(dir) {
  const { exports } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return Object.values(exports).map((conditions) => ({
    in: join(dir, conditions[SOURCE]),
    out: relative(join(dir, "dist"), join(dir, conditions.import)).replace(/\.js$/, ""),
  }));
}

async function buildModules(name) {
  const dir = join("packages", name);
  const outdir = join(dir, "dist");
  const result = await build({
    entryPoints: entryPoints(dir),
    outdir,
    bundle: true,
    // dependencies (other @sla packages too) stay imports, resolved by the installer
    packages: "external",
    external: ["node:*"],
    // no Node built-in is available unless the source imports one (only @sla/node and @sla/engine/node do)
    platform: "neutral",
    format: "esm",
    target: "es2022",
    // entry points of one package share modules (an error class thrown by one is the class the other exports)
    splitting: true,
    chunkNames: "shared-[hash]",
    define: shipped.define,
    legalComments: "linked",
    write: false,
    logLevel: "warning",
  });
  // written by hand so a chunk left by an older build does not ship
  const written = new Set(result.outputFiles.map((file) => file.path));
  mkdirSync(outdir, { recursive: true });
  for (const name of readdirSync(outdir)) {
    const path = join(process.cwd(), outdir, name);
    if (/\.(js|txt)$/.test(name) && !written.has(path)) rmSync(path, { force: true });
  }
  for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
}

/** tsc emits every library's declarations in one run; they are moved into each package's dist/types/. */
async function buildDeclarations() {
  const staging = mkdtempSync(join(tmpdir(), "sla-declarations-"));
  try {
    const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [tsc, "-p", "tsconfig.declarations.json", "--outDir", staging], {
        stdio: "inherit",
      });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    // 2: type errors, declarations written anyway. The type-check step (`npm run typecheck`) fails on
    // them; the bundles the tests spawn need not wait for someone else's half-typed change.
    if (code === 2) console.warn("build: the libraries' declarations were emitted despite the type errors above");
    else if (code !== 0) throw new Error(`tsc could not emit the libraries' declarations (exit ${code})`);
    for (const name of LIBRARIES) copyDeclarations(join(staging, name, "src"), join("packages", name, "dist", "types"));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// The sources import "./x.ts" (run directly by vitest and esbuild); a declaration read from
// node_modules must name "./x.js", which TypeScript resolves to the "./x.d.ts" beside it.
const TS_SPECIFIER = /(["'])(\.\.?\/[^"']*?)\.ts\1/g;

/** Overwrites in place, then removes what the sources no longer declare: a concurrent `npm pack` never sees a gap. */
function copyDeclarations(from, to) {
  const written = new Set();
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
    const target = join(to, relative(from, join(entry.parentPath, entry.name)));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(entry.parentPath, entry.name), "utf8").replace(TS_SPECIFIER, "$1$2.js$1"));
    written.add(target);
  }
  for (const entry of readdirSync(to, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !written.has(path)) rmSync(path);
  }
}

export async function buildLibraries() {
  await Promise.all([...LIBRARIES.map(buildModules), buildDeclarations()]);
}
