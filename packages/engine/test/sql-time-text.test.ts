/**
 * Times as SQL reads them (`rfc3339Ms`) against the streaming reader (`parseInstant`): SQL
 * may refuse a time the streaming reader reads (the record then goes to the streaming reader's own
 * checks), but a time SQL reads must be one the streaming reader reads, as the same instant. DuckDB's
 * and PostgreSQL's casts accept more than RFC 3339 (`24:00:00`, an offset of `+24:00`, blanks before
 * the hour), so every text here goes through DuckDB as the generated queries do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "../src/sql/dialect.ts";
import { openDuckDb } from "../src/sql/duckdb.ts";
import type { SqlRunner } from "../src/sql/runner.ts";
import { sqlString } from "../src/sql/source.ts";
import { rfc3339Ms } from "../src/sql/typed.ts";
import { alteredTimes, boundTimes, disagreements, QUICK_FORM } from "./sql/time-texts.ts";

let db: SqlRunner;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db.close());

/** Each text with the instant SQL reads (null: refused), through a table as the records are read. */
async function sqlReads(texts: string[]): Promise<Map<string, number | null>> {
  await db.all("CREATE OR REPLACE TEMP TABLE sla_times (t VARCHAR)");
  for (let i = 0; i < texts.length; i += 2000)
    await db.all(
      `INSERT INTO sla_times VALUES ${texts
        .slice(i, i + 2000)
        .map((t) => `(${sqlString(t)})`)
        .join(", ")}`,
    );
  const rows = await db.all(`SELECT t, ${rfc3339Ms(dialectOf("duckdb"), "nullif(t, '')")} AS ms FROM sla_times`);
  return new Map(rows.map((r) => [String(r.t), r.ms === null ? null : Number(r.ms)]));
}

describe("times in SQL", () => {
  it("reads no date-time the streaming reader refuses, and each it reads as the same instant", async () => {
    const read = await sqlReads(boundTimes());
    expect(disagreements(read)).toEqual([]);
    // the quick form and the pattern both still read what they should
    expect(read.get("2024-02-29T23:59:59.000Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(read.get("2026-03-01 10:00:00+14:00")).toBe(Date.UTC(2026, 1, 28, 20));
    expect(read.get("1900-12-31T23:59:59.123456Z")).toBe(Date.UTC(1900, 11, 31, 23, 59, 59, 123));
    expect(read.get("2026-03-01T24:00:00.000Z")).toBeNull();
  });

  it("refuses every other character wherever a digit or a separator belongs in the quick form", async () => {
    const read = await sqlReads(alteredTimes());
    expect(disagreements(read)).toEqual([]);
    expect(read.get(QUICK_FORM)).toBe(Date.UTC(2026, 2, 1, 12, 34, 56, 789));
  }, 60_000);
});
