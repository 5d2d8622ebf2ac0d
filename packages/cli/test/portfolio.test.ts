import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFORMANCE, REPO, scratch, sla } from "./run.ts";

// A portfolio: the project's evaluation cases and the shared conformance contract (in a subfolder,
// so {contract} stands for a path), each with its own data file named after it.
const CASES = ["credit-at-target-2026-04", "credit-bands-2026-03"];
const MONTHS = ["--period", "2026-03", "--to", "2026-04", "--as-of", "2026-05-01"];

interface Entry {
  contract: string;
  error: string | null;
  breached: number;
  met: number;
  objectives: number;
  credits: { amount: string; currency: string | null }[];
  reports: unknown[];
}
interface Portfolio {
  format: string;
  contracts: Entry[];
  totals: Entry & { contracts: number; failed: number };
}

describe("sla evaluate over a folder or glob of contracts (a portfolio)", () => {
  let dir: string;
  beforeAll(() => {
    dir = scratch();
    mkdirSync(join(dir, "contracts/acme"), { recursive: true });
    mkdirSync(join(dir, "logs/acme"), { recursive: true });
    for (const c of CASES) {
      const name = c.replace(/-\d{4}-\d{2}$/, "");
      copyFileSync(join(REPO, "test/cases", `${name}.sla`), join(dir, "contracts", `${name}.sla`));
      copyFileSync(join(REPO, "test/cases", `${c}.ndjson`), join(dir, "logs", `${name}.ndjson`));
    }
    copyFileSync(join(CONFORMANCE, "hosting.sla"), join(dir, "contracts/acme/hosting.sla"));
    copyFileSync(join(CONFORMANCE, "evaluation/hosting-2026-03.ndjson"), join(dir, "logs/acme/hosting.ndjson"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const portfolio = (engine: string, operand = "contracts", extra: string[] = []) =>
    sla(["evaluate", operand, "--events", "logs/{contract}.ndjson", ...MONTHS, "--engine", engine, ...extra], {
      cwd: dir,
    });

  it("reports every contract exactly as evaluating it alone does, and totals that add up", () => {
    const run = portfolio("streaming");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Portfolio;
    expect(report.format).toBe("sla-portfolio/1");
    expect(report.contracts.map((e) => e.contract)).toEqual(["acme/hosting", "credit-at-target", "credit-bands"]);
    for (const entry of report.contracts) {
      const alone = sla(
        ["evaluate", `contracts/${entry.contract}.sla`, "--events", `logs/${entry.contract}.ndjson`, ...MONTHS],
        { cwd: dir },
      );
      expect(alone.code).toBe(0);
      expect(entry.reports).toEqual((JSON.parse(alone.stdout) as { reports: unknown[] }).reports);
      expect(entry.error).toBeNull();
    }
    const sum = (f: (e: Entry) => number) => report.contracts.reduce((n, e) => n + f(e), 0);
    expect(report.totals.contracts).toBe(3);
    expect(report.totals.breached).toBe(sum((e) => e.breached));
    expect(report.totals.met).toBe(sum((e) => e.met));
    expect(report.totals.breached).toBeGreaterThan(0);
    // credits are summed per currency as exact decimals
    const cents = new Map<string | null, bigint>();
    for (const e of report.contracts)
      for (const m of e.credits)
        cents.set(m.currency, (cents.get(m.currency) ?? 0n) + BigInt(m.amount.replace(".", "")));
    expect(report.totals.credits.length).toBeGreaterThan(0);
    for (const m of report.totals.credits) expect(BigInt(m.amount.replace(".", ""))).toBe(cents.get(m.currency));
  });

  it("DuckDB (one database for all the contracts, within a memory limit) gives the streaming engine's portfolio", () => {
    const streaming = portfolio("streaming");
    const duckdb = portfolio("duckdb", "contracts", ["--memory-limit", "500MB"]);
    expect(duckdb.stderr).toBe("");
    expect(duckdb.code).toBe(0);
    expect(duckdb.stdout).toBe(streaming.stdout);
  });

  it("takes a glob, and writes Markdown with a row per contract and a total", () => {
    const run = portfolio("duckdb", "contracts/credit-*.sla", ["--format", "md"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Portfolio report, 2026-03 to 2026-04\n/);
    expect(run.stdout).toMatch(/^\| credit-bands \| /m);
    expect(run.stdout).not.toMatch(/hosting/);
    expect(run.stdout).toMatch(/^\| \*\*Total\*\* \| /m);
  });

  it("a contract with errors or missing data is reported and the others still are; the exit code is the worst", () => {
    writeFileSync(join(dir, "contracts/zz-broken.sla"), "agreement Broken {\n  currency 12\n");
    copyFileSync(join(REPO, "test/cases/credit-bands.sla"), join(dir, "contracts/zz-no-data.sla"));
    try {
      const run = portfolio("duckdb");
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout) as Portfolio;
      const error = (name: string) => report.contracts.find((e) => e.contract === name)?.error;
      expect(error("zz-broken")).toMatch(/zz-broken\.sla has errors/);
      expect(error("zz-no-data")).toMatch(/cannot read events file logs\/zz-no-data\.ndjson: ENOENT/);
      expect(report.totals.failed).toBe(2);
      expect(report.contracts.filter((e) => e.error === null)).toHaveLength(3);
      expect(run.stderr).toMatch(/^sla: contracts\/zz-broken\.sla: /m);
      const broken = sla(["evaluate", "contracts/zz-b*.sla", "--events", "logs/{contract}.ndjson", ...MONTHS], {
        cwd: dir,
      });
      expect(broken.code).toBe(1);
    } finally {
      rmSync(join(dir, "contracts/zz-broken.sla"));
      rmSync(join(dir, "contracts/zz-no-data.sla"));
    }
  });

  it("refuses what a portfolio cannot honour: CSV reports, standard input, a malformed memory limit", () => {
    expect(portfolio("duckdb", "contracts", ["--format", "csv"])).toMatchObject({ code: 2 });
    expect(portfolio("duckdb", "contracts", ["--format", "csv"]).stderr).toMatch(/json or md/);
    const stdin = sla(["evaluate", "contracts", "--events", "-", "--period", "2026-03"], { cwd: dir });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/not --events -/);
    const limit = portfolio("duckdb", "contracts", ["--memory-limit", "lots"]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/--memory-limit "lots" is not a size/);
  });
});
