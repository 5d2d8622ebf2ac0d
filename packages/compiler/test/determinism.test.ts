import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract, serializeBundle } from "../src/index.ts";
import { checkFile, conformanceDir, exampleFiles, repoRoot } from "./helpers.ts";

const cases = [...exampleFiles(), { name: "conformance-hosting", path: join(conformanceDir, "hosting.sla") }];

describe("determinism", () => {
  for (const { name, path } of cases) {
    it(`${name}: compiling twice gives the same bytes`, () => {
      const first = compileBundle(checkFile(path));
      const second = compileBundle(checkFile(path));
      expect(serializeBundle(second)).toBe(serializeBundle(first));
      expect(renderContract(second)).toBe(renderContract(first));
    });

    it(`${name}: the contract depends only on the bundle's JSON`, () => {
      const bundle = compileBundle(checkFile(path));
      const json = serializeBundle(bundle);
      expect(renderContract(JSON.parse(json))).toBe(renderContract(bundle));
      expect(json.endsWith("}\n")).toBe(true);
      expect(json).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no timestamps
    });
  }

  it("hosting.sla compiles to exactly the engine's hand-written fixture", () => {
    const fixture = join(repoRoot, "packages/engine/test/fixtures/hosting.bundle.json");
    const bundle = compileBundle(checkFile(join(conformanceDir, "hosting.sla")));
    expect(serializeBundle(bundle)).toBe(readFileSync(fixture, "utf8").replace(/\n?$/, "\n"));
  });
});
