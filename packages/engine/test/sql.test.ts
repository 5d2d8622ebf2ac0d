import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import { CSV_COLUMNS, csvEvents, evaluate, ndjsonEvents } from "../src/index.ts";
import { openDuckDb } from "../src/sql/duckdb.ts";
import { evaluateWithSql } from "../src/sql/evaluate-sql.ts";
import { generateSql, reportsFromSqlResults } from "../src/sql/generate.ts";
import { loadRecords } from "../src/sql/source.ts";
import { availability, bundle, calendar, maintenance, outage, support, ticket } from "./helpers.ts";
import { bothEngines, sortedJson } from "./sql/back-to-back.ts";

const SHARED = new URL("../../../../shared/spec/conformance/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function compile(text: string): RuleBundle {
  const uri = "file:///contract/test.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return compileBundle(program) as RuleBundle;
}

describe("DuckDB and the streaming engine give identical reports", () => {
  const cases = readdirSync(new URL("evaluation/", SHARED)).filter((f) => f.endsWith(".case.json"));
  it.each(cases)("shared conformance case %s", async (name) => {
    const spec = JSON.parse(readFileSync(new URL(`evaluation/${name}`, SHARED), "utf8"));
    const bundle = compile(readFileSync(new URL(spec.contract, new URL("evaluation/", SHARED)), "utf8"));
    const events = readFileSync(new URL(`evaluation/${spec.events}`, SHARED), "utf8");
    const { streaming, duckdb } = await bothEngines(bundle, events, { from: spec.period });
    expect(streaming.startsWith("error")).toBe(false);
    expect(duckdb).toBe(streaming);
  });

  const CASES = new URL("../../../test/cases/", import.meta.url);
  const ownCases = readdirSync(CASES).filter((f) => f.endsWith(".case.json"));
  it.each(ownCases)("evaluation case %s (test/cases), also over the quarter around it", async (name) => {
    const spec = JSON.parse(readFileSync(new URL(name, CASES), "utf8"));
    const bundle = compile(readFileSync(new URL(spec.contract, CASES), "utf8"));
    // DuckDB does not count blank lines (docs/evaluation.md): the records are compared without them
    const events = readFileSync(new URL(spec.events, CASES), "utf8")
      .split("\n")
      .filter((l: string) => l.trim() !== "")
      .join("\n");
    const [year, month] = spec.period.split("-").map(Number);
    const before = `${month === 1 ? year - 1 : year}-${String(month === 1 ? 12 : month - 1).padStart(2, "0")}`;
    for (const options of [{ from: spec.period }, { from: before, to: spec.period }]) {
      const { streaming, duckdb } = await bothEngines(bundle, events, options);
      expect(streaming.startsWith("error")).toBe(false);
      expect(duckdb).toBe(streaming);
    }
  });

  it("the engine's own conformance fixture, over a quarter and with an as-of instant", async () => {
    const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const events = fixture("hosting-2026-03.ndjson");
    for (const options of [
      { from: "2026-01", to: "2026-04" },
      { from: "2026-03", asOf: "2026-03-20" },
    ]) {
      const { streaming, duckdb } = await bothEngines(bundle, events, options);
      expect(streaming).toContain('"kind":"measurement"');
      expect(duckdb).toBe(streaming);
    }
  });

  it("a record with a key the reader refuses is invalid; the same word as a value is not", async () => {
    const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const good = fixture("hosting-2026-03.ndjson").trimEnd().split("\n");
    const named = '{"type": "measurement", "metric": "constructor", "at": "2026-03-05T10:00:00Z", "value": 1}';
    const keyed =
      '{"type": "measurement", "metric": "ApiLatency", "at": "2026-03-05T10:00:00Z", "value": 1, "__proto__": 1}';
    const fine = await bothEngines(bundle, [...good, named].join("\n"), { from: "2026-03" });
    expect(fine.streaming).toContain('"name":"constructor"');
    expect(fine.duckdb).toBe(fine.streaming);
    const refused = await bothEngines(bundle, [...good, keyed].join("\n"), { from: "2026-03" });
    expect(refused.streaming).toMatch(/^error EventDataError: line \d+, field "__proto__": key not allowed/);
    expect(refused.duckdb).toBe(refused.streaming);
  });

  it("stops at the first invalid line in file order, whichever kind of record it is", async () => {
    const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const good = fixture("hosting-2026-03.ndjson").trimEnd().split("\n");
    const badMeasurement = '{"type": "measurement", "metric": "ApiLatency", "at": "2026-03-05T25:00:00Z", "value": 1}';
    const badOutage = '{"type": "outage", "service": "Hosting", "start": "2026-03-05T10:00:00Z", "cause": "unplanned"}';
    for (const lines of [
      [...good.slice(0, 3), badMeasurement, ...good.slice(3), badOutage],
      [...good.slice(0, 3), badOutage, ...good.slice(3), badMeasurement],
    ]) {
      const { streaming, duckdb } = await bothEngines(bundle, lines.join("\n"), { from: "2026-03" });
      expect(streaming).toMatch(/^error EventDataError: line 4/);
      expect(duckdb).toBe(streaming);
      const skipping = await bothEngines(bundle, lines.join("\n"), { from: "2026-03", skipInvalid: true });
      expect(skipping.duckdb).toBe(skipping.streaming);
    }
  });
});

describe("the SQL does the record work itself", () => {
  async function ticketRows(b: RuleBundle, lines: string[]) {
    const dir = mkdtempSync(join(tmpdir(), "sla-sql-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.ndjson"), lines.join("\n"));
      const recordsShape = await loadRecords(db, { format: "ndjson", paths: [join(dir, "events.ndjson")] });
      const generated = await generateSql(b, { from: "2026-03", dialect: "duckdb", recordsShape });
      for (const statement of [...generated.load, ...generated.statements]) await db.all(statement);
      return await db.all(generated.results.find((r) => r.name === "tickets")!.sql);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("ticket deadlines and business time come from SQL, except on a day the clocks change", async () => {
    const b = bundle({
      timezone: "Europe/London",
      calendars: [calendar("Office", "Europe/London", "09:00", "17:30")],
      objectives: [
        support("Sev1", 1, ["2 business hours", "Office"], ["1 month", null]),
        support("Sev2", 2, ["30 minutes", null], ["2 business days", "Office"]),
      ],
    });
    const lines = [
      ticket(1, "2026-03-05T16:00:00Z", "2026-03-06T09:45:00Z", "2026-03-20T10:00:00Z"),
      ticket(2, "2026-03-10T10:00:00Z", "2026-03-10T10:40:00Z", null),
      // Sunday 29 March 2026: London's clocks go forward; the business-day deadline is left to Node
      ticket(2, "2026-03-29T10:00:00Z", null, "2026-03-31T12:00:00Z"),
    ];
    const rows = (await ticketRows(b, lines)).sort((x, y) => Number(x.line) - Number(y.line));
    const at = (row: Record<string, unknown>, column: string) =>
      row[column] === null ? null : new Date(Number(row[column])).toISOString();
    expect(
      rows.map((r) => [
        Number(r.line),
        at(r, "response_deadline"),
        r.response_elapsed === null ? null : Number(r.response_elapsed),
        at(r, "resolution_deadline"),
      ]),
    ).toEqual([
      // 1h30 of Thursday and 30 minutes of Friday; a month later in London is summer time
      [1, "2026-03-06T09:30:00.000Z", 135 * 60_000, "2026-04-05T15:00:00.000Z"],
      [2, "2026-03-10T10:30:00.000Z", 40 * 60_000, "2026-03-12T10:00:00.000Z"],
      [3, "2026-03-29T10:30:00.000Z", null, null],
    ]);
    const { streaming, duckdb } = await bothEngines(b, lines.join("\n"), { from: "2026-03" });
    expect(streaming).toContain('"deadline":"2026-03-31T10:00:00Z"');
    expect(duckdb).toBe(streaming);
  });
});

describe("maintenance notices counted on the calendar", () => {
  it("SQL decides them, except across a clock change, which the streaming engine's rule decides", async () => {
    const b = bundle({
      timezone: "Europe/London",
      objectives: [availability("Up", "99.5", { exclusions: [maintenance("2 business days", "4 hours")] })],
    });
    const lines = [
      // announced Wednesday 11 March 10:00, two business days before Friday 13 March 10:00: in time
      outage("2026-03-13T10:00:00Z", "2026-03-13T11:00:00Z", "maintenance", "2026-03-11T10:00:00Z"),
      // announced on Sunday 29 March, the day London's clocks go forward: Node decides
      outage("2026-03-31T10:00:00Z", "2026-03-31T11:00:00Z", "maintenance", "2026-03-29T09:30:00Z"),
      // one minute late
      outage("2026-03-20T10:00:00Z", "2026-03-20T11:00:00Z", "maintenance", "2026-03-18T10:01:00Z"),
    ];
    const dir = mkdtempSync(join(tmpdir(), "sla-sql-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.ndjson"), lines.join("\n"));
      const recordsShape = await loadRecords(db, { format: "ndjson", paths: [join(dir, "events.ndjson")] });
      const generated = await generateSql(b, { from: "2026-03", dialect: "duckdb", recordsShape });
      for (const statement of [...generated.load, ...generated.statements]) await db.all(statement);
      const undecided = await db.all(generated.results.find((r) => r.name === "outage_notices")!.sql);
      expect(undecided.map((r) => Number(r.line))).toEqual([2]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const { streaming, duckdb } = await bothEngines(b, lines.join("\n"), { from: "2026-03" });
    expect(streaming).toContain("maintenance announced late: 2026-03-18T10:01:00Z");
    expect(streaming).toContain("maintenance announced 2026-03-29T09:30:00Z");
    expect(duckdb).toBe(streaming);
  });
});

describe("units", () => {
  it("byUnit gives each unit the report of its own records", async () => {
    const b = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const lines = fixture("hosting-2026-03.ndjson").trimEnd().split("\n");
    const unitOf = (i: number) => (i % 3 === 0 ? "eu" : "us");
    const tagged = lines.map((l, i) => JSON.stringify({ ...JSON.parse(l), unit: unitOf(i) }));
    const dir = mkdtempSync(join(tmpdir(), "sla-sql-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.ndjson"), tagged.join("\n"));
      const recordsShape = await loadRecords(db, { format: "ndjson", paths: [join(dir, "events.ndjson")] });
      const options = { from: "2026-03", asOf: "2026-04-30" };
      const generated = await generateSql(b, {
        ...options,
        dialect: "duckdb",
        recordsShape,
        byUnit: true,
        contractId: "acme",
      });
      for (const statement of [...generated.load, ...generated.statements]) await db.all(statement);
      const results: Record<string, Record<string, unknown>[]> = {};
      for (const { name, sql } of generated.results) results[name] = await db.all(sql);
      expect(results.outage_incidents.every((r) => r.contract_id === "acme")).toBe(true);
      for (const unit of ["eu", "us"]) {
        // the other unit's lines blank, so that the lines keep their numbers
        const own = lines.map((l, i) => (unitOf(i) === unit ? l : ""));
        const streaming = await evaluate(b, ndjsonEvents(own), options);
        const sql = await reportsFromSqlResults(b, { ...options, dialect: "duckdb" }, results, unit);
        // the figures are per unit; the data section counts the whole file
        const figures = (r: typeof streaming) => JSON.stringify(r.map(({ data: _data, ...rest }) => rest));
        expect(figures(sql)).toBe(figures(streaming));
      }
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("DuckDB refuses what it cannot hold exactly", () => {
  it.each(["0.0000000001", "12345678901.5"])(
    "a value of %s is an error naming its line, never rounded",
    async (value) => {
      const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
      const lines = fixture("hosting-2026-03.ndjson").trimEnd().split("\n");
      lines.splice(
        2,
        0,
        `{"type": "measurement", "metric": "ApiLatency", "at": "2026-03-05T10:00:00Z", "value": ${value}}`,
      );
      const { streaming, duckdb } = await bothEngines(bundle, lines.join("\n"), { from: "2026-03" });
      expect(streaming.startsWith("error")).toBe(false);
      expect(duckdb).toMatch(/^error SqlEngineError: line 3: this record cannot be read exactly in SQL/);
    },
  );
});

describe("DuckDB reads CSV and Parquet files and globs", () => {
  it("gives the NDJSON report from the same records as CSV, as Parquet, and split over two files", async () => {
    const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const lines = fixture("hosting-2026-03.ndjson").trimEnd().split("\n");
    const columns = CSV_COLUMNS;
    const csv = [
      columns.join(","),
      ...lines.map((l) => {
        const o = JSON.parse(l) as Record<string, unknown>;
        return columns.map((c) => (o[c] === undefined ? "" : String(o[c]))).join(",");
      }),
    ];
    const options = { from: "2026-03" };
    const fromNdjson = sortedJson(await evaluate(bundle, ndjsonEvents(lines), options));
    const fromCsv = sortedJson(await evaluate(bundle, csvEvents(csv), options));
    const dir = mkdtempSync(join(tmpdir(), "sla-sql-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.csv"), `${csv.join("\n")}\n`);
      writeFileSync(join(dir, "part-1.ndjson"), `${lines.slice(0, 5).join("\n")}\n`);
      writeFileSync(join(dir, "part-2.ndjson"), `${lines.slice(5).join("\n")}\n`);
      const select = columns.map((c) => `json_extract_string(json, '$.${c}') AS "${c}"`).join(", ");
      await db.all(
        `COPY (SELECT ${select} FROM read_ndjson_objects('${join(dir, "part-*.ndjson")}')) TO '${join(dir, "events.parquet")}' (FORMAT parquet)`,
      );
      const viaCsv = await evaluateWithSql(bundle, { format: "csv", paths: [join(dir, "events.csv")] }, options, db);
      expect(sortedJson(viaCsv)).toBe(fromCsv);
      const other = await openDuckDb();
      try {
        const viaGlob = await evaluateWithSql(
          bundle,
          { format: "ndjson", paths: [join(dir, "part-*.ndjson")] },
          options,
          other,
        );
        expect(sortedJson(viaGlob)).toBe(fromNdjson);
      } finally {
        other.close();
      }
      const third = await openDuckDb();
      try {
        const viaParquet = await evaluateWithSql(
          bundle,
          { format: "parquet", paths: [join(dir, "events.parquet")] },
          options,
          third,
        );
        expect(sortedJson(viaParquet)).toBe(fromNdjson);
      } finally {
        third.close();
      }
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says which file is missing", async () => {
    const bundle = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const db = await openDuckDb();
    try {
      await expect(
        evaluateWithSql(bundle, { format: "ndjson", paths: ["/nonexistent/no-*.ndjson"] }, { from: "2026-03" }, db),
      ).rejects.toThrow(/DuckDB: .*no-\*\.ndjson/);
    } finally {
      db.close();
    }
  });
});

describe("sla evaluate --engine", () => {
  const cli = new URL("../../cli/bin/sla.cjs", import.meta.url).pathname;
  const sla = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

  it("duckdb prints the streaming engine's report; an unknown engine is a usage error", () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-sql-cli-"));
    try {
      writeFileSync(join(dir, "rules.json"), fixture("hosting.bundle.json"));
      writeFileSync(join(dir, "events.ndjson"), fixture("hosting-2026-03.ndjson"));
      const args = ["evaluate", join(dir, "rules.json"), "--events", join(dir, "events.ndjson"), "--period", "2026-03"];
      const streaming = sla([...args, "--as-of", "2026-04-30"]);
      const duckdb = sla([...args, "--as-of", "2026-04-30", "--engine", "duckdb"]);
      expect(streaming.status).toBe(0);
      expect(duckdb.status).toBe(0);
      expect(duckdb.stdout).toBe(streaming.stdout);
      const bad = sla([...args, "--engine", "spark"]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--engine must be streaming or duckdb, not "spark"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
