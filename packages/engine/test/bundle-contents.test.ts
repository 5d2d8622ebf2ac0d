import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import shipped from "../../../scripts/bundle-options.json" with { type: "json" };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The source files esbuild puts into a bundle of `entry`, with the options everything ships with. */
async function inputsOf(entry: string): Promise<string[]> {
  const { metafile } = await build({
    ...(shipped as object),
    absWorkingDir: repoRoot,
    entryPoints: [join("packages/engine/src", entry)],
    outfile: "engine.cjs",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(metafile.inputs);
}

// The AST's declarations (WEEKDAYS) may come along; the lexer, grammar and parser may not.
const PARSER = /packages\/language\/src\/syntax\/(?!ast\.ts$)/;

describe("the engine's bundle", () => {
  for (const entry of ["index.ts", "node.ts"]) {
    it(`of ${entry} carries neither Chevrotain, the parser nor the compiler`, async () => {
      const inputs = await inputsOf(entry);
      expect(inputs.some((input) => input.includes("packages/engine/src/"))).toBe(true);
      expect(inputs.filter((input) => /chevrotain/.test(input))).toEqual([]);
      expect(inputs.filter((input) => PARSER.test(input))).toEqual([]);
      expect(inputs.filter((input) => input.includes("packages/compiler/"))).toEqual([]);
    });
  }

  it("would notice the parser: a bundle of @sla/language's main entry carries it", async () => {
    const { metafile } = await build({
      ...(shipped as object),
      absWorkingDir: repoRoot,
      stdin: { contents: 'export { parse } from "@sla/language";', resolveDir: repoRoot, loader: "ts" },
      outfile: "language.cjs",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => /chevrotain/.test(input))).toBe(true);
    expect(inputs.some((input) => PARSER.test(input))).toBe(true);
  });
});
