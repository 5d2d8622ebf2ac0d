// Bundles the benchmark (Node 20 cannot run TypeScript) and runs it.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import shipped from "../scripts/bundle-options.json" with { type: "json" };

// measured as it ships
const options = { ...shipped, logLevel: "warning" };
await build({ ...options, entryPoints: ["bench/main.ts"], outfile: "bench/out/bench.cjs" });
await build({ ...options, entryPoints: ["bench/child.ts"], outfile: "bench/out/bench-child.cjs" });
const result = spawnSync(process.execPath, ["--expose-gc", "bench/out/bench.cjs"], { stdio: "inherit" });
process.exit(result.status ?? 1);
