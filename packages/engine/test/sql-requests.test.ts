/**
 * `requests` records in the SQL engine: success rates and time-slice downtime computed by DuckDB
 * give the streaming engine's reports byte for byte (keys in the order built), from NDJSON and
 * from CSV, and a request record either engine cannot count is refused with the streaming
 * reader's words. The same cases run on PostgreSQL in test/postgres/requests.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_FIELDS } from "../src/readers/csv.ts";
import { csvEvents, evaluate, ndjsonEvents } from "../src/index.ts";
import { openDuckDb } from "../src/sql/duckdb.ts";
import { evaluateWithSql } from "../src/sql/evaluate-sql.ts";
import { zoneOffsets } from "../src/sql/requests.ts";
import { bothEngines } from "./sql/back-to-back.ts";
import { BAD_REQUEST_RECORDS, requestCases, SLICED } from "./sql/request-cases.ts";

describe("DuckDB computes success rates and time-slice downtime as the streaming engine does", () => {
  it.each(requestCases().map((c) => [c.name, c]))(
    "%s",
    async (_name, c) => {
      const { streaming, duckdb } = await bothEngines(c.bundle, c.lines.join("\n"), c.options);
      expect(streaming.startsWith("error")).toBe(false);
      expect(duckdb).toBe(streaming);
    },
    60_000,
  );

  it("the cases have what they are named for: slices, credits, requests beyond 2^53 and outside hours", async () => {
    const [first, , , adelaide, , , london, , , credits, office] = requestCases();
    const report = async (c: ReturnType<typeof requestCases>[number]) =>
      JSON.parse((await bothEngines(c.bundle, c.lines.join("\n"), c.options)).duckdb);
    const [march] = await report(first);
    expect(march.objectives[0]).toMatchObject({ downtime: { seconds: "180" } });
    expect(march.objectives[1].requests).toEqual({
      records: 3,
      total: "18014398509481984",
      failed: "2",
      succeeded: "18014398509481982",
    });
    expect(march.unknownNames).toEqual([expect.objectContaining({ name: "Unknown" })]);
    const [, april] = await report(adelaide);
    expect(april.objectives[0].counted[0]).toMatchObject({
      start: "2026-04-04T16:30:00Z",
      end: "2026-04-04T17:30:00Z",
    });
    const londonReports = await report(london);
    expect(londonReports[0].objectives[0].windows.length).toBe(31);
    expect((await report(credits))[0].credits.map((c: { amount: string }) => c.amount)).toEqual(["100.00", "250.00"]);
    expect((await report(office))[0].objectives[1].excluded).toEqual([
      { kind: "measurements", count: 2, reason: "request records outside service hours" },
    ]);
  }, 60_000);

  it("reads request records from CSV, with good or failed", async () => {
    const [c] = requestCases();
    const columns = CSV_FIELDS.filter((f) => f !== "unit");
    const csv = [
      columns.join(","),
      ...c.lines.map((l) => {
        const r = JSON.parse(l) as Record<string, unknown>;
        return columns.map((f) => (r[f] === undefined ? "" : JSON.stringify(String(r[f])))).join(",");
      }),
    ];
    const dir = mkdtempSync(join(tmpdir(), "sla-requests-csv-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.csv"), `${csv.join("\n")}\n`);
      const streaming = await evaluate(c.bundle, csvEvents(csv), c.options);
      const viaSql = await evaluateWithSql(
        c.bundle,
        { format: "csv", paths: [join(dir, "events.csv")] },
        c.options,
        db,
      );
      expect(JSON.stringify(viaSql)).toBe(JSON.stringify(streaming));
      expect(streaming[0]!.objectives[0]!.downtime).toMatchObject({ seconds: "180" });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("reads request records from Parquet with integer count columns", async () => {
    const c = requestCases()[6]; // London's clock change, slices and a success rate
    const dir = mkdtempSync(join(tmpdir(), "sla-requests-parquet-"));
    const db = await openDuckDb();
    try {
      writeFileSync(join(dir, "events.ndjson"), `${c.lines.join("\n")}\n`);
      await db.all(
        `COPY (SELECT json_extract_string(json, '$.type') AS "type", json_extract_string(json, '$.metric') AS metric,
          json_extract_string(json, '$.at') AS "at", CAST(json_extract_string(json, '$.total') AS BIGINT) AS total,
          CAST(json_extract_string(json, '$.failed') AS BIGINT) AS failed
        FROM read_ndjson_objects('${join(dir, "events.ndjson")}')) TO '${join(dir, "events.parquet")}' (FORMAT parquet)`,
      );
      const streaming = await evaluate(c.bundle, ndjsonEvents(c.lines), c.options);
      const viaParquet = await evaluateWithSql(
        c.bundle,
        { format: "parquet", paths: [join(dir, "events.parquet")] },
        c.options,
        db,
      );
      expect(JSON.stringify(viaParquet)).toBe(JSON.stringify(streaming));
      expect(streaming[0]!.objectives[0]!.windows!.some((w) => (w.downtime?.seconds ?? "0") !== "0")).toBe(true);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(BAD_REQUEST_RECORDS)(
    "refuses %s as the streaming reader does",
    async (bad) => {
      const good = requestCases()[0].lines;
      const { streaming, duckdb } = await bothEngines(SLICED, [...good.slice(0, 2), bad, ...good.slice(2)].join("\n"), {
        from: "2026-03",
        asOf: "2026-12-31",
      });
      expect(streaming).toMatch(/^error EventDataError: line 3, field/);
      expect(duckdb).toBe(streaming);
    },
    60_000,
  );

  it("takes a JSON number with a point or an exponent as a count when it is whole, as the streaming reader does", async () => {
    // a counter's increase often comes as 1200.0 (JSON.stringify would write these without the point)
    const lines = [
      '{"type":"requests","metric":"Avail","at":"2026-03-04T10:06:00Z","total":1.2e3,"failed":600.0}',
      '{"type":"requests","metric":"Avail","at":"2026-03-04T10:08:00Z","total":40.0,"good":0.0}',
      '{"type":"requests","metric":"Success","at":"2026-03-04T10:08:00Z","total":9007199254740991.0,"failed":-0.0}',
    ];
    const options = { from: "2026-03", asOf: "2026-12-31" };
    const { streaming, duckdb } = await bothEngines(SLICED, lines.join("\n"), options);
    expect(JSON.parse(streaming)[0].objectives[0].downtime.seconds).toBe("120");
    expect(duckdb).toBe(streaming);
    for (const bad of [
      '{"type":"requests","metric":"Avail","at":"2026-03-04T10:06:00Z","total":12.5,"failed":1}',
      '{"type":"requests","metric":"Avail","at":"2026-03-04T10:06:00Z","total":9007199254740992.0,"failed":1}',
      '{"type":"requests","metric":"Avail","at":"2026-03-04T10:06:00Z","total":10,"failed":-1.0}',
      '{"type":"requests","metric":"Avail","at":"2026-03-04T10:06:00Z","total":1e400,"failed":1}',
    ]) {
      const run = await bothEngines(SLICED, [...lines, bad].join("\n"), options);
      expect(run.streaming).toMatch(/^error EventDataError: line 4, field "(total|failed)"/);
      expect(run.duckdb, bad).toBe(run.streaming);
    }
  }, 60_000);

  it("passes over bad request records with --skip-invalid, describing them as the streaming reader does", async () => {
    const good = requestCases()[0].lines;
    const { streaming, duckdb } = await bothEngines(SLICED, [...BAD_REQUEST_RECORDS, ...good].join("\n"), {
      from: "2026-03",
      asOf: "2026-12-31",
      skipInvalid: true,
    });
    expect(JSON.parse(streaming)[0].data.skipped).toBe(BAD_REQUEST_RECORDS.length);
    expect(duckdb).toBe(streaming);
  }, 60_000);
});

describe("a zone's offsets for the slices", () => {
  it("finds each clock change to the millisecond, and one span where the clocks do not change", () => {
    const from = Date.parse("2026-03-01T00:00:00Z");
    const to = Date.parse("2026-11-01T00:00:00Z");
    expect(zoneOffsets("Europe/London", from, to)).toEqual([
      { start: from, end: Date.parse("2026-03-29T01:00:00Z"), offsetMs: 0 },
      { start: Date.parse("2026-03-29T01:00:00Z"), end: Date.parse("2026-10-25T01:00:00Z"), offsetMs: 3_600_000 },
      { start: Date.parse("2026-10-25T01:00:00Z"), end: to, offsetMs: 0 },
    ]);
    // Lord Howe Island goes back half an hour at 02:00 local (15:00Z) on 5 April 2026
    expect(zoneOffsets("Australia/Lord_Howe", from, Date.parse("2026-05-01T00:00:00Z"))[1]).toMatchObject({
      start: Date.parse("2026-04-04T15:00:00Z"),
      offsetMs: 10.5 * 3_600_000,
    });
    expect(zoneOffsets("Asia/Kolkata", from, to)).toEqual([{ start: from, end: to, offsetMs: 5.5 * 3_600_000 }]);
  });
});
