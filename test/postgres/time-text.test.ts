/**
 * Times as the PostgreSQL dialect reads them against the streaming reader, on a real server:
 * PostgreSQL reads `24:00:00` as the next midnight, which the streaming reader refuses, so the
 * pattern bounds the hour (packages/engine/test/sql-time-text.test.ts does the same in DuckDB).
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "../../packages/engine/src/sql/dialect.ts";
import { sqlString } from "../../packages/engine/src/sql/source.ts";
import { rfc3339Ms } from "../../packages/engine/src/sql/typed.ts";
import { alteredTimes, boundTimes, disagreements, QUICK_FORM } from "../../packages/engine/test/sql/time-texts.ts";
import { type PostgresServer, postgresMissing, startPostgres } from "./harness.ts";

const missing = postgresMissing();

describe.skipIf(missing !== undefined)(missing ?? "times in PostgreSQL", () => {
  let pg: PostgresServer;
  beforeAll(() => {
    pg = startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());

  /** Each text with the instant the dialect reads (null: refused), in one session (the dialect's setup is temporary). */
  function sqlReads(texts: string[]): Map<string, number | null> {
    const d = dialectOf("postgres");
    const inserts: string[] = [];
    for (let i = 0; i < texts.length; i += 2000)
      inserts.push(
        `INSERT INTO sla_times VALUES ${texts
          .slice(i, i + 2000)
          .map((t) => `(${sqlString(t)})`)
          .join(", ")};`,
      );
    const script = [
      ...d.setup.map((s) => `${s};`),
      "CREATE TEMP TABLE sla_times (t text);",
      ...inserts,
      `COPY (SELECT t, ${rfc3339Ms(d, "nullif(t, '')")} AS ms FROM sla_times) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (t));`,
    ].join("\n");
    const rows = parse(pg.psql(["-f", "-"], { input: script }), { relax_quotes: false }) as string[][];
    return new Map(rows.map(([t, ms]) => [t, ms === "" ? null : Number(ms)]));
  }

  it("reads no date-time the streaming reader refuses, and each it reads as the same instant", () => {
    const read = sqlReads(boundTimes());
    expect(disagreements(read)).toEqual([]);
    expect(read.get("2026-03-01 10:00:00+14:00")).toBe(Date.UTC(2026, 1, 28, 20));
    expect(read.get("1900-12-31T23:59:59.123456Z")).toBe(Date.UTC(1900, 11, 31, 23, 59, 59, 123));
    expect(read.get("2026-03-01T24:00:00.000Z")).toBeNull();
  }, 120_000);

  it("refuses every other character wherever a digit or a separator belongs", () => {
    const read = sqlReads(alteredTimes());
    expect(disagreements(read)).toEqual([]);
    expect(read.get(QUICK_FORM)).toBe(Date.UTC(2026, 2, 1, 12, 34, 56, 789));
  }, 300_000);
});
