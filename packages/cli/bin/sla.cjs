#!/usr/bin/env node
// The `sla` command: the esbuild bundle does the work, so a cold start loads one file.
try {
  require("../dist/sla.cjs");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("dist/sla.cjs")) {
    process.stderr.write("sla: the CLI is not built yet; run `npm run build` in the repository\n");
    process.exit(2);
  }
  throw error;
}
