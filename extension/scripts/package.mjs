// Packages the extension into a .vsix with @vscode/vsce, offline, as the Marketplace and Open VSX
// take it: with its repository, licence, changelog and README (whose images are files inside the
// package, linked by relative paths that vsce leaves as they are).
// Usage: node extension/scripts/package.mjs [--out FILE] [--skip-build]
// (default FILE: extension/sla-vscode.vsix). `.vscodeignore` decides what goes in.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : resolve(extensionDir, "sla-vscode.vsix");

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: extensionDir, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!args.includes("--skip-build")) run(process.execPath, [resolve(extensionDir, "scripts", "build.mjs")]);
const vsce = resolve(extensionDir, "..", "node_modules", "@vscode", "vsce", "vsce");
// --no-dependencies: the bundles hold everything (no node_modules, no npm call: offline).
// --no-rewrite-relative-links: README images stay relative paths into the package, not addresses
// in a repository that vsce would guess from the manifest.
run(process.execPath, [vsce, "package", "--no-dependencies", "--no-rewrite-relative-links", "--out", out]);
console.log(`packaged ${out}`);
