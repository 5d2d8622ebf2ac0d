// Builds what ships:
// - the `sla` CLI and the language server, each bundled into one CommonJS file so a cold start loads
//   one file, with the licences of the third-party code inside beside them; the CLI is two bundles,
//   every command (dist/sla.cjs) and `sla check` alone (dist/sla-check.cjs), each ASCII, stamped
//   with its SHA-256 and with V8's code cache of a `sla check` run (BUNDLE.cache, see
//   packages/cli/bin/sla.cjs);
// - the libraries (@sla/language, @sla/bundle, @sla/compiler, @sla/engine, @sla/node) into their dist/;
// - the extension (its own build, which copies the server bundle).
// Each published package gets a copy of the repository's LICENSE, since npm packs only what is in
// the package's folder.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { buildLibraries, LIBRARIES } from "./build-libraries.mjs";
// One set of options for everything bundled as it ships (the CLI, the server, the benchmark and the
// tests that spawn a bundle). `__SLA_BUNDLED__` skips Chevrotain's definition-time validation in
// what ships; the tests that import the sources still run it. The "@sla/source" condition bundles
// the workspace packages from their sources (a name of our own: a project that sets the common
// "source" condition must not be sent to sources the packed libraries do not ship). Whitespace and
// syntax are minified (names are kept, so stack traces still name functions): V8 compiles the whole
// file at start-up, and the minified text compiles in about half the time, a fifth of a cold `sla check`.
import shipped from "./bundle-options.json" with { type: "json" };
import { thirdPartyNotices } from "./third-party-notices.mjs";

const common = { ...shipped, logLevel: "warning", metafile: true };

async function bundle(entry, outfile, name, options = {}) {
  const { metafile } = await build({ ...common, ...options, entryPoints: [entry], outfile });
  writeFileSync(join(dirname(outfile), "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices(name, metafile));
  return metafile;
}

const require = createRequire(import.meta.url);
const launcher = require("../packages/cli/bin/sla.cjs");

/**
 * Node's modules that Node has not loaded before a program starts, which the bundled code requires
 * when a module of it is set up although only some commands call them (commander requires
 * child_process, 2 ms of a `sla check`, for subcommands run as programs, which sla has none of).
 */
const LAZY_BUILTINS =
  /^(node:)?(child_process|crypto|dgram|http|https|net|os|readline|stream|tls|worker_threads|zlib)$/;

/**
 * Each of LAZY_BUILTINS as a module whose exports are getters that require the real one on first
 * use. The names are those of the Node running the build, which is the Node the code cache is for.
 */
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, ({ path, namespace }) =>
      namespace === "lazy-builtin"
        ? { path, external: true }
        : { path: path.replace(/^node:/, ""), namespace: "lazy-builtin" },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, ({ path }) => {
      const getters = Object.keys(require(`node:${path}`)).map(
        (name) => `${JSON.stringify(name)}: { get: () => load()[${JSON.stringify(name)}], enumerable: true }`,
      );
      const contents = `let loaded;
const load = () => (loaded ??= require("node:${path}"));
module.exports = Object.defineProperties({}, { ${getters.join(", ")} });`;
      return { contents, loader: "js" };
    });
  },
};

// The launcher compiles the CLI with vm.Script, whose import() would need an experimental flag:
// the one package loaded at run time (DuckDB, CommonJS) is loaded with require() instead.
const supported = { "dynamic-import": false };
const plugins = [lazyBuiltins];

await Promise.all([
  Promise.all([
    bundle("packages/cli/src/main.ts", launcher.BUNDLE, "The sla command", { supported, plugins }),
    // `sla check` alone: a part of the full bundle, so the full bundle's notices cover it
    build({
      ...common,
      supported,
      plugins,
      entryPoints: ["packages/cli/src/main-check.ts"],
      outfile: launcher.CHECK_BUNDLE,
    }).then(({ metafile }) => metafile),
  ]).then(([full, check]) => {
    const missing = Object.keys(check.inputs).filter(
      (input) => !(input in full.inputs) && !input.endsWith("main-check.ts"),
    );
    if (missing.length > 0) throw new Error(`the check bundle holds code the full one lacks: ${missing.join(", ")}`);
    for (const path of [launcher.BUNDLE, launcher.CHECK_BUNDLE]) {
      writeFileSync(path, launcher.stamped(asciiOnly(readFileSync(path, "utf8"), path)));
      cliCodeCache(path);
    }
  }),
  bundle("packages/language-server/src/bin.ts", "packages/language-server/dist/server.cjs", "The sla language server"),
  buildLibraries(),
]);

/**
 * `text` with every character outside ASCII written as a `\uXXXX` escape. esbuild escapes those in
 * strings, but not in regular expression literals nor in tagged templates (the contract's `×`, `÷`
 * and quotes), and one such character makes V8 hold the whole 2.7 MB source as two bytes a
 * character. The escape means the same in a string, a template's cooked text, a regular expression,
 * an identifier and a comment; only a template's raw text differs, so `String.raw` over such a
 * character is refused.
 */
function asciiOnly(text, path) {
  const raw = /String\.raw`[^`]*[^\x00-\x7f]/.exec(text);
  if (raw)
    throw new Error(`${path}: String.raw over a character outside ASCII, which the build cannot escape: ${raw[0]}`);
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * V8's code cache of a CLI bundle after `sla check` of an example, made by the launcher's own
 * compile in a plain `node` process (a cache is only taken by the V8 version and flags that made it).
 */
function cliCodeCache(bundlePath) {
  const result = spawnSync(
    process.execPath,
    ["scripts/cli-code-cache.cjs", bundlePath, "check", "examples/it-outsourcing.sla"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (result.status !== 0 && result.status !== 1)
    throw new Error(
      `making the code cache of ${bundlePath} failed (sla check exited ${result.status ?? result.signal})`,
    );
}

for (const name of ["cli", ...LIBRARIES]) copyFileSync("LICENSE", join("packages", name, "LICENSE"));

if (existsSync("extension/scripts/build.mjs")) {
  const result = spawnSync(process.execPath, ["extension/scripts/build.mjs"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
