import type { MeasurementAggregates } from "../aggregates.ts";
import type { BundleMetric } from "../bundle.ts";
import type { Context } from "../context.ts";
import { Dec } from "../decimal.ts";
import { hoursIntervals } from "../schedule.ts";
import type { Period } from "../windows.ts";
import type { SqlRunner } from "./runner.ts";
import { type RecordsShape, sqlString } from "./source.ts";

// RFC 3339 date-times, as the streaming reader accepts them; anything else is left to it to describe.
const RFC3339 = String.raw`^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$`;
const NUMBER = String.raw`^-?\d+(\.\d+)?([eE][+-]?\d+)?$`;
/**
 * Measurement values in SQL: exact DECIMAL(18, 9) (sums are DECIMAL(38, 9)); a value needing more
 * places or digits is refused, never rounded. 18 digits keep DuckDB's decimals in 64-bit integers,
 * which cast from text about a hundred times faster than 38.
 */
export const VALUE_SCALE = 9;

/**
 * The measurement rows of `records`, typed: time as epoch ms (BIGINT), value as DECIMAL(18, 9).
 * `valid` is false for a row the streaming reader might refuse or that SQL cannot hold exactly;
 * such rows are described by the streaming reader's own checks, row by row.
 */
export function measurementTableSql(shape: RecordsShape): string {
  const [metric, at, value, type] = ["metric", "at", "value", "type"].map((f) => shape.field(f));
  return `CREATE TEMP TABLE measurements AS
SELECT line, metric,
  CASE WHEN valid THEN epoch_ms(at_ts) END AS at_ms,
  CASE WHEN valid THEN exact END AS value,
  valid
FROM (
  SELECT line, metric, at_ts, exact,
    coalesce(
      metric_type = 'VARCHAR' AND metric <> ''
      AND at_type = 'VARCHAR' AND regexp_full_match(at_text, '${RFC3339}') AND at_ts IS NOT NULL
      AND (value_type IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') OR (value_type = 'VARCHAR' AND regexp_full_match(value_text, '${NUMBER}')))
      AND exact IS NOT NULL AND CAST(exact AS DOUBLE) = TRY_CAST(value_text AS DOUBLE)
      AND NOT suspicious,
      false) AS valid
  FROM (
    SELECT *, TRY_CAST(at_text AS TIMESTAMPTZ) AS at_ts, TRY_CAST(value_text AS DECIMAL(18, ${VALUE_SCALE})) AS exact
    FROM (
      SELECT line,
        ${metric.text} AS metric, ${metric.type} AS metric_type,
        ${at.text} AS at_text, ${at.type} AS at_type,
        trim(${value.text}) AS value_text, ${value.type} AS value_type,
        ${shape.forbiddenKeys} AS suspicious
      FROM records WHERE ${type.text} = 'measurement'
    )
  )
)`;
}

/** One window of a measurement objective whose figures SQL computes. */
export interface MeasurementWindow {
  id: number;
  metric: BundleMetric;
  period: Period;
}

/** The nearest rank as a fraction of n: rank = ceil(num × n / den); den 0 without a percentile. */
function rankFraction(percentile: string | null): { num: string; den: string } {
  if (percentile === null) return { num: "0", den: "0" };
  const p = new Dec(percentile);
  const places = p.decimalPlaces();
  const scale = new Dec(10).pow(places);
  return { num: p.times(scale).toFixed(0), den: scale.times(100).toFixed(0) };
}

/**
 * The windows and their scheduled time (computed here from the bundle: zones and calendars never
 * reach SQL) as two small tables; SQL intersects the measurements with them.
 */
export function windowTablesSql(ctx: Context, windows: MeasurementWindow[]): string[] {
  const rows: string[] = [];
  const sched: string[] = [];
  for (const w of windows) {
    const { num, den } = rankFraction(w.metric.percentile);
    rows.push(`(${w.id}, ${sqlString(w.metric.name)}, ${w.period.start}, ${w.period.end}, ${num}, ${den})`);
    const service = w.metric.service === null ? undefined : ctx.services.get(w.metric.service);
    const hours = service?.hours ?? { kind: "24x7" as const };
    const intervals =
      hours.kind === "24x7"
        ? [{ start: w.period.start, end: w.period.end }]
        : hoursIntervals(hours, ctx.calendars, w.period.start, w.period.end);
    for (const i of intervals) sched.push(`(${w.id}, ${i.start}, ${i.end})`);
  }
  const out = [
    "CREATE OR REPLACE TEMP TABLE windows (id INTEGER, metric VARCHAR, start_ms BIGINT, end_ms BIGINT, rank_num HUGEINT, rank_den HUGEINT)",
    "CREATE OR REPLACE TEMP TABLE scheduled (id INTEGER, start_ms BIGINT, end_ms BIGINT)",
  ];
  for (let i = 0; i < rows.length; i += 1000)
    out.push(`INSERT INTO windows VALUES ${rows.slice(i, i + 1000).join(", ")}`);
  for (let i = 0; i < sched.length; i += 1000)
    out.push(`INSERT INTO scheduled VALUES ${sched.slice(i, i + 1000).join(", ")}`);
  return out;
}

/**
 * Per window: measurements inside the scheduled time (n), in the window but outside it, their
 * exact sum, and the nearest-rank value with the first line (in file order) holding it.
 */
export const MEASUREMENT_AGGREGATES_SQL = `WITH in_window AS (
  SELECT w.id, m.line, m.at_ms, m.value, s.id IS NOT NULL AS inside
  FROM windows w
  JOIN measurements m ON m.valid AND m.metric = w.metric AND m.at_ms >= w.start_ms AND m.at_ms < w.end_ms
  LEFT JOIN scheduled s ON s.id = w.id AND m.at_ms >= s.start_ms AND m.at_ms < s.end_ms
),
counts AS (
  SELECT w.id, w.rank_num, w.rank_den,
    count(i.line) FILTER (WHERE i.inside) AS n,
    count(i.line) FILTER (WHERE NOT i.inside) AS outside,
    sum(i.value) FILTER (WHERE i.inside) AS total
  FROM windows w LEFT JOIN in_window i ON i.id = w.id
  GROUP BY w.id, w.rank_num, w.rank_den
),
ranked AS (
  SELECT id, value, row_number() OVER (PARTITION BY id ORDER BY value) AS rk FROM in_window WHERE inside
),
chosen AS (
  SELECT c.id, r.value FROM counts c JOIN ranked r ON r.id = c.id
  WHERE c.rank_den > 0 AND c.n > 0
    AND r.rk = least(c.n, greatest(1, (c.rank_num * c.n + c.rank_den - 1) // c.rank_den))
),
holder AS (
  SELECT ch.id, ch.value, arg_min(i.at_ms, i.line) AS at_ms, min(i.line) AS line
  FROM chosen ch JOIN in_window i ON i.id = ch.id AND i.inside AND i.value = ch.value
  GROUP BY ch.id, ch.value
)
SELECT c.id, c.n, c.outside, c.total::VARCHAR AS total,
  least(c.n, greatest(1, (c.rank_num * c.n + c.rank_den - 1) // c.rank_den))::BIGINT AS rk,
  h.value::VARCHAR AS value, h.line, h.at_ms
FROM counts c LEFT JOIN holder h ON h.id = c.id`;

export async function measurementAggregatesSql(
  db: SqlRunner,
  ctx: Context,
  windows: MeasurementWindow[],
): Promise<Map<number, MeasurementAggregates>> {
  const out = new Map<number, MeasurementAggregates>();
  if (windows.length === 0) return out;
  for (const statement of windowTablesSql(ctx, windows)) await db.all(statement);
  const byId = new Map(windows.map((w) => [w.id, w]));
  for (const row of await db.all(MEASUREMENT_AGGREGATES_SQL)) {
    const w = byId.get(Number(row.id));
    if (w === undefined) continue;
    const n = Number(row.n);
    const agg: MeasurementAggregates = {
      kind: "measurements",
      count: n,
      outside: Number(row.outside),
      percentile: null,
      sum: null,
    };
    if (n > 0 && w.metric.percentile !== null)
      agg.percentile = {
        rank: Number(row.rk),
        value: new Dec(String(row.value)).toFixed(),
        line: Number(row.line),
        at: Number(row.at_ms),
      };
    else if (n > 0) agg.sum = new Dec(String(row.total)).toFixed();
    out.set(w.id, agg);
  }
  return out;
}
