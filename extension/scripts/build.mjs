// Builds the VS Code extension in place, ready for `vsce package`:
//   dist/extension.js                  the client, bundled with esbuild (vscode stays external)
//   dist/syntaxes/sla.tmLanguage.json  the TextMate grammar, from grammar/
//   dist/language-configuration.json   the language configuration, from grammar/
//   server/server.cjs                  the bundled language server, from packages/language-server/dist/
// The server bundle must have been built first (the root `node scripts/build.mjs`).
// Usage: node extension/scripts/build.mjs [--watch]

import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(extensionDir, "..");
const watch = process.argv.includes("--watch");

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const serverBundle = join(repoRoot, "packages", "language-server", "dist", "server.cjs");
if (!existsSync(serverBundle)) {
  console.error(
    `extension build: ${relative(repoRoot, serverBundle)} is missing; build the language server first (node scripts/build.mjs).`,
  );
  process.exit(1);
}
copy(serverBundle, join(extensionDir, "server", "server.cjs"));

// The grammar and configuration must be valid JSON: VS Code silently ignores a broken grammar.
for (const name of ["sla.tmLanguage.json", "language-configuration.json"]) {
  JSON.parse(readFileSync(join(repoRoot, "grammar", name), "utf8"));
}
copy(join(repoRoot, "grammar", "sla.tmLanguage.json"), join(extensionDir, "dist", "syntaxes", "sla.tmLanguage.json"));
copy(
  join(repoRoot, "grammar", "language-configuration.json"),
  join(extensionDir, "dist", "language-configuration.json"),
);

/** @type {esbuild.BuildOptions} */
const options = {
  absWorkingDir: extensionDir,
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log("extension build: watching src/");
} else {
  await esbuild.build(options);
  const size = (file) => `${(statSync(join(extensionDir, file)).size / 1024).toFixed(0)} KiB`;
  console.log(
    `extension build: dist/extension.js ${size("dist/extension.js")}, server/server.cjs ${size("server/server.cjs")}`,
  );
}
