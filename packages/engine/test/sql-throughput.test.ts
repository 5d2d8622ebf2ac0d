/**
 * The SQL engine's faster paths (issue 17) give what the slower ones gave: the nearest rank found
 * among distinct values with their counts, each NDJSON line's fields read once, and result rows
 * read column by column from DuckDB's chunks; and the database does not keep every file it read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import { openDuckDb } from "../src/sql/duckdb.ts";
import { generateSql } from "../src/sql/generate.ts";
import { JSON_SHAPE } from "../src/sql/source.ts";
import { bothEngines } from "./sql/back-to-back.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const hosting = () => JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;

/** `count` latency measurements in March 2026, the i-th with `value(i)`, a minute apart. */
function measurements(count: number, value: (i: number) => string): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();
    lines.push(`{"type":"measurement","metric":"ApiLatency","at":"${at}","value":${value(i)}}`);
  }
  return lines.join("\n");
}

describe("the nearest rank among tied values", () => {
  // 2,000 measurements: the 95th percentile is the 1,900th smallest. The values are few and
  // repeated, so the rank falls on the last, the first or the inside of a run of equal values.
  it.each([
    ["the last of a run of equal values", (i: number) => (i < 1_900 ? "200" : "300")],
    ["the first of a run of equal values", (i: number) => (i < 1_899 ? "200" : "300")],
    ["inside a run, with the values unordered in the file", (i: number) => String(100 + ((i * 7) % 13) * 10)],
    ["among decimals equal as numbers but written differently", (i: number) => (i % 2 ? "250.5" : "250.50")],
  ])("%s: the same value and first line holding it as the streaming engine", async (_name, value) => {
    const { streaming, duckdb } = await bothEngines(hosting(), measurements(2_000, value), {
      from: "2026-03",
      asOf: "2026-04-30",
    });
    expect(streaming.startsWith("error")).toBe(false);
    expect(streaming).toContain('"rank":1900');
    expect(duckdb).toBe(streaming);
  });
});

describe("NDJSON records in DuckDB", () => {
  it("reads each line's fields with one list of paths for the texts and one for the types", async () => {
    const generated = await generateSql(hosting(), { from: "2026-03", dialect: "duckdb", recordsShape: JSON_SHAPE });
    const typing = generated.load.find((s) => s.includes("TABLE sla_measurements"))!;
    // one read per field and per use made DuckDB parse every line about fifteen times
    expect(typing.match(/json_extract_string\(/g)).toHaveLength(1);
    expect(typing.match(/json_type\(json/g)).toHaveLength(1);
    expect(typing).toMatch(/json_extract_string\(json, \['\$\.metric', '\$\.value', '\$\.at'\]\)/);
  });
});

describe("the DuckDB database", () => {
  it("keeps no cache of the files it has read, which grew with every contract of a portfolio", async () => {
    const db = await openDuckDb();
    try {
      const [row] = await db.all("SELECT current_setting('enable_external_file_cache') AS cached");
      expect(row.cached).toBe(false);
    } finally {
      db.close();
    }
  });
});

describe("DuckDB result rows", () => {
  it("are read over many chunks in order, with NULLs, big integers, text and decimals as before", async () => {
    const db = await openDuckDb();
    try {
      const rows = await db.all(`SELECT i AS n, CAST(i * 1000000000000 AS BIGINT) AS ms,
  CASE WHEN i % 3 = 0 THEN NULL ELSE 'row ' || i END AS label, CAST(i AS DECIMAL(18, 9)) / 8 AS share
FROM range(5000) t(i) ORDER BY i`);
      expect(rows).toHaveLength(5_000);
      for (const i of [0, 1, 2047, 2048, 4999]) {
        const row = rows[i];
        expect(Object.keys(row)).toEqual(["n", "ms", "label", "share"]);
        expect(row.n).toBe(BigInt(i));
        expect(row.ms).toBe(BigInt(i) * 1_000_000_000_000n);
        expect(row.label).toBe(i % 3 === 0 ? null : `row ${i}`);
        expect(String(row.share)).toBe((i / 8).toFixed(9).replace(/\.?0+$/, "") || "0");
      }
    } finally {
      db.close();
    }
  });
});
