// Bundles the benchmark (Node 20 cannot run TypeScript) and runs it.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";

const options = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  loader: { ".md": "text" },
};
await build({ ...options, entryPoints: ["bench/main.ts"], outfile: "bench/out/bench.cjs" });
await build({ ...options, entryPoints: ["bench/child.ts"], outfile: "bench/out/bench-child.cjs" });
const result = spawnSync(process.execPath, ["--expose-gc", "bench/out/bench.cjs"], { stdio: "inherit" });
process.exit(result.status ?? 1);
