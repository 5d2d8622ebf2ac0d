/**
 * Objectives held for each unit, fees per unit and fees as charged in DuckDB (`--engine duckdb`):
 * the streaming engine's report, or its error, byte for byte, on each case of
 * `sql/unit-cases.ts`; the same records as CSV; and `--by-unit` refused on a per-unit contract.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvEvents, evaluate } from "../src/index.ts";
import { openDuckDb } from "../src/sql/duckdb.ts";
import { evaluateWithSql } from "../src/sql/evaluate-sql.ts";
import { generateSql } from "../src/sql/generate.ts";
import { loadRecords } from "../src/sql/source.ts";
import { bothEngines } from "./sql/back-to-back.ts";
import { unitCases } from "./sql/unit-cases.ts";

describe("per-unit evaluation in DuckDB gives the streaming engine's reports", () => {
  it.each(unitCases().map((c) => [c.name, c]))(
    "%s",
    async (_name, c) => {
      const { streaming, duckdb } = await bothEngines(c.bundle, c.lines.join("\n"), c.options);
      expect(duckdb).toBe(streaming);
    },
    120_000,
  );

  it("the cases reach what they are about", async () => {
    const outcome = async (name: string) => {
      const c = unitCases().find((x) => x.name === name)!;
      return (await bothEngines(c.bundle, c.lines.join("\n"), c.options)).duckdb;
    };
    expect(await outcome("a record without a unit")).toBe(
      'error EventDataError: line 2, field "unit": missing: the outages of service Compute are evaluated for each instance',
    );
    expect(await outcome("a unit that is not text")).toBe('error EventDataError: line 2, field "unit": must be text');
    expect(await outcome("a unit of 101 characters beyond U+FFFF (202 UTF-16 code units)")).toMatch(
      /^error EventDataError: line 2, field "unit": .* is longer than 200 characters$/,
    );
    expect(await outcome("a unit of 100 characters beyond U+FFFF (200 UTF-16 code units)")).toContain('"perUnit"');
    expect(await outcome("a charge without a unit")).toBe(
      'error EventDataError: line 2, field "unit": missing: the fee of service Storage is charged per region',
    );
    expect(await outcome("a credit of a unit without charges names the unit")).toMatch(
      /^error ChargeDataError: no charge record for service Storage and region eu in 2026-03/,
    );
    const unknown = JSON.parse(
      await outcome("charges of an undeclared service are counted with the other unknown names, by first line"),
    );
    expect(unknown[0].unknownNames).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Storag" })]));
    const capped = JSON.parse(await outcome("a cap on all credits of 4,000 instances"));
    expect(capped[0].totalCredit.amount).toBe("20000.00");
    expect(capped[0].credits[2000].amount).toBe("0.00");
  }, 120_000);

  it("leaves a unit's maintenance notice across a clock change to the streaming engine's rule, as a whole service's", async () => {
    const c = unitCases().find((x) => x.name.startsWith("maintenance with notice"))!;
    const dir = mkdtempSync(join(tmpdir(), "sla-units-notice-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "records.ndjson"), c.lines.join("\n"));
      const recordsShape = await loadRecords(db, { format: "ndjson", paths: [join(dir, "records.ndjson")] });
      const generated = await generateSql(c.bundle, { ...c.options, dialect: "duckdb", recordsShape });
      for (const statement of [...generated.load, ...generated.statements]) await db.all(statement);
      const undecided = await db.all(generated.results.find((r) => r.name === "unit_outage_notices")!.sql);
      expect(undecided.map((r) => [r.unit, Number(r.line)])).toEqual([["b", 2]]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the unit from a CSV column (an empty cell is no unit), as the streaming CSV reader does", async () => {
    const c = unitCases().find((x) => x.name === "a record without a unit, passed over")!;
    const csv = [
      "type,service,unit,start,end,cause",
      "outage,Compute,eu-1,2026-03-02T00:00:00Z,2026-03-02T01:00:00Z,unplanned",
      "outage,Compute,,2026-03-03T00:00:00Z,2026-03-03T01:00:00Z,unplanned",
      'outage,Compute,"eu-2",2026-03-04T00:00:00Z,2026-03-04T00:30:00Z,unplanned',
    ];
    const dir = mkdtempSync(join(tmpdir(), "sla-units-csv-"));
    const db = await openDuckDb();
    try {
      const file = join(dir, "records.csv");
      writeFileSync(file, `${csv.join("\n")}\n`);
      const streamed = await evaluate(c.bundle, csvEvents(csv), c.options);
      const sql = await evaluateWithSql(c.bundle, { format: "csv", paths: [file] }, c.options, db);
      expect(JSON.stringify(sql)).toBe(JSON.stringify(streamed));
      expect(streamed[0].data.skipped).toBe(1);
      expect(streamed[0].objectives[0].perUnit?.map((u) => u.unitName)).toEqual(["eu-1", "eu-2"]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses --by-unit on a contract that holds objectives for each unit, in words", async () => {
    const c = unitCases()[0];
    await expect(generateSql(c.bundle, { from: "2026-03", dialect: "duckdb", byUnit: true })).rejects.toThrow(
      "this contract holds objectives for each unit, and --by-unit would group its other objectives by unit as well",
    );
  });
});
