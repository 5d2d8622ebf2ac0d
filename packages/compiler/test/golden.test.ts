import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract, serializeBundle } from "../src/index.ts";
import { checkFile, conformanceDir, errorsOf, exampleFiles, goldenDir } from "./helpers.ts";

const update = process.env.UPDATE_GOLDEN === "1";

/** Every example, and the brief's full example. */
const cases = [...exampleFiles(), { name: "conformance-hosting", path: join(conformanceDir, "hosting.sla") }];

function golden(file: string, actual: string) {
  const path = join(goldenDir, file);
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run packages/compiler`);
  expect(actual, `${file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, "utf8"));
}

describe("golden bundles and contracts", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(1);
  });

  for (const { name, path } of cases) {
    it(name, () => {
      const program = checkFile(path);
      expect(errorsOf(program)).toEqual([]);
      const bundle = compileBundle(program);
      golden(`${name}.rules.json`, serializeBundle(bundle));
      golden(`${name}.md`, renderContract(bundle));
    });
  }
});
