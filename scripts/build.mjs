// Bundles what runs: the `sla` CLI and the language server, each into one CommonJS file, so a
// cold start loads one file. The extension's own build (client + copy of the server) follows.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
// One set of options for everything bundled as it ships (the CLI, the server, the benchmark and the
// tests that spawn a bundle). `__SLA_BUNDLED__` skips Chevrotain's definition-time validation in
// what ships; the tests that import the sources still run it.
import shipped from "./bundle-options.json" with { type: "json" };

const common = { ...shipped, logLevel: "warning" };

await Promise.all([
  build({ ...common, entryPoints: ["packages/cli/src/main.ts"], outfile: "packages/cli/dist/sla.cjs" }),
  build({
    ...common,
    entryPoints: ["packages/language-server/src/bin.ts"],
    outfile: "packages/language-server/dist/server.cjs",
  }),
]);

if (existsSync("extension/scripts/build.mjs")) {
  const result = spawnSync(process.execPath, ["extension/scripts/build.mjs"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
