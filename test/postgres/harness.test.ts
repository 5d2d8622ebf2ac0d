import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, postgresMissing, startPostgres } from "./harness.ts";

const missing = postgresMissing();

describe.skipIf(missing !== undefined)(missing ?? "a throwaway PostgreSQL server", () => {
  let pg: PostgresServer;
  beforeAll(() => {
    pg = startPostgres();
  }, 60_000);
  afterAll(() => pg?.stop());

  it("answers exactly: numerics as written, NULL apart from the empty string and the text \\N", () => {
    expect(pg.version).toMatch(/^\d+/);
    const [row] = pg.query(
      "SELECT 12345678901234567890.123456789::numeric AS n, NULL::text AS missing, ''::text AS empty, '\\N'::text AS mark, 'a,\"b' AS quoted",
    );
    expect(row).toEqual({ n: "12345678901234567890.123456789", missing: null, empty: "", mark: "\\N", quoted: 'a,"b' });
  });

  it("stops on the first SQL error with PostgreSQL's message", () => {
    expect(() => pg.psql(["-c", "SELECT 1; SELECT * FROM no_such_table; SELECT 2"])).toThrow(/no_such_table/);
    expect(() => pg.query("SELECT * FROM no_such_table")).toThrow(/no_such_table/);
  });

  it("a second server runs beside the first, and stopping one removes its folder", () => {
    const other = startPostgres("other");
    const folder = other.env.PGHOST;
    expect(other.query("SELECT current_database() AS db")).toEqual([{ db: "other" }]);
    expect(pg.query("SELECT current_database() AS db")).toEqual([{ db: "sla" }]);
    other.stop();
    expect(existsSync(folder)).toBe(false);
  }, 60_000);
});
