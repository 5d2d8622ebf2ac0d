import type { MeasurementAggregates, SampleCoverage } from "../aggregates.ts";
import { Dec } from "../decimal.ts";
import type { Dialect } from "./dialect.ts";
import { type CoverageRequest, type PlannedWindow, scheduleOf } from "./plan-windows.ts";
import { insertRows, type SqlRow } from "./rows.ts";
import { sqlString } from "./source.ts";

/** The nearest rank as a fraction of n: rank = ceil(num × n / den); den 0 without a percentile. */
function rankFraction(percentile: string | null): { num: string; den: string } {
  if (percentile === null) return { num: "0", den: "0" };
  const p = new Dec(percentile);
  const scale = new Dec(10).pow(p.decimalPlaces());
  return { num: p.times(scale).toFixed(0), den: scale.times(100).toFixed(0) };
}

/**
 * The measurement windows and their scheduled time (computed in TypeScript from the bundle: zones
 * and calendars never reach SQL) as two small tables, then per window and unit: measurements inside
 * the scheduled time (n), in the window but outside it, their exact sum, and the nearest-rank value
 * with the first line (in file order) holding it. The measurements are read once, into counts per
 * distinct value (not copied per window first: ten million rows written and read three times
 * more); the rank is found among those values with a running sum of their counts.
 */
export function measurementSql(d: Dialect, windows: PlannedWindow[]): string[] {
  const rows: string[] = [];
  const sched: string[] = [];
  for (const w of windows) {
    if (w.metric === undefined) continue;
    const { num, den } = rankFraction(w.metric.percentile);
    rows.push(`(${w.id}, ${sqlString(w.metric.name)}, ${w.period.start}, ${w.period.end}, ${num}, ${den})`);
    for (const i of scheduleOf(w)) sched.push(`(${w.id}, ${i.start}, ${i.end})`);
  }
  const div = (a: string, b: string) => d.div(a, b);
  const rank = `least(c.n, greatest(1, ${div("c.rank_num * c.n + c.rank_den - 1", "c.rank_den")}))`;
  return [
    ...d.createTemp(
      "sla_m_windows",
      "SELECT * FROM (VALUES (0, '', CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT))) AS t(id, metric, start_ms, end_ms, rank_num, rank_den) WHERE false",
    ),
    ...insertRows("sla_m_windows", rows),
    ...d.createTemp(
      "sla_m_scheduled",
      "SELECT * FROM (VALUES (0, CAST(0 AS BIGINT), CAST(0 AS BIGINT))) AS t(id, start_ms, end_ms) WHERE false",
    ),
    ...insertRows("sla_m_scheduled", sched),
    // one pass over the measurements: per window, unit and value (the value only when the window
    // has a percentile), the count inside the scheduled time and outside it, and inside it the exact
    // sum (a window without a percentile) or the first line holding the value (with one); the rest
    // works on these few rows
    ...d.createTemp(
      "sla_m_values",
      `SELECT w.id, m.unit, CASE WHEN w.rank_den > 0 THEN m.value END AS value,
  count(*) FILTER (WHERE s.id IS NOT NULL) AS k,
  count(*) FILTER (WHERE s.id IS NULL) AS outside,
  sum(m.value) FILTER (WHERE s.id IS NOT NULL AND w.rank_den = 0) AS total,
  min(m.line) FILTER (WHERE s.id IS NOT NULL AND w.rank_den > 0) AS first_line
FROM sla_m_windows w
JOIN sla_measurements m ON m.valid AND m.metric = w.metric AND m.at_ms >= w.start_ms AND m.at_ms < w.end_ms
LEFT JOIN sla_m_scheduled s ON s.id = w.id AND m.at_ms >= s.start_ms AND m.at_ms < s.end_ms
GROUP BY w.id, m.unit, CASE WHEN w.rank_den > 0 THEN m.value END`,
    ),
    ...d.createTemp(
      "sla_m_result",
      `WITH counts AS (
  SELECT v.id, v.unit, w.rank_num, w.rank_den, CAST(sum(v.k) AS BIGINT) AS n, CAST(sum(v.outside) AS BIGINT) AS outside,
    sum(v.total) AS total
  FROM sla_m_values v JOIN sla_m_windows w ON w.id = v.id
  GROUP BY v.id, v.unit, w.rank_num, w.rank_den
),
ranked AS (
  SELECT id, unit, value, k, first_line,
    sum(k) OVER (PARTITION BY id, unit ORDER BY value ROWS UNBOUNDED PRECEDING) AS upto
  FROM sla_m_values WHERE value IS NOT NULL AND k > 0
),
chosen AS (
  SELECT c.id, c.unit, r.value, r.first_line FROM counts c JOIN ranked r ON r.id = c.id AND r.unit = c.unit
  WHERE c.rank_den > 0 AND c.n > 0 AND r.upto - r.k < ${rank} AND r.upto >= ${rank}
),
holder AS (
  SELECT ch.id, ch.unit, ch.value, ch.first_line, m.at_ms
  FROM chosen ch JOIN sla_measurements m ON m.line = ch.first_line
)
SELECT c.id AS window_id, c.unit, c.n, c.outside, CAST(c.total AS ${d.text}) AS total,
  CAST(CASE WHEN c.rank_den > 0 AND c.n > 0 THEN ${rank} END AS BIGINT) AS rk,
  CAST(h.value AS ${d.text}) AS value, h.first_line AS line, h.at_ms
FROM counts c LEFT JOIN holder h ON h.id = c.id AND h.unit = c.unit`,
    ),
  ];
}

/** The figures of one window from its result row; no row: no measurement in the window. */
export function measurementAggregates(w: PlannedWindow, row: SqlRow | undefined): MeasurementAggregates {
  const agg: MeasurementAggregates = { kind: "measurements", count: 0, outside: 0, percentile: null, sum: null };
  if (row === undefined) return agg;
  const n = Number(row.n);
  agg.count = n;
  agg.outside = Number(row.outside);
  if (n > 0 && w.metric?.percentile != null)
    agg.percentile = {
      rank: Number(row.rk),
      value: new Dec(String(row.value)).toFixed(),
      line: Number(row.line),
      at: Number(row.at_ms),
    };
  else if (n > 0) agg.sum = new Dec(String(row.total)).toFixed();
  return agg;
}

/**
 * Per measurement-plan span: the metric's samples in it, and the runs of consecutive slots holding
 * at least one (distinct slot numbers, then gaps and islands: a run's slots minus their rank is constant).
 */
export function coverageSql(d: Dialect, requests: CoverageRequest[]): string[] {
  return [
    ...d.createTemp(
      "sla_c_requests",
      `SELECT 0 AS id, CAST('' AS ${d.text}) AS metric, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS interval_ms WHERE false`,
    ),
    ...insertRows(
      "sla_c_requests",
      requests.map((r) => `(${r.id}, ${sqlString(r.metric)}, ${r.start}, ${r.end}, ${r.intervalMs})`),
    ),
    ...d.createTemp(
      "sla_c_slots",
      `SELECT r.id, m.unit, ${d.div("m.at_ms - r.start_ms", "r.interval_ms")} AS slot, count(*) AS samples
FROM sla_c_requests r JOIN sla_measurements m ON m.valid AND m.metric = r.metric AND m.at_ms >= r.start_ms AND m.at_ms < r.end_ms
GROUP BY r.id, m.unit, ${d.div("m.at_ms - r.start_ms", "r.interval_ms")}`,
    ),
    ...d.createTemp(
      "sla_c_result",
      `SELECT id AS request_id, unit, min(slot) AS slot_from, max(slot) + 1 AS slot_to, CAST(sum(samples) AS BIGINT) AS samples
FROM (SELECT *, slot - row_number() OVER (PARTITION BY id, unit ORDER BY slot) AS run FROM sla_c_slots) AS s
GROUP BY id, unit, run`,
    ),
  ];
}

/** A span's coverage from its result rows (one per run of filled slots). */
export function coverageFrom(rows: SqlRow[]): SampleCoverage {
  const runs = [...rows].sort((a, b) => Number(a.slot_from) - Number(b.slot_from));
  return {
    samples: runs.reduce((n, r) => n + Number(r.samples), 0),
    filled: runs.map((r) => ({ from: Number(r.slot_from), to: Number(r.slot_to) })),
  };
}
