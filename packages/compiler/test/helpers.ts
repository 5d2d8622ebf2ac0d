import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type CheckedProgram, checkProgram, memoryHost, type SourceHost } from "@sla/language";
import Ajv2020Module from "ajv/dist/2020.js";
import { bundleSchema } from "../src/index.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
export const examplesDir = join(repoRoot, "examples");
export const conformanceDir = resolve(repoRoot, "../shared/spec/conformance");
export const goldenDir = join(here, "golden");

/** A host over the file system. */
export const diskHost: SourceHost = {
  readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri), "utf8");
    } catch {
      return undefined;
    }
  },
};

export function checkFile(path: string): CheckedProgram {
  return checkProgram(pathToFileURL(path).href, diskHost);
}

export function checkSource(files: Record<string, string>, root = Object.keys(files)[0]): CheckedProgram {
  return checkProgram(root, memoryHost(files));
}

export function errorsOf(program: CheckedProgram): string[] {
  return program.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.uri}:${d.range.start.line}: ${d.code} ${d.message}`);
}

/** The examples (top level of examples/, not the shared files under examples/common/). */
export function exampleFiles(): { name: string; path: string }[] {
  let names: string[];
  try {
    names = readdirSync(examplesDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".sla"))
    .sort()
    .map((n) => ({ name: n.replace(/\.sla$/, ""), path: join(examplesDir, n) }));
}

/** The conformance files that must check clean (`// expect: clean`), anywhere under conformance/. */
export function cleanConformanceFiles(): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}-`);
      else if (entry.name.endsWith(".sla") && /^\/\/ expect: clean$/m.test(readFileSync(path, "utf8"))) {
        out.push({ name: `conformance-${prefix}${entry.name.replace(/\.sla$/, "")}`, path });
      }
    }
  };
  if (existsSync(conformanceDir)) walk(conformanceDir, "");
  return out;
}

// ajv's CommonJS default export, however the bundler hands it over.
export const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;

/** The bundle JSON Schema's validator, as a consumer of the schema would build it (strict, every error). */
export const validateBundle = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  bundleSchema,
);
