// Builds the VS Code extension in place, ready for `vsce package`:
//   dist/extension.js                  the client, bundled with esbuild (vscode stays external)
//   dist/syntaxes/sla.tmLanguage.json  the TextMate grammar, from grammar/
//   dist/language-configuration.json   the language configuration, from grammar/
//   dist/sla-rules.schema.json         the rule bundle's JSON Schema, from packages/bundle/schema/
//   server/server.cjs                  the bundled language server, from packages/language-server/dist/
//   server/sla.cjs                     the bundled CLI (tasks, New Contract), from packages/cli/dist/
//   server/*.LEGAL.txt                 the legal comments esbuild moved out of the bundles
//   server/THIRD-PARTY-NOTICES.txt     the licences of the third-party code in both bundles
//   LICENSE                            the repository's licence
// snippets/sla.json is checked to be the language definition's snippets (a stale file stops the build).
// The bundles must have been built first (the root `node scripts/build.mjs`).
// Usage: node extension/scripts/build.mjs [--watch]

import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(extensionDir, "..");
const watch = process.argv.includes("--watch");

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const serverDist = join(repoRoot, "packages", "language-server", "dist");
const cliDist = join(repoRoot, "packages", "cli", "dist");
const languageDist = join(repoRoot, "packages", "language", "dist", "index.js");
for (const bundle of [join(serverDist, "server.cjs"), join(cliDist, "sla.cjs"), languageDist]) {
  if (!existsSync(bundle)) {
    console.error(
      `extension build: ${relative(repoRoot, bundle)} is missing; build the bundles first (node scripts/build.mjs).`,
    );
    process.exit(1);
  }
}
// each bundle with the legal comments esbuild linked out of it
for (const [dist, name] of [
  [serverDist, "server.cjs"],
  [cliDist, "sla.cjs"],
]) {
  copy(join(dist, name), join(extensionDir, "server", name));
  if (existsSync(join(dist, `${name}.LEGAL.txt`))) {
    copy(join(dist, `${name}.LEGAL.txt`), join(extensionDir, "server", `${name}.LEGAL.txt`));
  }
}
// Both bundles' notices in one file (each lists the packages inside its bundle).
const notices = [join(serverDist, "THIRD-PARTY-NOTICES.txt"), join(cliDist, "THIRD-PARTY-NOTICES.txt")]
  .filter((file) => existsSync(file))
  .map((file) => readFileSync(file, "utf8").trimEnd());
writeFileSync(join(extensionDir, "server", "THIRD-PARTY-NOTICES.txt"), `${notices.join("\n\n")}\n`);
copy(join(repoRoot, "LICENSE"), join(extensionDir, "LICENSE"));
// One schema: written from @sla/bundle's definition (a test keeps the file current); the extension
// ships a copy for VS Code's JSON validation.
const schema = join(repoRoot, "packages", "bundle", "schema", "sla-rules.schema.json");
JSON.parse(readFileSync(schema, "utf8"));
copy(schema, join(extensionDir, "dist", "sla-rules.schema.json"));

// The snippets are generated from the language's definition (a test keeps the file current); a
// stale file would ship snippets the server's completions no longer match, so it stops the build.
const { vscodeSnippetFile } = await import(pathToFileURL(languageDist).href);
const snippetFile = join(extensionDir, "snippets", "sla.json");
const snippets = JSON.parse(readFileSync(snippetFile, "utf8"));
const wantedSnippets = vscodeSnippetFile();
if (JSON.stringify(snippets) !== JSON.stringify(wantedSnippets)) {
  console.error(
    "extension build: snippets/sla.json is not the language definition's snippets; regenerate it with\n" +
      "  UPDATE_SNIPPETS=1 npx vitest run extension/test/snippets.test.ts && npx biome format --write extension/snippets/sla.json",
  );
  process.exit(1);
}

// The grammar and configuration must be valid JSON: VS Code silently ignores a broken grammar.
for (const name of ["sla.tmLanguage.json", "language-configuration.json"]) {
  JSON.parse(readFileSync(join(repoRoot, "grammar", name), "utf8"));
}
// The grammar's keyword patterns are generated from the definition too; a stale grammar would
// colour a new keyword as a name.
const { withDefinitionKeywords } = await import(pathToFileURL(languageDist).href);
const grammarFile = JSON.parse(readFileSync(join(repoRoot, "grammar", "sla.tmLanguage.json"), "utf8"));
if (JSON.stringify(grammarFile) !== JSON.stringify(withDefinitionKeywords(grammarFile))) {
  console.error(
    "extension build: grammar/sla.tmLanguage.json's keyword patterns are not the language definition's; regenerate them with\n" +
      "  UPDATE_GRAMMAR=1 npx vitest run grammar/test/generated.test.ts",
  );
  process.exit(1);
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
  legalComments: "linked", // dist/extension.js.LEGAL.txt: the notices of markdown-it and vscode-languageclient
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
