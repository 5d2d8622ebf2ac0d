/** `sla diff`: two files, a git revision (with imports read from the revision), every format, and the exit codes. */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { part, unzip } from "../../../test/docx/zip.ts";
import { REPO, scratch, sla } from "./run.ts";

const EXAMPLE = readFileSync(join(REPO, "examples/cloud-hosting.sla"), "utf8");
const NEW = EXAMPLE.replace("claim within 60 days", "claim within 30 days").replace(
  "credit 30% of monthly fee when below 99.0%",
  "credit 30% of monthly fee when below 99.0%\n  credit 50% of monthly fee when below 97.0%",
);

let dir: string;
beforeAll(() => {
  dir = scratch();
  writeFileSync(join(dir, "old.sla"), EXAMPLE);
  writeFileSync(join(dir, "new.sla"), NEW);
  writeFileSync(join(dir, "reformatted.sla"), `// reformatted\n${EXAMPLE.replace(/\n/g, "\n\n")}`);
});

describe("sla diff OLD NEW", () => {
  it("prints the changes in the contract's words and exits 0", () => {
    const run = sla(["diff", "old.sla", "new.sla"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "A credit tier of 50% below 97.0% is added to “Service credits”.\nThe claim period of “Service credits” is shortened from 60 to 30 days.\n",
    );
  });

  it("--exit-code: 1 with changes, 0 without; reformatting is no change", () => {
    expect(sla(["diff", "old.sla", "new.sla", "--exit-code"], { cwd: dir }).code).toBe(1);
    const same = sla(["diff", "old.sla", "reformatted.sla", "--exit-code"], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe("No changes to what the contract says.\n");
  });

  it("--format json is a list of typed changes", () => {
    const run = sla(["diff", "old.sla", "new.sla", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(0);
    const changes = JSON.parse(run.stdout);
    expect(changes.map((c: { kind: string; path: string }) => [c.kind, c.path])).toEqual([
      ["tier-added", "remedies.UptimeCredits.credits[below 97.0%]"],
      ["claim-period", "remedies.UptimeCredits.claimWithin"],
    ]);
    expect(changes[1]).toMatchObject({ before: { text: "60 days" }, after: { text: "30 days" } });
  });

  it("--format md is a bulleted list", () => {
    const run = sla(["diff", "old.sla", "new.sla", "--format", "md"], { cwd: dir });
    expect(run.stdout).toBe(
      "- A credit tier of 50% below 97.0% is added to *Service credits*.\n- The claim period of *Service credits* is shortened from 60 to 30 days.\n",
    );
  });

  it("--format docx writes a redline with tracked changes", () => {
    const run = sla(["diff", "old.sla", "new.sla", "--format", "docx", "--author", "Counsel"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("wrote new.redline.docx (2 changes)\n");
    const xml = part(unzip(readFileSync(join(dir, "new.redline.docx"))), "word/document.xml");
    expect(xml).toMatch(
      /<w:del w:id="\d+" w:author="Counsel"[^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText xml:space="preserve">60<\/w:delText>/,
    );
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="Counsel"[^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">30<\/w:t>/,
    );
    const out = sla(["diff", "old.sla", "new.sla", "--format", "docx", "-o", "r.docx"], { cwd: dir });
    expect(out.stdout).toBe("wrote r.docx (2 changes)\n");
  });

  it("a contract with errors is reported with file:line:col and exits 1", () => {
    writeFileSync(join(dir, "broken.sla"), EXAMPLE.replace("metric RegionUptime\n", "metric RegionUptme\n"));
    const run = sla(["diff", "old.sla", "broken.sla"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^broken\.sla:\d+:\d+ - error SLA\d+/m);
    expect(run.stderr).toContain("no comparison: a contract has errors");
  });

  it("usage and I/O errors exit 2", () => {
    expect(sla(["diff", "old.sla", "new.sla", "--format", "pdf"], { cwd: dir })).toMatchObject({ code: 2 });
    expect(sla(["diff", "old.sla"], { cwd: dir }).stderr).toContain("name the new contract too");
    expect(sla(["diff", "old.sla", "missing.sla"], { cwd: dir }).code).toBe(2);
    expect(sla(["diff", "missing.sla", "new.sla"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: cannot read missing.sla: no such file\n",
    });
    // the scratch folder is not in a git repository
    expect(sla(["diff", "HEAD", "new.sla"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: HEAD is not a file, and this folder is not in a git repository\n",
    });
    expect(sla(["diff", "old.sla", "new.sla", "--out", "x.docx"], { cwd: dir }).code).toBe(2);
  });
});

describe("sla diff REV [FILE]", () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
      cwd: repo,
      encoding: "utf8",
    });

  beforeAll(() => {
    repo = scratch();
    mkdirSync(join(repo, "contracts/common"), { recursive: true });
    cpSync(join(REPO, "examples/it-outsourcing.sla"), join(repo, "contracts/outsourcing.sla"));
    cpSync(join(REPO, "examples/common/uk-calendar.sla"), join(repo, "contracts/common/uk-calendar.sla"));
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    // the import changes too: the old version must be read with the old import
    const calendar = join(repo, "contracts/common/uk-calendar.sla");
    writeFileSync(
      calendar,
      readFileSync(calendar, "utf8").replace("monday to friday 09:00 to 17:30", "monday to friday 09:00 to 18:00"),
    );
    const contract = join(repo, "contracts/outsourcing.sla");
    writeFileSync(contract, readFileSync(contract, "utf8").replace("claim within 45 days", "claim within 30 days"));
  });

  it("compares a contract with its committed version, imports included", () => {
    const run = sla(["diff", "HEAD", "contracts/outsourcing.sla"], { cwd: repo });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The claim period of “Availability service credits” is shortened from 45 to 30 days.");
    expect(run.stdout).toContain(
      "The working hours of “UK business hours” change from Monday to Friday 09:00–17:30 to Monday to Friday 09:00–18:00.",
    );
  });

  it("without a file, compares every contract in the folder", () => {
    const run = sla(["diff", "HEAD", "--format", "md"], { cwd: join(repo, "contracts") });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## outsourcing\.sla\n\n- /);
    expect(run.stdout).not.toContain("uk-calendar");
  });

  it("names the revision in the old version's errors", () => {
    const contract = join(repo, "contracts/outsourcing.sla");
    const good = readFileSync(contract, "utf8");
    writeFileSync(contract, good.replace("metric PlatformAvailability\n", "metric PlatformAvailabilty\n"));
    git("commit", "-q", "-am", "broken");
    writeFileSync(contract, good);
    const run = sla(["diff", "HEAD", "contracts/outsourcing.sla"], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^HEAD:contracts\/outsourcing\.sla:\d+:\d+ - error/m);
  });

  it("an unknown revision or a file not in it exits 2", () => {
    expect(sla(["diff", "no-such-rev", "contracts/outsourcing.sla"], { cwd: repo })).toMatchObject({ code: 2 });
    writeFileSync(join(repo, "contracts/fresh.sla"), EXAMPLE);
    const fresh = sla(["diff", "HEAD", "contracts/fresh.sla"], { cwd: repo });
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toContain("does not exist at HEAD");
  });
});
