/** `sla check --format json|sarif|github` and `--max-warnings`, as CI tools read them. */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { allDiagnosticDefinitions, diagnosticDocumentationUrl } from "@sla/language";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../src/output/github.ts";
import { CONFORMANCE, REPO, scratch, sla } from "./run.ts";

/** A folder with a fixable error (fixes.sla), a duplicate (related location) and a warning. */
function contracts(): string {
  const dir = scratch();
  copyFileSync(join(CONFORMANCE, "unresolved-reference.sla"), join(dir, "fixes.sla"));
  copyFileSync(join(CONFORMANCE, "duplicate-name.sla"), join(dir, "duplicate.sla"));
  copyFileSync(join(CONFORMANCE, "budget-contradiction.sla"), join(dir, "warning.sla"));
  return dir;
}

/**
 * The SARIF 2.1.0 JSON Schema as @microsoft/jest-sarif ships it (draft-04), read by Ajv 8: the
 * draft-04 `id` becomes `$id`; the schema uses no other keyword whose meaning changed since.
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(
    readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"),
  );
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "file:///base/"));
  ajv.addFormat("date-time", (value: string) => /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)));
  return ajv.compile({ $id: id, ...rest });
}

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");

describe("--format sarif", () => {
  const dir = contracts();
  const run = sla(["check", "--format", "sarif", "."], { cwd: dir });
  const log = JSON.parse(run.stdout);
  const [sarifRun] = log.runs;
  const resultFor = (code: string) => sarifRun.results.find((r: { ruleId: string }) => r.ruleId === code);

  it("validates against the SARIF 2.1.0 JSON Schema", () => {
    expect(run.code).toBe(1);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe("2.1.0");
  });

  it("the validator rejects what SARIF forbids (so the test above means something)", () => {
    const validate = sarifValidator();
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
  });

  it("describes every code of the catalogue as a rule, with its documentation", () => {
    const rules = sarifRun.tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(allDiagnosticDefinitions().map((d) => d.code));
    const unknownName = rules.find((r: { id: string }) => r.id === "SLA2002");
    const definition = allDiagnosticDefinitions().find((d) => d.code === "SLA2002")!;
    expect(unknownName).toMatchObject({
      shortDescription: { text: definition.title },
      helpUri: diagnosticDocumentationUrl("SLA2002"),
      defaultConfiguration: { level: "error" },
    });
    expect(unknownName.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(unknownName.fullDescription.text.length).toBeGreaterThan(definition.title.length);
    expect(unknownName.help.markdown).toMatch(/^## SLA2002: /);
    expect(rules.find((r: { id: string }) => r.id === "SLA6001").defaultConfiguration.level).toBe("warning");
  });

  it("links each rule to its own heading in docs/diagnostics.md", () => {
    const docs = readFileSync(join(REPO, "docs/diagnostics.md"), "utf8");
    const anchors = new Set([...docs.matchAll(/^## (SLA\d+: .*)$/gm)].map((m) => anchorOf(m[1])));
    for (const rule of sarifRun.tool.driver.rules) expect(anchors, rule.id).toContain(rule.helpUri.split("#")[1]);
  });

  it("gives each result its rule, level, region (1-based, end exclusive) and a path from the source root", () => {
    expect(sarifRun.originalUriBaseIds["%SRCROOT%"].uri).toBe(`${pathToFileURL(dir).href}/`);
    const unresolved = resultFor("SLA2002");
    expect(sarifRun.tool.driver.rules[unresolved.ruleIndex].id).toBe("SLA2002");
    expect(unresolved.level).toBe("error");
    expect(unresolved.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "fixes.sla", uriBaseId: "%SRCROOT%" },
      region: { startLine: 25, startColumn: 10, endLine: 25, endColumn: 22 },
    });
    expect(resultFor("SLA6001").level).toBe("warning");
  });

  it("carries related locations and fixes", () => {
    const duplicate = resultFor("SLA2001");
    expect(duplicate.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: "duplicate.sla", uriBaseId: "%SRCROOT%" },
          region: expect.objectContaining({ startLine: 19 }),
        },
        message: { text: "'Avail' is first declared here" },
      },
    ]);
    expect(resultFor("SLA2002").fixes).toEqual([
      {
        description: { text: "Change to 'Avail'" },
        artifactChanges: [
          {
            artifactLocation: { uri: "fixes.sla", uriBaseId: "%SRCROOT%" },
            replacements: [
              {
                deletedRegion: { startLine: 25, startColumn: 10, endLine: 25, endColumn: 22 },
                insertedContent: { text: "Avail" },
              },
            ],
          },
        ],
      },
    ]);
  });

  it("is valid with no results too", () => {
    const clean = sla(["check", "--format", "sarif", "examples/cloud-hosting.sla", "examples/service-desk.sla"]);
    expect(clean.code).toBe(0);
    const validate = sarifValidator();
    const empty = JSON.parse(clean.stdout);
    expect(validate(empty)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
  });
});

describe("an input that cannot be read", () => {
  const dir = contracts();
  writeFileSync(join(dir, "binary.sla"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]));
  const problem = "cannot read binary.sla: it is a binary file, not a contract";

  it("makes the SARIF run unsuccessful, with the reason as a notification", () => {
    const run = sla(["check", "--format", "sarif", "."], { cwd: dir });
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].invocations).toEqual([
      { executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: problem } }] },
    ]);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it("is an annotation in the GitHub format", () => {
    const run = sla(["check", "--format", "github", "."], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout.split("\n")[0]).toBe(`::error title=sla::${problem}`);
  });
});

describe("--format github", () => {
  it("prints one workflow command per diagnostic, notes in the message", () => {
    const dir = contracts();
    const run = sla(["check", "--format", "github", "."], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.every((line) => /^::(error|warning|notice) file=/.test(line))).toBe(true);
    expect(lines).toContain(
      "::error file=fixes.sla,line=25,col=10,endLine=25,endColumn=22,title=SLA2002::No metric named 'Availability' is declared. Did you mean 'Avail'?",
    );
    expect(lines.find((l) => l.includes("title=SLA2001"))).toMatch(
      /^::error file=duplicate\.sla,line=24,.*::'Avail' is already declared as a metric;.*%0Anote: 'Avail' is first declared here \(duplicate\.sla:19:\d+\)$/,
    );
    expect(lines.find((l) => l.includes("title=SLA6001"))).toMatch(/^::warning file=warning\.sla,line=\d+,/);
  });

  it("escapes file names and messages as the runner's parser expects", () => {
    const dir = scratch();
    copyFileSync(join(CONFORMANCE, "budget-contradiction.sla"), join(dir, "odd, name: 100%.sla"));
    const run = sla(["check", "--format", "github", "."], { cwd: dir });
    expect(run.stdout).toMatch(/^::warning file=odd%2C name%3A 100%25\.sla,line=/);
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });
});

describe("--format json", () => {
  it("carries related notes, fixes and a summary", () => {
    const dir = contracts();
    const run = sla(["check", "--format", "json", "."], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ errors: 2, warnings: 2, files: 3 });
    const duplicate = report.diagnostics.find((d: { code: string }) => d.code === "SLA2001");
    expect(duplicate.related).toEqual([
      expect.objectContaining({ file: "duplicate.sla", line: 19, message: "'Avail' is first declared here" }),
    ]);
    const unresolved = report.diagnostics.find((d: { code: string }) => d.code === "SLA2002");
    expect(unresolved.fixes).toEqual([
      {
        title: "Change to 'Avail'",
        preferred: true,
        edits: [{ file: "fixes.sla", line: 25, column: 10, endLine: 25, endColumn: 22, newText: "Avail" }],
      },
    ]);
  });

  it("--quiet leaves warnings out of the list but not out of the summary", () => {
    const dir = contracts();
    const report = JSON.parse(sla(["check", "--format", "json", "--quiet", "."], { cwd: dir }).stdout);
    expect(report.diagnostics.every((d: { severity: string }) => d.severity === "error")).toBe(true);
    expect(report.summary).toEqual({ errors: 2, warnings: 2, files: 3 });
  });
});

describe("--max-warnings", () => {
  const dir = scratch();
  copyFileSync(join(CONFORMANCE, "budget-contradiction.sla"), join(dir, "warning.sla"));

  it("exits 1 when there are more warnings than allowed, as eslint does", () => {
    const run = sla(["check", "--max-warnings", "0", "warning.sla"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("sla: 1 warning, more than the 0 that --max-warnings allows\n");
    expect(sla(["check", "--max-warnings", "0", "--format", "sarif", "warning.sla"], { cwd: dir }).code).toBe(1);
  });

  it("exits 0 when the warnings are within the limit, or with no limit", () => {
    expect(sla(["check", "--max-warnings", "1", "warning.sla"], { cwd: dir }).code).toBe(0);
    expect(sla(["check", "warning.sla"], { cwd: dir }).code).toBe(0);
  });

  it("refuses a limit that is not a whole number (exit 2)", () => {
    const run = sla(["check", "--max-warnings", "few", "warning.sla"], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: "sla: --max-warnings must be a whole number, not 'few'\n" });
  });
});

describe("--format", () => {
  it("refuses an unknown format (exit 2)", () => {
    const run = sla(["check", "--format", "xml", "examples"]);
    expect(run).toMatchObject({
      code: 2,
      stderr: "sla: --format must be one of human, json, sarif, github, not 'xml'\n",
    });
  });
});
