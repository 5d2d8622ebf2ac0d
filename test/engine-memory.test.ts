/**
 * The engine streams: records outside the evaluated window are dropped as they are read, so a
 * long file needs no more memory than a short one. Proven without timing: the engine runs in a
 * child process whose old-generation heap is capped far below what keeping the records would take.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuildOptions, build } from "esbuild";
import { describe, expect, it } from "vitest";
import { generateEvents } from "../bench/generate.ts";
import shipped from "../scripts/bundle-options.json";

describe("engine memory", () => {
  it("evaluates 300,000 records of other months in a 40 MB heap", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-engine-memory-"));
    try {
      const events = join(dir, "events.ndjson");
      const stream = createWriteStream(events);
      for (const line of generateEvents(300_000)) {
        if (!stream.write(`${line}\n`)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
      }
      await new Promise<void>((resolve) => stream.end(() => resolve()));
      const script = join(dir, "child.cjs");
      await build({
        stdin: {
          contents: `
            const { readFileSync } = require("node:fs");
            const { evaluate } = require("./packages/engine/src/index.ts");
            const { readEventsFile } = require("./packages/engine/src/node.ts");
            const { compileBundle } = require("./packages/compiler/src/index.ts");
            const { checkProgram, memoryHost } = require("./packages/language/src/index.ts");
            const uri = "file:///hosting.sla";
            const text = readFileSync("../shared/spec/conformance/hosting.sla", "utf8");
            const bundle = compileBundle(checkProgram(uri, memoryHost({ [uri]: text })));
            evaluate(bundle, readEventsFile(process.argv[2]), { from: "2025-06" }).then((reports) => {
              process.stdout.write(JSON.stringify(reports[0].data));
            });`,
          resolveDir: process.cwd(),
          loader: "ts",
        },
        ...(shipped as BuildOptions),
        outfile: script,
        logLevel: "silent",
      });
      const run = spawnSync(process.execPath, ["--max-old-space-size=40", script, events], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ records: 300_000, used: 0, ignored: 300_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
