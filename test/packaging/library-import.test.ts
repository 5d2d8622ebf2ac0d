/**
 * The libraries as a tool author gets them: `npm pack` of @sla/language, @sla/bundle,
 * @sla/compiler, @sla/engine and @sla/node, installed into a scratch project offline with a cold cache (their
 * third-party dependencies packed from the repository's node_modules), then used from plain Node
 * ESM (every example of docs/api.md, output compared), from TypeScript (the declarations), and from
 * a browser bundle run with no Node globals at all.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, REPO, run } from "./npm.ts";

const LIBRARIES = ["language", "bundle", "compiler", "engine", "node"];
const CONFORMANCE = join(REPO, "../shared/spec/conformance");

let root: string;
let app: string;
let env: NodeJS.ProcessEnv;
let tarballs: { name: string; filename: string; files: { path: string }[] }[];

// `import … from "x"`, `export … from "x"`, `import "x"` at the start of a statement, and `import("x")` types
const IMPORT_SPECIFIER = /(^(?:import|export)\b[^;"]*?\bfrom\s*|^import\s*|\bimport\()"([^"]+)"/gm;

function manifestOf(folder: string): { name: string; version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
}

/** The folder Node would load `name` from, looking up from `from` as require does. */
function packageFolder(name: string, from: string): string {
  for (let dir = from; ; dir = join(dir, "..")) {
    const candidate = join(dir, "node_modules", name);
    try {
      manifestOf(candidate);
      return candidate;
    } catch {
      if (dir === "/" || dir === join(dir, "..")) throw new Error(`${name} is not installed above ${from}`);
    }
  }
}

/** Every third-party package the libraries need at run time, found through the repository's node_modules. */
function thirdPartyFolders(): string[] {
  const folders = new Map<string, string>();
  const visit = (from: string, dependencies: Record<string, string> = {}) => {
    for (const name of Object.keys(dependencies)) {
      if (name.startsWith("@sla/")) continue;
      const folder = packageFolder(name, from);
      if (folders.has(folder)) continue;
      folders.set(folder, name);
      visit(folder, manifestOf(folder).dependencies);
    }
  };
  for (const name of LIBRARIES)
    visit(join(REPO, "packages", name), manifestOf(join(REPO, "packages", name)).dependencies);
  return [...folders.keys()];
}

function node(file: string): string {
  return run(process.execPath, [file], { cwd: app, env });
}

describe("the packed libraries in a scratch project", { timeout: 240_000 }, () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "sla-library-import-"));
    const packs = join(root, "packs");
    app = join(root, "app");
    mkdirSync(app);
    mkdirSync(join(root, "tmp"));
    mkdirSync(packs);
    env = { ...isolatedEnv(join(root, "home")), TMPDIR: join(root, "tmp") };
    const workspaces = LIBRARIES.flatMap((name) => ["-w", `packages/${name}`]);
    tarballs = JSON.parse(
      run("npm", ["pack", ...workspaces, "--pack-destination", packs, "--json"], { cwd: REPO, env }),
    );
    run("npm", ["pack", ...thirdPartyFolders(), "--pack-destination", packs, "--ignore-scripts"], { cwd: root, env });
    const dependencies: Record<string, string> = {};
    for (const name of readdirNames(packs)) dependencies[tarballName(join(packs, name))] = `file:../packs/${name}`;
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "scratch", private: true, type: "module", dependencies }, null, 2),
    );
    run("npm", ["install", "--offline", "--ignore-scripts"], { cwd: app, env });
  }, 240_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("packs each library's built modules, declarations and licence, not its sources", () => {
    expect(tarballs.map((t) => t.name).sort()).toEqual([
      "@sla/bundle",
      "@sla/compiler",
      "@sla/engine",
      "@sla/language",
      "@sla/node",
    ]);
    for (const tarball of tarballs) {
      const files = tarball.files.map((file) => file.path);
      expect(files).toEqual(
        expect.arrayContaining(["LICENSE", "package.json", "dist/index.js", "dist/types/index.d.ts"]),
      );
      expect(
        files.filter((path) => !path.startsWith("dist/") && path !== "LICENSE" && path !== "package.json"),
      ).toEqual([]);
    }
  });

  it("declares as a dependency every package its modules and declarations import", () => {
    for (const name of LIBRARIES) {
      const folder = join(app, "node_modules", "@sla", name);
      const declared = Object.keys(manifestOf(folder).dependencies ?? {});
      const imported = new Set<string>();
      for (const file of readdirSync(join(folder, "dist"), { recursive: true }) as string[]) {
        if (!/\.(js|d\.ts)$/.test(file)) continue;
        const text = readFileSync(join(folder, "dist", file), "utf8");
        for (const [, , specifier] of text.matchAll(IMPORT_SPECIFIER)) {
          if (!specifier.startsWith(".") && !specifier.startsWith("node:"))
            imported.add(specifier.replace(/^((?:@[^/]+\/)?[^/]+).*$/, "$1"));
        }
      }
      expect(declared, `@sla/${name}`).toEqual(expect.arrayContaining([...imported]));
    }
  });

  it("runs every example of docs/api.md from plain Node ESM and prints what the page shows", () => {
    const page = readFileSync(join(REPO, "docs/api.md"), "utf8");
    const examples = [...page.matchAll(/```js\n([\s\S]*?)```\n\nIt prints:\n\n```text\n([\s\S]*?)```/g)];
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.length).toBe(page.split("```js\n").length - 1);
    examples.forEach(([, code, output], index) => {
      const file = join(app, `example-${index + 1}.mjs`);
      writeFileSync(file, code);
      expect(node(file).trimEnd(), `example ${index + 1} of docs/api.md`).toBe(output.trimEnd());
    });
  });

  it("type-checks a TypeScript consumer against the shipped declarations", () => {
    writeFileSync(
      join(app, "consumer.ts"),
      `import { checkProgram, memoryHost, type Diagnostic } from "@sla/language";
import { compileBundle, renderContract, type RuleBundle } from "@sla/compiler";
import { evaluate, type EvaluationReport } from "@sla/engine";
import { readEventsFile } from "@sla/engine/node";
import { FileError } from "@sla/node";
const uri = "file:///a.sla";
const program = checkProgram(uri, memoryHost({ [uri]: "" }));
export const diagnostics: Diagnostic[] = program.diagnostics;
const bundle: RuleBundle = compileBundle(program);
export const markdown: string = renderContract(bundle);
export const reports: Promise<EvaluationReport[]> = evaluate(bundle, readEventsFile("e.ndjson"), { from: "2026-03" });
// @ts-expect-error the options need the first month: the declarations are real types, not any
evaluate(bundle, [], {});
export const isFileError = (error: unknown): error is FileError => error instanceof FileError;
`,
    );
    const tsc = join(REPO, "node_modules/typescript/bin/tsc");
    const strict = [
      "--strict",
      "--noEmit",
      "--target",
      "es2022",
      "--types",
      "node",
      "--typeRoots",
      join(REPO, "node_modules/@types"),
    ];
    run(process.execPath, [tsc, ...strict, "--module", "esnext", "--moduleResolution", "bundler", "consumer.ts"], {
      cwd: app,
      env,
    });
    run(
      process.execPath,
      [tsc, ...strict, "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", "consumer.ts"],
      { cwd: app, env },
    );
  });

  it("bundles @sla/language, @sla/compiler and @sla/engine for a browser and runs them with no Node globals", async () => {
    writeFileSync(
      join(app, "browser.mjs"),
      `import { checkProgram, memoryHost } from "@sla/language";
import { compileBundle, renderContract } from "@sla/compiler";
import { evaluate, ndjsonEvents } from "@sla/engine";
globalThis.evaluateContract = async (text, lines) => {
  const uri = "file:///hosting.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const bundle = compileBundle(program);
  const [report] = await evaluate(bundle, ndjsonEvents(lines), { from: "2026-03" });
  return { diagnostics: program.diagnostics.length, heading: renderContract(bundle).split("\\n")[0], uptime: report.objectives[0] };
};
`,
    );
    const result = await build({
      absWorkingDir: app,
      entryPoints: ["browser.mjs"],
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    const context = vm.createContext({});
    expect(vm.runInContext("typeof process + typeof require + typeof Buffer", context)).toBe(
      "undefinedundefinedundefined",
    );
    vm.runInContext(result.outputFiles[0].text, context);
    const contract = readFileSync(join(CONFORMANCE, "hosting.sla"), "utf8");
    const lines = readFileSync(join(CONFORMANCE, "evaluation/hosting-2026-03.ndjson"), "utf8").split("\n");
    const outcome = await context.evaluateContract(contract, lines);
    const expected = JSON.parse(readFileSync(join(CONFORMANCE, "evaluation/hosting-2026-03.case.json"), "utf8"));
    expect(outcome.diagnostics).toBe(0);
    expect(outcome.heading).toBe("# Managed Hosting Service Level Agreement");
    expect(outcome.uptime).toMatchObject(expected.expect.objectives[0]);
  });

  it("lets a bundler leave Chevrotain and the parser out of an app that only evaluates bundles", async () => {
    writeFileSync(join(app, "evaluate-only.mjs"), `export { evaluate, validateBundle } from "@sla/engine";\n`);
    const { metafile } = await build({
      absWorkingDir: app,
      entryPoints: ["evaluate-only.mjs"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => input.includes("@sla/engine/"))).toBe(true);
    expect(inputs.filter((input) => /chevrotain|@sla\/compiler\//.test(input))).toEqual([]);
  });

  it("refuses to bundle the Node-only entry points for a browser", async () => {
    for (const entry of ["@sla/engine/node", "@sla/node"]) {
      writeFileSync(join(app, "node-only.mjs"), `export * from "${entry}";\n`);
      await expect(
        build({
          absWorkingDir: app,
          entryPoints: ["node-only.mjs"],
          bundle: true,
          platform: "browser",
          write: false,
          logLevel: "silent",
        }),
        entry,
      ).rejects.toThrow(/node:fs/);
    }
  });
});

function readdirNames(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith(".tgz"));
}

/** The name in a tarball's package.json (a third-party tarball's file name does not say where the scope ends). */
function tarballName(file: string): string {
  return JSON.parse(run("tar", ["-xzOf", file, "package/package.json"], { cwd: root, env })).name;
}
