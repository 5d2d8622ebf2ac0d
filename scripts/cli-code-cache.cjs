// Writes a CLI bundle's code cache (BUNDLE.cache): runs the bundle as the launcher does, compiled
// from its text, with the arguments given (`sla check …` at build time), then saves the bytecode of
// every function that run compiled, headed by the bundle's stamp. Run by scripts/build.mjs in a
// plain `node`: `node scripts/cli-code-cache.cjs BUNDLE ARGS…`.
"use strict";
const { writeFileSync } = require("node:fs");
const launcher = require("../packages/cli/bin/sla.cjs");

const [bundlePath, ...args] = process.argv.slice(2);
const { bytes, source } = launcher.readBundle(bundlePath);
const script = launcher.compileBundle({ source }, bundlePath);
process.argv = [process.argv[0], bundlePath, ...args];
// exit 1 (problems in the contract) still ran the whole check; 2 is a usage, I/O or internal error,
// and an exception nothing caught exits 1 too, after a run that stopped somewhere
let crashed = false;
process.on("uncaughtExceptionMonitor", () => {
  crashed = true;
});
process.on("exit", (code) => {
  if ((code === 0 || code === 1) && !crashed) writeFileSync(`${bundlePath}.cache`, launcher.cacheFile(bytes, script));
  else process.exitCode = 2;
});
launcher.runBundle(script, bundlePath);
