import type { MeasurementAggregates, RecordWork } from "../aggregates.ts";
import type { RuleBundle } from "../bundle.ts";
import { type CollectedData, collect, UNKNOWN_NAMES_KEPT } from "../collect.ts";
import { type Context, metricOf } from "../context.ts";
import { EventDataError } from "../errors.ts";
import { type EvaluateOptions, observed, planEvaluation } from "../evaluate.ts";
import { type EventItem, toEventItem } from "../events.ts";
import { aggregatesKind } from "../objective-kind.ts";
import type { planInterest } from "../plan.ts";
import { streamingRecordWork } from "../records/streaming.ts";
import { buildReport } from "../report-json.ts";
import type { EvaluationReport } from "../report-types.ts";
import type { Period } from "../windows.ts";
import { type MeasurementWindow, measurementAggregatesSql, measurementTableSql, VALUE_SCALE } from "./measurements.ts";
import { type SqlRunner, SqlEngineError } from "./runner.ts";
import { loadRecords, type RecordsShape, type SqlEventSource, sqlString } from "./source.ts";

const REASONS_KEPT = 5;

/**
 * `evaluate` with the per-record work of measured metrics (the bulk of any data: one row per
 * request or probe) done by a SQL engine: selection, scheduled-time filtering, counts, exact sums
 * and nearest-rank percentiles. Outage and ticket records (a few per incident or ticket) are read
 * back from SQL and go through the streaming engine's record work; the contract logic is the one
 * both engines share. Reports are identical to `evaluate`'s on the same records.
 */
export async function evaluateWithSql(
  bundle: RuleBundle,
  source: SqlEventSource,
  options: EvaluateOptions,
  db: SqlRunner,
): Promise<EvaluationReport[]> {
  const { base, months, ...plan } = await planEvaluation(bundle, options);
  const shape = await loadRecords(db, source);
  await db.all(measurementTableSql(shape));
  const data = await readData(db, shape, plan.interest, options.skipInvalid ?? false);
  const { dataFrom, asOf } = observed({ base, months, ...plan }, data, options);

  // The contract logic decides which windows it looks at (look-backs, caps, windows in progress):
  // a first pass notes the measurement windows it asks for, SQL computes them all at once, and a
  // second pass builds the reports from the results.
  const wanted = new Map<string, MeasurementWindow>();
  const noting: RecordWork = {
    aggregates(ctx, objective, period) {
      if (aggregatesKind(objective) !== "measurements") return streamingRecordWork.aggregates(ctx, objective, period);
      const metric = metricOf(ctx, objective);
      const key = windowKey(metric.name, period);
      if (!wanted.has(key)) wanted.set(key, { id: wanted.size, metric, period });
      return { kind: "measurements", count: 0, outside: 0, percentile: null, sum: null };
    },
  };
  const ctxFor = (records: RecordWork): Context => ({ ...base, data, dataFrom, asOf, records, memo: new Map() });
  for (const m of months) buildReport(ctxFor(noting), m);

  const results = await measurementAggregatesSql(db, ctxFor(noting), [...wanted.values()]);
  const computed: RecordWork = {
    aggregates(ctx, objective, period) {
      if (aggregatesKind(objective) !== "measurements") return streamingRecordWork.aggregates(ctx, objective, period);
      const w = wanted.get(windowKey(metricOf(ctx, objective).name, period));
      const agg: MeasurementAggregates | undefined = w === undefined ? undefined : results.get(w.id);
      if (agg === undefined) throw new SqlEngineError(`no SQL result for ${objective.name} over ${period.label}`);
      return agg;
    },
  };
  const ctx = ctxFor(computed);
  return months.map((m) => buildReport(ctx, m));
}

function windowKey(metric: string, period: Period): string {
  return `${metric}|${period.start}|${period.end}`;
}

/**
 * What `collect` gives the streaming engine: outage and ticket records (read back and checked by
 * the streaming reader's rules), and for measurements the counts, range and unknown names SQL
 * computes. Invalid records stop the evaluation at the first one in file order, as in streaming.
 */
async function readData(
  db: SqlRunner,
  shape: RecordsShape,
  interest: ReturnType<typeof planInterest>,
  skipInvalid: boolean,
): Promise<CollectedData> {
  const others: EventItem[] = [];
  for (const row of await db.all(
    `SELECT line, ${shape.json} AS json FROM records WHERE ${shape.field("type").text} IS DISTINCT FROM 'measurement' ORDER BY line`,
  )) {
    const line = Number(row.line);
    let raw: unknown;
    try {
      raw = JSON.parse(String(row.json));
    } catch {
      raw = undefined;
    }
    others.push(
      raw === undefined ? { type: "invalid", line, field: null, reason: "not valid JSON" } : toEventItem(raw, line),
    );
  }
  const invalidMeasurements = await db.all(
    `SELECT line, ${shape.json} AS json FROM records WHERE line IN (SELECT line FROM measurements WHERE NOT valid ORDER BY line LIMIT ${skipInvalid ? REASONS_KEPT : 1}) ORDER BY line`,
  );
  const [{ bad }] = await db.all("SELECT count(*) AS bad FROM measurements WHERE NOT valid");
  const invalid: { line: number; error: EventDataError }[] = [];
  for (const row of invalidMeasurements) {
    const line = Number(row.line);
    const item = toEventItem(JSON.parse(String(row.json)), line);
    if (item.type !== "invalid")
      throw new SqlEngineError(
        `line ${line}: this measurement cannot be read exactly in SQL (its time must be an RFC 3339 date-time SQL can read, its value a number of at most ${18 - VALUE_SCALE} digits before the point and ${VALUE_SCALE} after it); evaluate it with the streaming engine`,
      );
    invalid.push({ line, error: new EventDataError(line, item.field, item.reason) });
  }
  for (const item of others)
    if (item.type === "invalid")
      invalid.push({ line: item.line, error: new EventDataError(item.line, item.field, item.reason) });
  invalid.sort((a, b) => a.line - b.line);
  if (invalid.length > 0 && !skipInvalid) throw invalid[0].error;

  const collected = await collect(
    others.filter((i) => i.type !== "invalid"),
    interest,
    false,
  );
  const declared = [...interest.declaredMetrics].map(sqlString).join(", ") || "NULL";
  const wantedMetrics = [...interest.metrics].map(sqlString).join(", ") || "NULL";
  const [m] = await db.all(`SELECT count(*) AS records, min(at_ms) AS earliest, max(at_ms) AS latest,
  count(*) FILTER (WHERE metric IN (${wantedMetrics}) AND at_ms >= ${interest.start} AND at_ms < ${interest.end}) AS used,
  (SELECT max(line) FROM records) AS lines
FROM measurements WHERE valid`);
  const unknownRows = await db.all(`SELECT metric, count(*) AS n, min(line) AS first FROM measurements
WHERE valid AND metric NOT IN (${declared}) GROUP BY metric ORDER BY first LIMIT ${UNKNOWN_NAMES_KEPT + 1}`);
  const [{ omitted }] = await db.all(`SELECT coalesce(sum(n), 0)::BIGINT AS omitted FROM (
  SELECT count(*) AS n, min(line) AS first FROM measurements WHERE valid AND metric NOT IN (${declared})
  GROUP BY metric ORDER BY first OFFSET ${UNKNOWN_NAMES_KEPT})`);

  const unknown = collected.unknown;
  let unknownOmitted = collected.unknownOmitted + Number(omitted);
  for (const row of unknownRows.slice(0, UNKNOWN_NAMES_KEPT)) {
    const key = `metric|${String(row.metric)}`;
    if (unknown.size < UNKNOWN_NAMES_KEPT) unknown.set(key, Number(row.n));
    else unknownOmitted += Number(row.n);
  }
  const records = Number(m.records);
  const used = Number(m.used);
  const stats = collected.stats;
  const earliest = minOf(collected.earliest, m.earliest);
  const latest = maxOf(collected.latest, m.latest);
  return {
    ...collected,
    earliest,
    latest,
    unknown,
    unknownOmitted,
    stats: {
      lines: m.lines === null ? 0 : Number(m.lines),
      records: stats.records + records,
      used: stats.used + used,
      ignored: stats.ignored + records - used,
      skipped: invalid.length - invalidMeasurements.length + Number(bad),
      skippedReasons: invalid.slice(0, REASONS_KEPT).map((i) => i.error.message),
    },
  };
}

function minOf(a: number | null, b: unknown): number | null {
  if (b === null || b === undefined) return a;
  return a === null ? Number(b) : Math.min(a, Number(b));
}

function maxOf(a: number | null, b: unknown): number | null {
  if (b === null || b === undefined) return a;
  return a === null ? Number(b) : Math.max(a, Number(b));
}
