/**
 * The editor contributions beyond the language: settings passed to the server, the walkthrough,
 * semantic token scopes, the bundle schema, the problem matcher and the task definition — each
 * checked against what it must agree with (the server, the grammar, the CLI's real output).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE_SCHEMA_ID } from "@sla/compiler";
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../packages/language-server/src/context.ts";
import { SEMANTIC_TOKENS_LEGEND } from "../../packages/language-server/src/features/semantic-tokens.ts";
import { BUILD_FORMATS, DEFAULT_BUILD_FORMATS } from "../../packages/language-server/src/protocol.ts";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(extensionDir, "..");
const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
const { contributes } = manifest;
const source = (file: string) => readFileSync(join(extensionDir, "src", file), "utf8");

describe("build formats", () => {
  const setting = contributes.configuration.properties["sla.build.formats"];
  it("offer what sla/build writes, with its default", () => {
    expect(setting.items.enum).toEqual([...BUILD_FORMATS]);
    expect(setting.items.enumDescriptions).toHaveLength(BUILD_FORMATS.length);
    expect(setting.default).toEqual([...DEFAULT_BUILD_FORMATS]);
  });

  it("are read by the Build commands and sent with sla/build", () => {
    const build = source("build.ts");
    expect(build).toContain('getConfiguration("sla.build", target)');
    expect(build).toContain('configuration.get<unknown>("formats")');
    expect(build).toMatch(/sendRequest<BuildResult>\(BUILD_REQUEST, \{ uri: target\.toString\(\), formats \}\)/);
  });
});

describe("Marketplace fields", () => {
  it("names the repository, licence, publisher, icon and changelog", () => {
    expect(manifest.repository.url).toMatch(/^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    expect(manifest.license).toBe("MIT");
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(existsSync(join(extensionDir, manifest.icon))).toBe(true);
    expect(readFileSync(join(extensionDir, "CHANGELOG.md"), "utf8")).toContain(`## ${manifest.version}`);
  });
});

describe("server settings", () => {
  const properties = contributes.configuration.properties;
  it("offer the server's options with the server's defaults", () => {
    expect(properties["sla.server.checkWorkspace"]).toMatchObject({
      type: "boolean",
      default: DEFAULT_OPTIONS.checkWorkspace,
    });
    expect(properties["sla.server.debounceMs"]).toMatchObject({ type: "integer", default: DEFAULT_OPTIONS.debounceMs });
    expect(properties["sla.evaluation.eventsFile"]).toMatchObject({
      type: "string",
      default: DEFAULT_OPTIONS.eventsFile,
    });
  });

  it("are passed to the server under the names of its options", () => {
    const client = source("extension.ts");
    const body = client.slice(
      client.indexOf("export function serverSettings"),
      client.indexOf("function createClient"),
    );
    const passed = [...body.matchAll(/^\s{4}(\w+):/gm)].map((m) => m[1]).sort();
    expect(passed).toEqual(Object.keys(DEFAULT_OPTIONS).sort());
    expect(body).toContain('get<boolean>("server.checkWorkspace"');
    expect(body).toContain('get<number>("server.debounceMs"');
    expect(body).toContain('get<string>("evaluation.eventsFile"');
    expect(client).toContain("initializationOptions: () => serverSettings()");
  });
});

describe("walkthrough", () => {
  const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
  const [walkthrough] = contributes.walkthroughs;
  it("goes from a new contract to a check, the preview and the build", () => {
    expect(walkthrough.steps.map((s: { id: string }) => s.id)).toEqual(["newContract", "check", "preview", "build"]);
  });
  it("has media for every step, and buttons that run the extension's commands", () => {
    for (const step of walkthrough.steps) {
      expect(existsSync(join(extensionDir, step.media.markdown)), step.id).toBe(true);
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      expect(linked.length, step.id).toBe(1);
      for (const command of linked) expect(commands.has(command), command).toBe(true);
      for (const event of step.completionEvents) expect(commands.has(event.replace(/^onCommand:/, ""))).toBe(true);
    }
  });
});

describe("semantic token scopes", () => {
  const grammar = readFileSync(join(repoRoot, "grammar", "sla.tmLanguage.json"), "utf8");
  const [{ language, scopes }] = contributes.semanticTokenScopes;
  it("map every token type the server sends to a scope of the grammar", () => {
    expect(language).toBe("sla");
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) expect(scopes[type], type).toBeDefined();
    for (const [selector, list] of Object.entries(scopes as Record<string, string[]>)) {
      for (const scope of list) expect(grammar, `${selector} → ${scope}`).toContain(`"name": "${scope}"`);
    }
  });
  it("give declared names the scope the grammar gives them", () => {
    for (const type of ["namespace", "class", "enum", "struct", "property", "function", "event"]) {
      expect(scopes[`${type}.declaration`]).toEqual(["entity.name.type.sla"]);
    }
  });
});

describe("rule bundle schema", () => {
  it("validates *.rules.json with the schema the build copies into the extension", () => {
    expect(contributes.jsonValidation).toEqual([{ fileMatch: "*.rules.json", url: "./dist/sla-rules.schema.json" }]);
    expect(readFileSync(join(extensionDir, "scripts", "build.mjs"), "utf8")).toContain(
      '"packages", "bundle", "schema", "sla-rules.schema.json"',
    );
  });
  it("answers for the URN every bundle names as its $schema", () => {
    expect(source("schema.ts")).toContain(`BUNDLE_SCHEMA_URI = "${BUNDLE_SCHEMA_ID}"`);
    expect(manifest.activationEvents).toContain("onLanguage:json");
  });
});

describe("sla tasks and the $sla problem matcher", () => {
  const [matcher] = contributes.problemMatchers;
  const pattern = new RegExp(matcher.pattern.regexp);

  it("define the task type the provider registers, with the matcher it uses", () => {
    const [definition] = contributes.taskDefinitions;
    expect(definition.type).toBe("sla");
    expect(definition.required).toEqual(["command", "file"]);
    const tasks = source("tasks.ts");
    expect(tasks).toContain('TASK_TYPE = "sla"');
    expect(tasks).toContain(`"$${matcher.name}"`);
  });

  it("read the problems from what sla build really prints", () => {
    const cli = join(repoRoot, "packages", "cli", "dist", "sla.cjs");
    if (!existsSync(cli)) throw new Error("packages/cli/dist/sla.cjs is missing: run node scripts/build.mjs");
    const folder = mkdtempSync(join(tmpdir(), "sla-matcher-"));
    try {
      writeFileSync(join(folder, "broken.sla"), 'agreement A "A" {}\nobjective X {\n  metric Nope\n}\n');
      const run = spawnSync(process.execPath, [cli, "build", "broken.sla", "--no-color"], {
        cwd: folder,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      });
      expect(run.status).toBe(1);
      const problems = `${run.stdout}${run.stderr}`
        .split("\n")
        .map((line) => pattern.exec(line))
        .filter((m) => m !== null)
        .map((m) => ({
          file: m[matcher.pattern.file],
          line: Number(m[matcher.pattern.line]),
          column: Number(m[matcher.pattern.column]),
          severity: m[matcher.pattern.severity],
          code: m[matcher.pattern.code],
        }));
      expect(problems).toContainEqual({ file: "broken.sla", line: 3, column: 10, severity: "error", code: "SLA2002" });
      expect(problems.every((p) => p.file === "broken.sla")).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
