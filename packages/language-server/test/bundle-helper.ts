/** Builds the server bundle as scripts/build.mjs does, into a temporary folder, for tests that run it as a process. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export async function buildServerBundle(): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "sla-ls-bundle-"));
  const file = join(dir, "server.cjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../src/bin.ts", import.meta.url))],
    outfile: file,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    loader: { ".md": "text" },
    define: { __SLA_BUNDLED__: "true" },
    logLevel: "error",
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
