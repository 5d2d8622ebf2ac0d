/** Builds the server bundle with the options of scripts/build.mjs, into a temporary folder, for tests that run it as a process. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build } from "esbuild";
import shipped from "../../../scripts/bundle-options.json";

export async function buildServerBundle(): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "sla-ls-bundle-"));
  const file = join(dir, "server.cjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../src/bin.ts", import.meta.url))],
    outfile: file,
    ...(shipped as BuildOptions),
    logLevel: "error",
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
