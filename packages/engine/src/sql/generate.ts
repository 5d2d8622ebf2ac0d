import type { RecordWork, WindowAggregates } from "../aggregates.ts";
import type { RuleBundle } from "../bundle.ts";
import { AMOUNT_SCALE, chargeResults, chargeStatsSql, chargeSql, chargeSumsFrom } from "./charges.ts";
import { type CollectedData, collect, type Interest, missingUnit, UNKNOWN_NAMES_KEPT } from "../collect.ts";
import type { Context } from "../context.ts";
import { EventDataError } from "../errors.ts";
import { type EvaluateOptions, type EvaluationPlan, observed, planEvaluation } from "../evaluate.ts";
import { type EventItem, toEventItem } from "../events.ts";
import { aggregatesKind, kindOf } from "../objective-kind.ts";
import { buildReport } from "../report-json.ts";
import type { EvaluationReport } from "../report-types.ts";
import { dialectOf, type SqlDialect } from "./dialect.ts";
import { coverageFrom, coverageSql, measurementAggregates, measurementSql } from "./measurements.ts";
import {
  decideNotices,
  type NoticeDecision,
  outageAggregatesFrom,
  outageObjectiveIndex,
  outageSql,
} from "./outages.ts";
import {
  type CoverageRequest,
  coverageKey,
  type ExtraWindow,
  empty,
  type PlannedWindow,
  planWindows,
  windowKey,
} from "./plan-windows.ts";
import { formatInstant } from "../time.ts";
import type { SqlResults, SqlRow } from "./rows.ts";
import { SqlEngineError } from "./runner.ts";
import { columnsShape, type RecordsShape, recordsTableSql, sqlString } from "./source.ts";
import {
  NO_REQUESTS,
  outageRecordsSql,
  requestAggregatesFrom,
  requestSql,
  requestStatsSql,
  type RequestWindow,
  requestWindowKey,
} from "./requests.ts";
import { ticketAggregatesFrom, ticketSql } from "./tickets.ts";
import { isUnitWindow, typedUnitSql, unitFigures, unitLoadSql, unitResults, unitRoundSql, unitsFrom } from "./units.ts";
import { otherRecordsSql, typedTablesSql, VALUE_SCALE } from "./typed.ts";

export type { SqlDialect } from "./dialect.ts";

export interface GenerateSqlOptions extends EvaluateOptions {
  dialect: SqlDialect;
  /** The value of the contract_id column of every result row. */
  contractId?: string;
  /** Group the figures by the records' `unit` column (absent or empty: ''); otherwise one unit, ''. */
  byUnit?: boolean;
  /** How the queries see `sla_records`: text columns (the default), or DuckDB's NDJSON objects. */
  recordsShape?: RecordsShape;
  /** Windows to compute besides the planned ones (what a SqlNeedsAnotherRound error named). */
  extraWindows?: ExtraWindow[];
  /** Maintenance notices decided by the streaming engine's rule (what a SqlNeedsAnotherRound error named). */
  noticeDecisions?: NoticeDecision[];
}

/**
 * The SQL left something to the streaming engine's code that changes its own work: windows the
 * contract logic asked for only once it saw figures, or maintenance notices counted on a calendar
 * across a clock change. Generate again with these added (`evaluateWithSql` does) and rerun.
 */
export class SqlNeedsAnotherRound extends SqlEngineError {
  constructor(
    readonly windows: ExtraWindow[],
    readonly notices: NoticeDecision[],
  ) {
    super(
      `the SQL must run again: ${[
        ...windows.map((w) => `no result for ${w.objective} over ${w.period.label}`),
        ...notices.map((n) => `the notice of line ${n.line} is decided outside SQL`),
      ].join(", ")}`,
    );
    this.name = "SqlNeedsAnotherRound";
  }
}

export interface GeneratedSql {
  dialect: SqlDialect;
  contractId: string;
  /** Creates the table the runner fills: `line` (from 1, file order), `unit`, the CSV columns as text. */
  recordsTable: string;
  /** Run in order after `sla_records` is filled: the typed, checked records; no rows needed. */
  load: string[];
  /** Run after `load`: the planned windows and the per-window figures; no rows needed. */
  statements: string[];
  /** Queries whose rows `reportsFromSqlResults` reads, by name. Every row has contract_id and unit. */
  results: { name: string; sql: string }[];
}

/**
 * The per-record work of a contract as SQL for DuckDB or PostgreSQL: typing and checking the
 * records, then per window (planned from the bundle and the options alone) the figures the
 * contract logic reads. Times are epoch milliseconds (BIGINT), values exact decimals.
 */
export async function generateSql(bundle: RuleBundle, options: GenerateSqlOptions): Promise<GeneratedSql> {
  const d = dialectOf(options.dialect);
  const plan = await planEvaluation(bundle, options);
  const coverages = new Map<string, CoverageRequest>();
  const requestWindows = new Map<string, RequestWindow>();
  const windows = [...planWindows(plan, options, options.extraWindows, coverages, requestWindows).values()];
  const shape = options.recordsShape ?? columnsShape(d);
  const unit = typedUnitSql(d, shape, plan, options.byUnit ?? false);
  const outageOptions = { ...options, outageRecords: (service: string) => outageRecordsSql(plan, service) };
  // Records known to hold no outages (nor requests, whose bad slices become outages) or no tickets
  // need no SQL for them: a request log read in one pass skips the business-hour calendars and a
  // hundred statements over empty tables. The per-unit round renames every kind's tables, so a
  // contract with per-unit terms keeps them all.
  const holds = (kind: string) =>
    shape.kinds === undefined || plan.interest.perUnit !== undefined || shape.kinds.includes(kind);
  const outages = holds("outage") || holds("requests");
  const tickets = holds("ticket");
  const figures = (ws: PlannedWindow[]) => [
    ...measurementSql(d, ws),
    ...(outages ? outageSql(d, plan, ws, outageOptions) : []),
    ...(tickets ? ticketSql(d, plan, ws) : []),
  ];
  const whole = windows.filter((w) => !isUnitWindow(w));
  const contract = sqlString(options.contractId ?? "contract");
  const tag = (select: string) => `SELECT ${contract} AS contract_id, q.* FROM (${select}) AS q`;
  return {
    dialect: options.dialect,
    contractId: options.contractId ?? "contract",
    recordsTable: recordsTableSql(d),
    load: [
      ...typedTablesSql(d, shape, unit, plan.interest.perUnit !== undefined),
      ...chargeSql(d, shape, plan),
      ...unitLoadSql(d, shape, plan),
    ],
    statements: [
      ...unitRoundSql(d, plan, windows, figures),
      ...measurementSql(d, whole),
      ...coverageSql(d, [...coverages.values()]),
      ...requestSql(d, plan, [...requestWindows.values()]),
      ...(outages ? outageSql(d, plan, whole, outageOptions) : []),
      ...(tickets ? ticketSql(d, plan, whole) : []),
    ],
    results: [
      { name: "invalid", sql: tag(invalidSql(shape)) },
      // charges are typed in SQL (sla_charges), valid or not
      {
        name: "others",
        sql: tag(`SELECT * FROM (${otherRecordsSql(shape)}) AS o WHERE o.line NOT IN (SELECT line FROM sla_charges)`),
      },
      { name: "stats", sql: tag(statsSql(plan)) },
      { name: "unknown", sql: tag(unknownSql(plan)) },
      { name: "measurements", sql: tag("SELECT * FROM sla_m_result") },
      { name: "coverage", sql: tag("SELECT * FROM sla_c_result") },
      ...(outages
        ? ["incidents", "pieces", "excluded", "totals", "beyond", "notices"].map((table) => ({
            name: `outage_${table}`,
            sql: tag(`SELECT * FROM sla_o_${table}`),
          }))
        : []),
      ...(tickets ? [{ name: "tickets", sql: tag("SELECT * FROM sla_t_result") }] : []),
      { name: "requests", sql: tag("SELECT * FROM sla_q_result") },
      ...unitResults(plan).map((r) => ({ name: r.name, sql: tag(r.sql) })),
      ...chargeResults(d).map((r) => ({ name: r.name, sql: tag(r.sql) })),
    ],
  };
}

function invalidSql(shape: RecordsShape): string {
  return `SELECT line, ${shape.json} AS json FROM sla_records WHERE line IN (SELECT line FROM sla_invalid)`;
}

function list(names: Iterable<string>): string {
  return [...names].map(sqlString).join(", ") || "NULL";
}

/** Counts, the data's range and the records the windows use, as `collect` counts them. */
function statsSql(plan: EvaluationPlan): string {
  const i = plan.interest;
  const ticketLatest = "greatest(opened_ms, coalesce(responded_ms, opened_ms), coalesce(resolved_ms, opened_ms))";
  return `SELECT (SELECT max(line) FROM sla_records) AS lines,
  (SELECT count(*) FROM sla_invalid) AS invalid,
  CAST(count(*) AS BIGINT) AS records, min(first) AS earliest, max(last) AS latest, coalesce(sum(used), 0) AS used
FROM (
  SELECT at_ms AS first, at_ms AS last,
    CASE WHEN metric IN (${list(i.metrics)}) AND at_ms >= ${i.start} AND at_ms < ${i.end} THEN 1 ELSE 0 END AS used
  FROM sla_measurements WHERE valid
  UNION ALL SELECT start_ms, end_ms,
    CASE WHEN service IN (${list(i.outageServices)}) AND end_ms >= ${i.outageStart} AND start_ms <= ${i.outageEnd} THEN 1 ELSE 0 END
  FROM sla_outages WHERE valid
  UNION ALL SELECT opened_ms, ${ticketLatest},
    CASE WHEN service IN (${list(i.ticketServices)}) AND opened_ms >= ${i.start} AND opened_ms < ${i.end} THEN 1 ELSE 0 END
  FROM sla_tickets WHERE valid
  UNION ALL ${requestStatsSql(plan)}
  UNION ALL ${chargeStatsSql(plan).stats}
) AS r`;
}

/** Undeclared names, by first line; the first UNKNOWN_NAMES_KEPT are listed, the rest counted. */
function unknownSql(plan: EvaluationPlan): string {
  const i = plan.interest;
  return `SELECT name, CAST(count(*) AS BIGINT) AS n, min(line) AS first FROM (
  SELECT 'metric|' || metric AS name, line FROM sla_measurements WHERE valid AND metric NOT IN (${list(i.declaredMetrics)})
  UNION ALL SELECT 'service|' || service, line FROM sla_outages WHERE valid AND service NOT IN (${list(i.declaredServices)})
  UNION ALL SELECT 'service|' || service, line FROM sla_tickets WHERE valid AND service NOT IN (${list(i.declaredServices)})
  UNION ALL SELECT 'metric|' || metric, line FROM sla_requests WHERE valid AND metric NOT IN (${list(i.declaredMetrics)})
  UNION ALL ${chargeStatsSql(plan).unknown}
) AS u GROUP BY name`;
}

const REASONS_KEPT = 5;

function parsed(row: SqlRow): EventItem {
  const line = Number(row.line);
  try {
    return toEventItem(typeof row.json === "string" ? JSON.parse(row.json) : row.json, line);
  } catch {
    return { type: "invalid", line, field: null, reason: "not valid JSON" };
  }
}

/**
 * The data section and the first invalid record, as the streaming reader reports them. Records of
 * a kind SQL does not type (a change of control) go through the streaming reader and `collect`.
 */
async function dataFrom(results: SqlResults, interest: Interest, skipInvalid: boolean): Promise<CollectedData> {
  const invalid: EventDataError[] = [];
  const others: EventItem[] = [];
  const bad: { line: number; error: EventDataError }[] = [];
  for (const row of results.invalid ?? []) {
    const item = parsed(row);
    const noUnit = item.type === "invalid" ? undefined : missingUnit(item, interest.perUnit);
    if (noUnit !== undefined) {
      bad.push({ line: item.line, error: noUnit });
      continue;
    }
    if (item.type !== "invalid")
      throw new SqlEngineError(
        `line ${item.line}: this record cannot be read exactly in SQL (times must be RFC 3339 date-times with at most microseconds and no leap second, a value a number of at most ${18 - VALUE_SCALE} digits before the point and ${VALUE_SCALE} after it, a severity at most 15 digits, a count of requests a whole number without a point or exponent, a charge's amount at most ${38 - AMOUNT_SCALE} digits before the point and ${AMOUNT_SCALE} after it, or 15 significant digits as a JSON number); evaluate it with the streaming engine`,
      );
    bad.push({ line: item.line, error: new EventDataError(item.line, item.field, item.reason) });
  }
  for (const row of results.others ?? []) {
    const item = parsed(row);
    const noUnit = item.type === "invalid" ? undefined : missingUnit(item, interest.perUnit);
    if (item.type === "invalid")
      bad.push({ line: item.line, error: new EventDataError(item.line, item.field, item.reason) });
    else if (noUnit !== undefined) bad.push({ line: item.line, error: noUnit });
    else others.push(item);
  }
  // in file order, as the streaming reader reads them (charges are summed, and named, in that order)
  others.sort((a, b) => a.line - b.line);
  bad.sort((a, b) => a.line - b.line);
  for (const b of bad) invalid.push(b.error);
  if (invalid.length > 0 && !skipInvalid) throw invalid[0];
  const read = await collect(others, interest, false);
  const [s] = results.stats ?? [{}];
  const unknown = new Map<string, number>();
  let unknownOmitted = read.unknownOmitted;
  for (const row of unknownNames(results.unknown ?? [], read.unknown, others)) {
    if (unknown.size < UNKNOWN_NAMES_KEPT) unknown.set(row.name, row.n);
    else unknownOmitted += row.n;
  }
  const units = unitsFrom(results, read.units);
  const chargeSums = chargeSumsFrom(results);
  const records = Number(s.records ?? 0) + read.stats.records;
  const used = Number(s.used ?? 0) + read.stats.used;
  const nullable = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const earliest = [nullable(s.earliest), read.earliest].filter((v) => v !== null);
  const latest = [nullable(s.latest), read.latest].filter((v) => v !== null);
  return {
    ...read,
    earliest: earliest.length ? Math.min(...earliest) : null,
    latest: latest.length ? Math.max(...latest) : null,
    unknown,
    unknownOmitted,
    ...(units.size ? { units } : {}),
    ...(chargeSums ? { chargeSums } : {}),
    stats: {
      lines: nullable(s.lines) ?? 0,
      records,
      used,
      ignored: records - used,
      skipped: invalid.length,
      skippedReasons: invalid.slice(0, REASONS_KEPT).map((e) => e.message),
    },
  };
}

/**
 * The undeclared names SQL counted (with their first lines) and those of the records the streaming
 * reader read (charges), together in order of first appearance, as `collect` keeps them.
 */
function unknownNames(
  rows: SqlRow[],
  read: Map<string, number>,
  others: EventItem[],
): { name: string; n: number; first: number }[] {
  const names = new Map<string, { name: string; n: number; first: number }>();
  for (const row of rows)
    names.set(String(row.name), { name: String(row.name), n: Number(row.n), first: Number(row.first) });
  for (const [name, n] of read) {
    const first = others.find((o) => {
      const r = o as { service?: unknown; metric?: unknown };
      return `service|${r.service}` === name || `metric|${r.metric}` === name;
    })!.line;
    const seen = names.get(name);
    if (seen === undefined) names.set(name, { name, n, first });
    else names.set(name, { name, n: seen.n + n, first: Math.min(seen.first, first) });
  }
  return [...names.values()].sort((a, b) => a.first - b.first);
}

/** Result rows by window id (and unit). */
function byWindow(rows: SqlRow[] | undefined, unit: string): Map<number, SqlRow[]> {
  const out = new Map<number, SqlRow[]>();
  for (const row of rows ?? []) {
    if (String(row.unit ?? "") !== unit) continue;
    const id = Number(row.window_id);
    const list = out.get(id);
    if (list === undefined) out.set(id, [row]);
    else list.push(row);
  }
  return out;
}

/**
 * The reports from the rows of `generated.results`: the contract logic over the figures SQL
 * computed, byte-identical to `evaluate` over the same records.
 */
export async function reportsFromSqlResults(
  bundle: RuleBundle,
  options: GenerateSqlOptions,
  results: SqlResults,
  unit = "",
): Promise<EvaluationReport[]> {
  const plan = await planEvaluation(bundle, options);
  const data = await dataFrom(results, plan.interest, options.skipInvalid ?? false);
  const notices = results.outage_notices ?? [];
  const unitNotices = results.unit_outage_notices ?? [];
  if (notices.length > 0 || unitNotices.length > 0) {
    const planned = [...planWindows(plan, options, options.extraWindows).values()];
    throw new SqlNeedsAnotherRound(
      [],
      [
        ...decideNotices(
          plan.base as Context,
          planned.filter((w) => !isUnitWindow(w)),
          notices,
        ),
        ...decideNotices(plan.base as Context, planned.filter(isUnitWindow), unitNotices),
      ],
    );
  }
  const seen = observed(plan, data, options);
  // the windows as generated: planned at the options' as-of, which the data's range cannot move
  // unless `now` is earlier than the data (then the caller regenerates with an explicit asOf)
  const coverages = new Map<string, CoverageRequest>();
  const requestWindows = new Map<string, RequestWindow>();
  const windows = planWindows(plan, options, options.extraWindows, coverages, requestWindows);
  const coverageRows = new Map<number, SqlRow[]>();
  for (const row of results.coverage ?? []) {
    if (String(row.unit ?? "") !== unit) continue;
    const list = coverageRows.get(Number(row.request_id));
    if (list === undefined) coverageRows.set(Number(row.request_id), [row]);
    else list.push(row);
  }
  const measurements = byWindow(results.measurements, unit);
  const tickets = byWindow(results.tickets, unit);
  const requests = byWindow(results.requests, unit);
  const ofUnit = (rows: SqlRow[] | undefined) => (rows ?? []).filter((r) => String(r.unit ?? "") === unit);
  const outageRows = {
    objectives: outageObjectiveIndex([...windows.values()].filter((w) => !isUnitWindow(w))),
    incidents: byWindow(results.outage_incidents, unit),
    pieces: ofUnit(results.outage_pieces),
    excluded: byWindow(results.outage_excluded, unit),
    totals: byWindow(results.outage_totals, unit),
    beyond: ofUnit(results.outage_beyond),
  };
  const computed = new Map<string, WindowAggregates>();
  const missing = new Map<string, ExtraWindow>();
  const ofUnitWindow = unitFigures(results, windows);
  const records: RecordWork = {
    aggregates(ctx, objective, period) {
      const key = windowKey(objective, period);
      const w: PlannedWindow | undefined = windows.get(key);
      if (w === undefined) {
        // noted, and the report finished over empty figures, so that one pass names them all
        missing.set(key, { objective: objective.name, period });
        return empty(aggregatesKind(objective)!);
      }
      const figuresKey = ctx.unitName === undefined ? key : `${key}|unit ${ctx.unitName}`;
      let agg = computed.get(figuresKey);
      if (agg === undefined) {
        if (isUnitWindow(w)) agg = ofUnitWindow(ctx, objective, w);
        else if (w.kind === "measurements") agg = measurementAggregates(w, measurements.get(w.id)?.[0]);
        else if (w.kind === "tickets") agg = ticketAggregatesFrom(ctx, w, tickets.get(w.id) ?? []);
        else agg = outageAggregatesFrom(ctx, w, outageRows);
        computed.set(figuresKey, agg);
      }
      return agg;
    },
    requests(_ctx, metric, period) {
      const w = requestWindows.get(requestWindowKey(metric.name, period));
      if (w !== undefined) return requestAggregatesFrom(requests.get(w.id)?.[0]);
      const o = bundle.objectives.find((x) => x.metric === metric.name && kindOf(x) === "success rate");
      if (o !== undefined)
        missing.set(`requests|${requestWindowKey(metric.name, period)}`, { objective: o.name, period });
      return NO_REQUESTS;
    },
    coverage(_ctx, metric, start, end, intervalMs) {
      const request = coverages.get(coverageKey(metric, start, end, intervalMs));
      if (request === undefined)
        throw new SqlEngineError(`no SQL result for the measurement plan of ${metric} from ${formatInstant(start)}`);
      return coverageFrom(coverageRows.get(request.id) ?? []);
    },
  };
  const ctx: Context = { ...plan.base, ...seen, records, memo: new Map() };
  const reports = plan.months.map((m) => buildReport(ctx, m));
  if (missing.size > 0) throw new SqlNeedsAnotherRound([...missing.values()], []);
  return reports;
}
