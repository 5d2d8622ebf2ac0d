/**
 * `requests` records in SQL: a success rate's requests per window, and time-slice downtime
 * (`downtime per 1 minute when error rate above 5%`) as unplanned outages of the metric's service,
 * computed as the streaming engine computes them (`records/requests.ts`, `records/request-slices.ts`):
 *
 * - counts are BIGINT, their sums HUGEINT (DuckDB) or numeric (PostgreSQL), read back as decimal text;
 * - a slice starts at `at − ((at + offset) mod length)`: slices follow one another from each local
 *   hour's start (the length divides an hour), with the zone's offset at `at` from a small table of
 *   the zone's offsets that TypeScript works out (zones never reach SQL);
 * - a slice's failed share is compared exactly: failed × 100 × 10^k against total × the threshold's
 *   digits (threshold = digits / 10^k), in whole numbers; a slice without requests is not downtime;
 * - the bad slices less the time of the service's outage records of another cause than unplanned,
 *   runs of touching parts merged into one outage named by its first slice's first line, which the
 *   outage SQL then reads beside the outage records.
 */
import { IANAZone } from "luxon";
import type { RequestAggregates } from "../aggregates.ts";
import type { BundleMetric } from "../bundle.ts";
import type { Context } from "../context.ts";
import { Dec } from "../decimal.ts";
import type { EvaluationPlan } from "../evaluate.ts";
import type { Interval } from "../intervals.ts";
import type { RequestSlicing } from "../records/request-slices.ts";
import { hoursIntervals } from "../schedule.ts";
import type { Period } from "../windows.ts";
import type { Dialect } from "./dialect.ts";
import { gapsSql } from "./outages.ts";
import { insertRows, type SqlRow } from "./rows.ts";
import { sqlString } from "./source.ts";

/** One window of a success rate metric whose requests SQL adds up. */
export interface RequestWindow {
  id: number;
  metric: BundleMetric;
  period: Period;
  /** The context the bundle's services and calendars come from. */
  ctx: Context;
}

export function requestWindowKey(metric: string, period: Period): string {
  return `${metric}|${period.start}|${period.end}`;
}

export const NO_REQUESTS: RequestAggregates = { kind: "requests", records: 0, outside: 0, total: "0", failed: "0" };

/** Spans of constant offset from UTC (ms) of `zone`, covering `[start, end)`. */
export interface ZoneOffset {
  start: number;
  end: number;
  offsetMs: number;
}

// No zone has changed its clocks twice within an hour, so stepping by hours finds every change.
const STEP_MS = 3_600_000;

// A portfolio's contracts mostly share a zone and months: each range is worked out once (hourly steps
// cost about 10 ms a month of range).
const OFFSETS_KEPT = 64;
const offsetsKept = new Map<string, ZoneOffset[]>();

/** The zone's offsets over `[start, end)`, each change found to the millisecond (luxon's tz data). */
export function zoneOffsets(zone: string, start: number, end: number): ZoneOffset[] {
  const key = `${zone}|${start}|${end}`;
  let kept = offsetsKept.get(key);
  if (kept === undefined) {
    kept = offsetsOver(zone, start, end);
    if (offsetsKept.size >= OFFSETS_KEPT) offsetsKept.delete(offsetsKept.keys().next().value!);
    offsetsKept.set(key, kept);
  }
  return kept.map((o) => ({ ...o }));
}

function offsetsOver(zone: string, start: number, end: number): ZoneOffset[] {
  const z = IANAZone.create(zone);
  const offset = (t: number) => z.offset(t) * 60_000;
  const out: ZoneOffset[] = [];
  let from = start;
  let current = offset(start);
  for (let t = start; t < end; ) {
    const next = Math.min(t + STEP_MS, end);
    if (offset(next) === current) {
      t = next;
      continue;
    }
    let lo = t;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === current) lo = mid;
      else hi = mid;
    }
    out.push({ start: from, end: hi, offsetMs: current });
    from = hi;
    current = offset(hi);
    t = hi;
  }
  out.push({ start: from, end: Math.max(end, from + 1), offsetMs: current });
  return out;
}

/** The slicings whose bad slices are outages of `service`. */
function slicingsOf(plan: EvaluationPlan, service: string): RequestSlicing[] {
  return (plan.interest.requestSlices ?? []).filter((s) => s.service === service);
}

const OUTAGE_COLUMNS = "line, unit, service, start_ms, end_ms, cause, announced_ms, valid";

/**
 * What the outage SQL reads as the outage records of `service`: `sla_outages`, with the bad slices'
 * outages beside them when a metric's time slices are downtime of the service.
 */
export function outageRecordsSql(plan: EvaluationPlan, service: string): string {
  if (slicingsOf(plan, service).length === 0) return "sla_outages";
  return `(SELECT ${OUTAGE_COLUMNS} FROM sla_outages UNION ALL SELECT ${OUTAGE_COLUMNS} FROM sla_q_outages)`;
}

/** Threshold `t` as the whole numbers of `failed × share cmp total × limit`, the share being failed ÷ total in percent. */
function thresholdFactors(threshold: string): { share: string; limit: string } {
  const t = new Dec(threshold);
  const scale = new Dec(10).pow(t.decimalPlaces());
  return { share: scale.times(100).toFixed(0), limit: t.times(scale).toFixed(0) };
}

/**
 * The success rate windows' figures (`sla_q_result`) and the time slices' outages (`sla_q_outages`).
 */
export function requestSql(d: Dialect, plan: EvaluationPlan, windows: RequestWindow[]): string[] {
  const t = d.text;
  const rows: string[] = [];
  const sched: string[] = [];
  for (const w of windows) {
    rows.push(`(${w.id}, ${sqlString(w.metric.name)}, ${w.period.start}, ${w.period.end})`);
    for (const i of scheduleOf(w)) sched.push(`(${w.id}, ${i.start}, ${i.end})`);
  }
  const out: string[] = [
    // with objectives held for each unit the typed records keep their units, but a requests record
    // has none (the streaming reader reads no unit on it): its requests are the whole service's
    ...(plan.interest.perUnit === undefined
      ? []
      : ["UPDATE sla_requests SET unit = '' WHERE unit IS NULL OR unit <> ''"]),
    ...d.createTemp(
      "sla_q_windows",
      `SELECT 0 AS id, CAST('' AS ${t}) AS metric, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms WHERE false`,
    ),
    ...insertRows("sla_q_windows", rows),
    ...d.createTemp(
      "sla_q_scheduled",
      "SELECT 0 AS id, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms WHERE false",
    ),
    ...insertRows("sla_q_scheduled", sched),
    ...d.createTemp(
      "sla_q_result",
      `SELECT w.id AS window_id, r.unit,
  CAST(count(*) FILTER (WHERE s.id IS NOT NULL) AS BIGINT) AS records,
  CAST(count(*) FILTER (WHERE s.id IS NULL) AS BIGINT) AS outside,
  CAST(coalesce(sum(r.total) FILTER (WHERE s.id IS NOT NULL), 0) AS ${t}) AS total,
  CAST(coalesce(sum(r.failed) FILTER (WHERE s.id IS NOT NULL), 0) AS ${t}) AS failed
FROM sla_q_windows w
JOIN sla_requests r ON r.valid AND r.metric = w.metric AND r.at_ms >= w.start_ms AND r.at_ms < w.end_ms
LEFT JOIN sla_q_scheduled s ON s.id = w.id AND r.at_ms >= s.start_ms AND r.at_ms < s.end_ms
GROUP BY w.id, r.unit`,
    ),
  ];
  const slicings = plan.interest.requestSlices ?? [];
  if (slicings.length === 0) return out;

  const { outageStart, outageEnd } = plan.interest;
  out.push(
    ...d.createTemp(
      "sla_q_offsets",
      "SELECT CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS offset_ms WHERE false",
    ),
    ...insertRows(
      "sla_q_offsets",
      zoneOffsets(plan.interest.zone ?? "UTC", outageStart, outageEnd + 1).map(
        (o) => `(${o.start}, ${o.end}, ${o.offsetMs})`,
      ),
    ),
    ...d.createTemp(
      "sla_q_outages",
      `SELECT CAST(0 AS BIGINT) AS line, CAST('' AS ${t}) AS unit, CAST('' AS ${t}) AS service, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST('' AS ${t}) AS cause, CAST(NULL AS BIGINT) AS announced_ms, true AS valid WHERE false`,
    ),
  );
  slicings.forEach((s, k) => {
    const p = (name: string) => `sla_q${k}_${name}`;
    const table = (name: string, select: string) => out.push(...d.createTemp(p(name), select));
    const len = s.lengthMs;
    const { share, limit } = thresholdFactors(s.threshold);
    table(
      "slices",
      `SELECT unit, start_ms, sum(total) AS total, sum(failed) AS failed, min(line) AS line FROM (
  SELECT r.unit, r.line, r.total, r.failed, r.at_ms - (((r.at_ms + o.offset_ms) % ${len}) + ${len}) % ${len} AS start_ms
  FROM sla_requests r JOIN sla_q_offsets o ON r.at_ms >= o.start_ms AND r.at_ms < o.end_ms
  WHERE r.valid AND r.metric = ${sqlString(s.metric)} AND r.at_ms >= ${outageStart} AND r.at_ms <= ${outageEnd}) AS x
GROUP BY unit, start_ms`,
    );
    table(
      "bad",
      `SELECT unit, line, start_ms, start_ms + ${len} AS end_ms FROM ${p("slices")}
WHERE total > 0 AND failed * ${share} ${s.comparison === "above" ? ">" : ">="} total * ${limit}`,
    );
    // the service's outage records of another cause keep their time: the slices give only the rest
    const clear = `SELECT unit, start_ms, end_ms FROM sla_outages
WHERE valid AND service = ${sqlString(s.service)} AND cause <> 'unplanned' AND end_ms > start_ms AND end_ms >= ${outageStart} AND start_ms <= ${outageEnd}`;
    table(
      "parts",
      `SELECT b.unit, b.line, greatest(b.start_ms, g.gs) AS ps, least(b.end_ms, g.ge) AS pe
FROM ${p("bad")} b JOIN (${gapsSql(clear, p("bad"))}) AS g ON g.unit = b.unit AND g.ge > b.start_ms AND g.gs < b.end_ms`,
    );
    // touching parts are one outage, named by the line of its first part
    table(
      "runs",
      `SELECT *, first_value(line) OVER (PARTITION BY unit, run ORDER BY ps) AS first_line FROM (
  SELECT *, sum(brk) OVER (PARTITION BY unit ORDER BY ps ROWS UNBOUNDED PRECEDING) AS run FROM (
    SELECT *, CASE WHEN ps = lag(pe) OVER (PARTITION BY unit ORDER BY ps) THEN 0 ELSE 1 END AS brk FROM ${p("parts")}) AS a) AS b`,
    );
    out.push(
      `INSERT INTO sla_q_outages SELECT min(first_line), unit, ${sqlString(s.service)}, min(ps), max(pe), 'unplanned', CAST(NULL AS BIGINT), true
FROM ${p("runs")} GROUP BY unit, run`,
    );
  });
  return out;
}

/** A success rate window's scheduled time: its metric's service's hours inside it (24x7: all of it). */
function scheduleOf(w: RequestWindow): Interval[] {
  const service = w.metric.service === null ? undefined : w.ctx.services.get(w.metric.service);
  const hours = service?.hours ?? { kind: "24x7" as const };
  if (hours.kind === "24x7") return [{ start: w.period.start, end: w.period.end }];
  return hoursIntervals(hours, w.ctx.calendars, w.period.start, w.period.end);
}

/** The records the stats count as used: requests a success rate counts, or a slicing slices. */
export function requestStatsSql(plan: EvaluationPlan): string {
  const i = plan.interest;
  const list = (names: Iterable<string>) => [...names].map(sqlString).join(", ") || "NULL";
  const sliced = (i.requestSlices ?? []).map((s) => s.metric);
  return `SELECT at_ms, at_ms,
    CASE WHEN (metric IN (${list(sliced)}) AND at_ms >= ${i.outageStart} AND at_ms <= ${i.outageEnd})
      OR (metric IN (${list(i.requestMetrics ?? [])}) AND at_ms >= ${i.start} AND at_ms < ${i.end}) THEN 1 ELSE 0 END
  FROM sla_requests WHERE valid`;
}

/** A success rate window's figures from its result row; no row: no request records in it. */
export function requestAggregatesFrom(row: SqlRow | undefined): RequestAggregates {
  if (row === undefined) return NO_REQUESTS;
  return {
    kind: "requests",
    records: Number(row.records),
    outside: Number(row.outside),
    total: BigInt(String(row.total)).toString(),
    failed: BigInt(String(row.failed)).toString(),
  };
}
