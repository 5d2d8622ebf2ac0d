// Writes the CLI's code cache (packages/cli/dist/sla.cjs.cache): runs the bundle as the launcher
// does, compiled from its text, with the arguments given (`sla check …` at build time), then saves
// the bytecode of every function that run compiled. Run by scripts/build.mjs in a plain `node`.
"use strict";
const { writeFileSync } = require("node:fs");
const launcher = require("../packages/cli/bin/sla.cjs");

const { bytes, source } = launcher.readBundle();
const script = launcher.compileBundle({ source });
process.argv = [process.argv[0], launcher.BUNDLE, ...process.argv.slice(2)];
// exit 1 (problems in the contract) still ran the whole check; 2 is a usage, I/O or internal error
process.on("exit", (code) => {
  if (code === 0 || code === 1) writeFileSync(launcher.CACHE, launcher.cacheFile(bytes, script));
});
launcher.runBundle(script);
