// Builds what ships:
// - the `sla` CLI and the language server, each bundled into one CommonJS file so a cold start loads
//   one file, with the licences of the third-party code inside beside them; the CLI also gets V8's
//   code cache of a `sla check` run (dist/sla.cjs.cache, see packages/cli/bin/sla.cjs);
// - the libraries (@sla/language, @sla/bundle, @sla/compiler, @sla/engine, @sla/node) into their dist/;
// - the extension (its own build, which copies the server bundle).
// Each published package gets a copy of the repository's LICENSE, since npm packs only what is in
// the package's folder.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
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
}

await Promise.all([
  // The launcher compiles the CLI with vm.Script, whose import() would need an experimental flag:
  // the one package loaded at run time (DuckDB, CommonJS) is loaded with require() instead.
  bundle("packages/cli/src/main.ts", "packages/cli/dist/sla.cjs", "The sla command", {
    supported: { "dynamic-import": false },
  }).then(cliCodeCache),
  bundle("packages/language-server/src/bin.ts", "packages/language-server/dist/server.cjs", "The sla language server"),
  buildLibraries(),
]);

/**
 * V8's code cache of the CLI bundle after `sla check` of an example, made by the launcher's own
 * compile in a plain `node` process (a cache is only taken by the V8 version and flags that made it).
 */
function cliCodeCache() {
  const result = spawnSync(process.execPath, ["scripts/cli-code-cache.cjs", "check", "examples/it-outsourcing.sla"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`making the CLI's code cache failed (sla check exited ${result.status ?? result.signal})`);
}

for (const name of ["cli", ...LIBRARIES]) copyFileSync("LICENSE", join("packages", name, "LICENSE"));

if (existsSync("extension/scripts/build.mjs")) {
  const result = spawnSync(process.execPath, ["extension/scripts/build.mjs"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
