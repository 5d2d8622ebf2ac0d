// Packages the extension into a .vsix with @vscode/vsce, offline.
// Usage: node extension/scripts/package.mjs [--out FILE] [--skip-build]
// (default FILE: extension/sla-vscode.vsix). `.vscodeignore` decides what goes in.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
// The .vsix carries no screenshot, so its README leaves out the images that only the repository has.
const readme = readFileSync(resolve(extensionDir, "README.md"), "utf8").replace(
  /^!\[[^\]]*\]\(images\/[^)]*\)\n\n?/gm,
  "",
);
const packagedReadme = resolve(extensionDir, "dist", "README.md");
mkdirSync(dirname(packagedReadme), { recursive: true });
writeFileSync(packagedReadme, readme);
const vsce = resolve(extensionDir, "..", "node_modules", "@vscode", "vsce", "vsce");
run(process.execPath, [
  vsce,
  "package",
  "--no-dependencies",
  "--allow-missing-repository",
  "--skip-license",
  "--no-rewrite-relative-links",
  "--readme-path",
  "dist/README.md",
  "--out",
  out,
]);
console.log(`packaged ${out}`);
