/** `sla evaluate` of a contract whose objectives are held for each unit: per-unit reports, and errors naming the file and line. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, scratch, sla } from "./run.ts";

const contract = join(REPO, "test/cases/per-unit.sla");
const events = join(REPO, "test/cases/per-unit-2026-03.ndjson");

describe("sla evaluate with per-unit objectives", () => {
  it("reports each unit and sums their credits", () => {
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-03", "--as-of", "2026-04-30"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.objectives[0].perUnit.map((u: { unitName: string }) => u.unitName)).toEqual([
      "i-a",
      "i-b",
      "i-c",
      "i-d",
    ]);
    expect(report.totalCredit).toEqual({ amount: "810.05", currency: "USD" });
    const md = sla([
      "evaluate",
      contract,
      "--events",
      events,
      "--period",
      "2026-03",
      "--as-of",
      "2026-04-30",
      "--format",
      "md",
    ]);
    expect(md.stdout).toContain("### InstanceUptime, instance i-d");
  });

  it("exits 2 naming the events file and line of a record without a unit", () => {
    const file = join(scratch(), "no-unit.ndjson");
    writeFileSync(
      file,
      '{"type":"outage","service":"Compute","unit":"i-a","start":"2026-03-03T10:00:00Z","end":"2026-03-03T11:00:00Z","cause":"unplanned"}\n' +
        '{"type":"outage","service":"Compute","start":"2026-03-03T10:00:00Z","end":"2026-03-03T11:00:00Z","cause":"unplanned"}\n',
    );
    const run = sla(["evaluate", contract, "--events", file, "--period", "2026-03"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `${file}: line 2, field "unit": missing: the outages of service Compute are evaluated for each instance`,
    );
  });

  it("is refused by sla export sql --by-unit, which would group its other objectives by unit too", () => {
    const run = sla([
      "export",
      "sql",
      contract,
      "--dialect",
      "postgres",
      "--period",
      "2026-03",
      "--by-unit",
      "-o",
      join(scratch(), "out"),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("this contract holds objectives for each unit, and --by-unit would group");
    expect(
      sla(["export", "sql", contract, "--dialect", "postgres", "--period", "2026-03", "-o", join(scratch(), "out")])
        .code,
    ).toBe(0);
  });

  it("gives the same report with --engine duckdb, and the same error naming the line of a record without a unit", () => {
    const args = ["evaluate", contract, "--period", "2026-03", "--as-of", "2026-04-30"];
    const streaming = sla([...args, "--events", events]);
    const duckdb = sla([...args, "--events", events, "--engine", "duckdb"]);
    expect(duckdb.stderr).toBe("");
    expect(duckdb.code).toBe(0);
    expect(duckdb.stdout).toBe(streaming.stdout);
    const file = join(scratch(), "no-unit.ndjson");
    writeFileSync(
      file,
      '{"type":"outage","service":"Compute","unit":"i-a","start":"2026-03-03T10:00:00Z","end":"2026-03-03T11:00:00Z","cause":"unplanned"}\n' +
        '{"type":"outage","service":"Compute","start":"2026-03-03T10:00:00Z","end":"2026-03-03T11:00:00Z","cause":"unplanned"}\n',
    );
    const run = sla([...args, "--events", file, "--engine", "duckdb"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `${file}: line 2, field "unit": missing: the outages of service Compute are evaluated for each instance`,
    );
  });
});
