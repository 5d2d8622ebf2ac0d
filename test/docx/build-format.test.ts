/** `sla build --format` with the Word contract: one kind, several separated by commas, and the default. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { part, unzip } from "./zip.ts";

const REPO = resolve(__dirname, "../..");
const SLA = join(REPO, "packages/cli/bin/sla.cjs");
const EXAMPLE = join(REPO, "examples/cloud-hosting.sla");

let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function build(...args: string[]) {
  dir ??= mkdtempSync(join(tmpdir(), "sla-docx-build-"));
  const run = spawnSync(process.execPath, [SLA, "build", ...args], { encoding: "utf8", timeout: 60_000, cwd: REPO });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function fresh(): string {
  dir = mkdtempSync(join(tmpdir(), "sla-docx-build-"));
  return dir;
}

describe("sla build --format", () => {
  it("writes the bundle and the Markdown contract by default, as before, and no Word contract", () => {
    const out = fresh();
    expect(build(EXAMPLE, "--out", out).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["cloud-hosting.md", "cloud-hosting.rules.json"]);
  });

  it("writes the Word contract alone with --format docx", () => {
    const out = fresh();
    const run = build(EXAMPLE, "--out", out, "--format", "docx");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/wrote .*cloud-hosting\.docx\n$/);
    expect(readdirSync(out)).toEqual(["cloud-hosting.docx"]);
    const docx = readFileSync(join(out, "cloud-hosting.docx"));
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    expect(part(unzip(docx), "word/document.xml")).toContain("Nimbus Compute Service Level Agreement");
  });

  it("writes every kind named in a comma-separated list, in one order whatever order they are named in", () => {
    const out = fresh();
    const run = build(EXAMPLE, "--out", out, "--format", "docx, md,json");
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((line) => line.replace(/^wrote .*\//, "")),
    ).toEqual(["cloud-hosting.rules.json", "cloud-hosting.md", "cloud-hosting.docx"]);
    // The same contract gives the same bytes, so a rebuild changes no file.
    const first = readFileSync(join(out, "cloud-hosting.docx"));
    expect(build(EXAMPLE, "--out", out, "--format", "docx").code).toBe(0);
    expect(readFileSync(join(out, "cloud-hosting.docx")).equals(first)).toBe(true);
  });

  it("refuses an unknown or empty kind with exit 2 and writes nothing", () => {
    const out = fresh();
    for (const format of ["pdf", "json,,md", "md,word", ""]) {
      const run = build(EXAMPLE, "--out", out, "--format", format);
      expect(run.code, format).toBe(2);
      expect(run.stderr).toMatch(/--format takes json, md or docx, or several separated by commas/);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it("writes nothing when the contract has errors", () => {
    const out = fresh();
    const broken = join(out, "broken.sla");
    writeFileSync(
      broken,
      'agreement A "A" { timezone "UTC" }\nobjective O { metric Missing target at least 99% per calendar month }\n',
    );
    const run = build(broken, "--format", "json,md,docx");
    expect(run.code).toBe(1);
    expect(readdirSync(out)).toEqual(["broken.sla"]);
  });

  it("leaves every output as it was when the Word contract cannot be written", () => {
    const out = fresh();
    writeFileSync(join(out, "cloud-hosting.md"), "the previous draft\n");
    mkdirSync(join(out, "cloud-hosting.docx"));
    const run = build(EXAMPLE, "--out", out, "--format", "md,docx");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*cloud-hosting\.docx/);
    expect(readFileSync(join(out, "cloud-hosting.md"), "utf8")).toBe("the previous draft\n");
  });

  it("ships the licences of docx and of the packages its build inlines (fflate, nanoid)", () => {
    const notices = readFileSync(join(REPO, "packages/cli/dist/THIRD-PARTY-NOTICES.txt"), "utf8");
    for (const name of ["docx", "fflate", "nanoid"])
      expect(notices).toMatch(new RegExp(`^${name} \\S+ \\(MIT\\)$`, "m"));
  });
});
