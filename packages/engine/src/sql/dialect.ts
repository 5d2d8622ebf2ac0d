/** The SQL engines the generator writes for. */
export type SqlDialect = "duckdb" | "postgres";

/**
 * The few places DuckDB and PostgreSQL spell the same thing differently. Everything else the
 * generator writes is the SQL both accept (window functions, FILTER, CTEs, BIGINT, DECIMAL(38, s)),
 * so a query is written once and differs between dialects only through these.
 */
export interface Dialect {
  name: SqlDialect;
  /** Statements that must run before the generated ones (PostgreSQL: the try-cast functions). */
  setup: string[];
  text: string;
  /** `expr` matches the whole of `regex` (a regex already anchored with ^ and $). */
  matches(expr: string, regex: string): string;
  /** The RFC 3339 text as TIMESTAMPTZ, NULL when it is not a real instant; never an error. */
  tryTimestamp(expr: string): string;
  /** The text as DECIMAL(precision, scale), NULL when it does not fit exactly; never an error. */
  tryDecimal(expr: string, precision: number, scale: number): string;
  /** A TIMESTAMPTZ as epoch milliseconds (BIGINT): the millisecond it falls in (floored, before 1970 too). */
  epochMs(ts: string): string;
  /** Integer division of non-negative integers. */
  div(a: string, b: string): string;
  /** Replaces a temporary table with the rows of `select`. */
  createTemp(name: string, select: string): string[];
  /** A JSON object text from pairs of (key, text expression). */
  jsonObject(pairs: [string, string][]): string;
}

const duckdb: Dialect = {
  name: "duckdb",
  setup: [],
  text: "VARCHAR",
  matches: (expr, regex) => `regexp_full_match(${expr}, '${regex}')`,
  tryTimestamp: (expr) => `TRY_CAST(${expr} AS TIMESTAMPTZ)`,
  // DuckDB rounds a cast to DECIMAL: the value must also be the double the streaming reader reads
  tryDecimal: (expr, p, s) =>
    `CASE WHEN CAST(TRY_CAST(${expr} AS DECIMAL(${p}, ${s})) AS DOUBLE) = TRY_CAST(${expr} AS DOUBLE) THEN TRY_CAST(${expr} AS DECIMAL(${p}, ${s})) END`,
  // epoch_ms truncates toward zero, a microsecond before 1970 to the later millisecond: shifted to
  // positive first (years 0–9999 only reach SQL), so the division floors as the streaming reader does
  epochMs: (ts) => `((epoch_us(${ts}) + 1000000000000000000) // 1000 - 1000000000000000)`,
  div: (a, b) => `((${a}) // (${b}))`,
  createTemp: (name, select) => [`CREATE OR REPLACE TEMP TABLE ${name} AS ${select}`],
  jsonObject: (pairs) => `json_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(", ")})::VARCHAR`,
};

// PostgreSQL 15 has no TRY_CAST (pg_input_is_valid is 16+): a cast inside an exception block.
const PG_TRY_TIMESTAMP = `CREATE OR REPLACE FUNCTION pg_temp.sla_try_timestamptz(t text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN t::timestamptz; EXCEPTION WHEN others THEN RETURN NULL; END $$`;
const PG_TRY_DECIMAL = `CREATE OR REPLACE FUNCTION pg_temp.sla_try_numeric(t text, p int, s int) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE v numeric;
BEGIN
  v := t::numeric;
  IF v <> round(v, s) OR abs(v) >= 10::numeric ^ (p - s) OR v::float8 <> t::float8 THEN RETURN NULL; END IF;
  RETURN round(v, s);
EXCEPTION WHEN others THEN RETURN NULL;
END $$`;

const postgres: Dialect = {
  name: "postgres",
  setup: ["SET TIME ZONE 'UTC'", PG_TRY_TIMESTAMP, PG_TRY_DECIMAL],
  text: "TEXT",
  matches: (expr, regex) => `(${expr} ~ '${regex}')`,
  tryTimestamp: (expr) => `pg_temp.sla_try_timestamptz(${expr})`,
  tryDecimal: (expr, p, s) => `CAST(pg_temp.sla_try_numeric(${expr}, ${p}, ${s}) AS DECIMAL(${p}, ${s}))`,
  epochMs: (ts) => `CAST(floor(extract(epoch FROM ${ts}) * 1000) AS BIGINT)`,
  div: (a, b) => `((${a}) / (${b}))`,
  createTemp: (name, select) => [`DROP TABLE IF EXISTS ${name}`, `CREATE TEMP TABLE ${name} AS ${select}`],
  jsonObject: (pairs) => `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(", ")})::TEXT`,
};

export function dialectOf(name: SqlDialect): Dialect {
  return name === "duckdb" ? duckdb : postgres;
}

/** The bounds of every instant the engine handles (JavaScript dates), for open-ended intervals. */
export const MIN_MS = -8_640_000_000_000_000;
export const MAX_MS = 8_640_000_000_000_000;
