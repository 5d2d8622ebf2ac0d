/**
 * `sla export sql` and `sla evaluate --sql-results` through the built CLI, with run.sh run by psql
 * on a throwaway PostgreSQL server: the report equals `sla evaluate --events` on the same records,
 * from NDJSON and from CSV. (test/postgres/export-sql.test.ts runs every evaluation case.)
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../engine/src/index.ts";
import { type PostgresServer, postgresMissing, startPostgres } from "../../../test/postgres/harness.ts";
import { CONFORMANCE, scratch, sla } from "./run.ts";

const AS_OF = ["--as-of", "2026-05-01"];
const missing = postgresMissing();

/** The NDJSON records as CSV with the reader's column names, every cell quoted. */
function toCsv(ndjson: string): string {
  const records = ndjson
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const columns = CSV_COLUMNS.filter((c) => records.some((r) => r[c] !== undefined));
  const cell = (v: unknown) => (v === undefined || v === null ? "" : `"${String(v).replaceAll('"', '""')}"`);
  return `${[columns.join(","), ...records.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n")}\n`;
}

describe("sla export sql, usage", () => {
  it("needs a dialect and a month, and names what is wrong", () => {
    const contract = join(CONFORMANCE, "hosting.sla");
    const noDialect = sla(["export", "sql", contract, "--period", "2026-03"]);
    expect(noDialect.code).toBe(2);
    expect(noDialect.stderr).toMatch(/--dialect must be duckdb or postgres/);
    const oracle = sla(["export", "sql", contract, "--dialect", "oracle", "--period", "2026-03"]);
    expect(oracle.stderr).toMatch(/not "oracle"/);
    const noMonth = sla(["export", "sql", contract, "--dialect", "duckdb", "--period", "March"]);
    expect(noMonth.code).toBe(2);
    expect(noMonth.stderr).toMatch(/"March" is not a month/);
  });

  it("writes run.sh (executable, its header the exact commands), the SQL files and the manifest", () => {
    const dir = scratch();
    try {
      const out = join(dir, "hosting-sql");
      const run = sla([
        "export",
        "sql",
        join(CONFORMANCE, "hosting.sla"),
        "--dialect",
        "postgres",
        "--period",
        "2026-03",
        ...AS_OF,
        "-o",
        out,
      ]);
      expect(run.code).toBe(0);
      expect(statSync(join(out, "run.sh")).mode & 0o111).not.toBe(0);
      const script = readFileSync(join(out, "run.sh"), "utf8");
      expect(script).toMatch(/^# {3}\.\/run\.sh RECORDS\.ndjson\|RECORDS\.csv \[RESULTS_FOLDER\]/m);
      expect(script).toMatch(/^# {3}sla evaluate hosting\.sla --sql-results THIS_FOLDER/m);
      for (const f of [
        "sql/1-records.sql",
        "sql/2-load-ndjson.sql",
        "sql/2-load-csv.sql",
        "sql/3-evaluate.sql",
        "sql/4-results.sql",
      ])
        expect(existsSync(join(out, f)), f).toBe(true);
      expect(readFileSync(join(out, "sql/1-records.sql"), "utf8")).toMatch(/CREATE TEMP TABLE sla_records/);
      const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
      expect(manifest.options).toMatchObject({ from: "2026-03", to: "2026-03", asOf: "2026-05-01" });
      const before = sla(["evaluate", join(CONFORMANCE, "hosting.sla"), "--sql-results", out]);
      expect(before.code).toBe(2);
      expect(before.stderr).toMatch(/results\/invalid\.csv: ENOENT \(has run\.sh been run\?\)/);
      const both = sla(["evaluate", join(CONFORMANCE, "hosting.sla"), "--sql-results", out, "--period", "2026-03"]);
      expect(both.code).toBe(2);
      expect(both.stderr).toMatch(/not --events or --period/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(missing !== undefined)(missing ?? "sla export sql --dialect postgres on a real server", () => {
  let pg: PostgresServer;
  let dir: string;
  const shell = (args: string[]) =>
    spawnSync("sh", args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...pg.env } });
  beforeAll(() => {
    pg = startPostgres();
    dir = scratch();
    copyFileSync(join(CONFORMANCE, "hosting.sla"), join(dir, "hosting.sla"));
    const ndjson = readFileSync(join(CONFORMANCE, "evaluation/hosting-2026-03.ndjson"), "utf8");
    writeFileSync(join(dir, "records.ndjson"), ndjson);
    writeFileSync(join(dir, "records.csv"), toCsv(ndjson));
    const exported = sla(
      ["export", "sql", "hosting.sla", "--dialect", "postgres", "--period", "2026-03", ...AS_OF, "-o", "out"],
      {
        cwd: dir,
      },
    );
    expect(exported.code).toBe(0);
  }, 60_000);
  afterAll(() => {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["records.ndjson", "records.csv"])(
    "run.sh %s, then the report equals sla evaluate --events (JSON and Markdown)",
    (records) => {
      const run = shell(["out/run.sh", records]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      for (const format of ["json", "md"]) {
        const direct = sla(
          ["evaluate", "hosting.sla", "--events", records, "--period", "2026-03", ...AS_OF, "--format", format],
          {
            cwd: dir,
          },
        );
        expect(direct.code).toBe(0);
        const viaSql = sla(["evaluate", "hosting.sla", "--sql-results", "out", "--format", format], { cwd: dir });
        expect(viaSql.stderr).toBe("");
        expect(viaSql.stdout).toBe(direct.stdout);
      }
    },
  );

  it("a changed contract is not read against results its SQL did not make", () => {
    const hosting = readFileSync(join(dir, "hosting.sla"), "utf8");
    writeFileSync(join(dir, "percentile.sla"), hosting.replace("latency percentile 95", "latency percentile 99"));
    const refused = sla(["evaluate", "percentile.sla", "--sql-results", "out"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/generates different SQL from the exported SQL; export it again/);
  });

  it("--by-unit: the report of each unit the records name, as JSON and Markdown", () => {
    const lines = readFileSync(join(dir, "records.ndjson"), "utf8").trimEnd().split("\n");
    const tagged = lines.map((l, i) => JSON.stringify({ ...JSON.parse(l), unit: i % 2 === 0 ? "eu" : "us" }));
    writeFileSync(join(dir, "units.ndjson"), `${tagged.join("\n")}\n`);
    const args = ["export", "sql", "hosting.sla", "--dialect", "postgres", "--period", "2026-03", ...AS_OF];
    expect(sla([...args, "--by-unit", "-o", "units"], { cwd: dir }).code).toBe(0);
    expect(shell(["units/run.sh", "units.ndjson"]).status).toBe(0);
    const json = sla(["evaluate", "hosting.sla", "--sql-results", "units"], { cwd: dir });
    expect(json.code).toBe(0);
    const { units } = JSON.parse(json.stdout) as { units: { unit: string; reports: unknown[] }[] };
    expect(units.map((u) => u.unit)).toEqual(["eu", "us"]);
    expect(units.every((u) => u.reports.length === 1)).toBe(true);
    const md = sla(["evaluate", "hosting.sla", "--sql-results", "units", "--format", "md"], { cwd: dir });
    expect(md.stdout).toMatch(/^# Unit eu\n/);
    expect(md.stdout).toMatch(/^# Unit us\n/m);
  });

  it("run.sh stops with the line of a record that is not JSON, and on a CSV column that is not a field", () => {
    writeFileSync(join(dir, "bad.ndjson"), '{"type": "measurement"}\n{"type": \n');
    const bad = shell(["out/run.sh", "bad.ndjson", "bad-results"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/line 2: not valid JSON/);
    writeFileSync(join(dir, "bad.csv"), "type,colour\nmeasurement,red\n");
    const column = shell(["out/run.sh", "bad.csv", "bad-results"]);
    expect(column.status).toBe(2);
    expect(column.stderr).toMatch(/column "colour" of .*bad\.csv is not a record field/);
  });
});
