import type { IncidentAggregate, OutageAggregates, TotalOutageAggregate } from "../aggregates.ts";
import type { BundleExclusion, BundleObjective } from "../bundle.ts";
import type { Context } from "../context.ts";
import type { EvaluationPlan } from "../evaluate.ts";
import type { OutageCause, OutageRecord } from "../events.ts";
import { type Interval, totalLength } from "../intervals.ts";
import { announcedText, CAUSE_TEXT, lateReason, outsideHours } from "../records/exclusions.ts";
import { excludedOutage, limitMs } from "../records/outages.ts";
import type { ExcludedOutageReport } from "../report-types.ts";
import { addDuration, fixedMs, objectiveHoursIntervals } from "../schedule.ts";
import { formatDuration, formatInstant } from "../time.ts";
import { periodContaining, periodsEndingWithin } from "../windows.ts";
import { type Dialect, MAX_MS, MIN_MS } from "./dialect.ts";
import type { PlannedWindow } from "./plan-windows.ts";
import { insertRows, type SqlRow } from "./rows.ts";
import { SqlEngineError } from "./runner.ts";
import { sqlString } from "./source.ts";
import { counting, deadlineSql, Tables } from "./tickets.ts";

/**
 * How far beyond the outages the windows read the generated tables (service hours, allowance
 * windows) reach: an outage kept for a window but running further than this is refused.
 */
const REACH_MS = 400 * 86_400_000;

/** Outage objectives, each with its index in the generated table names, and their windows. */
function outageObjectives(windows: PlannedWindow[]): { objective: BundleObjective; windows: PlannedWindow[] }[] {
  const out = new Map<string, { objective: BundleObjective; windows: PlannedWindow[] }>();
  for (const w of windows) {
    if (w.kind !== "outages") continue;
    const entry = out.get(w.objective.name);
    if (entry === undefined) out.set(w.objective.name, { objective: w.objective, windows: [w] });
    else entry.windows.push(w);
  }
  return [...out.values()];
}

/** The range the generated tables cover: the outages the windows keep, and REACH_MS either side. */
function reach(plan: EvaluationPlan): Interval {
  return { start: plan.interest.outageStart - REACH_MS, end: plan.interest.outageEnd + REACH_MS };
}

/** Splits of `[start, end)` by the allowance window that counts each instant (rolling: by month). */
function allowanceSplits(rule: BundleExclusion, ctx: Context, range: Interval) {
  const window = rule.allowance!.window;
  const out: { start: number; end: number; key: number }[] = [];
  let t = range.start;
  while (t < range.end) {
    const p = periodContaining(window, t, ctx.zone);
    const split = window.period === "rolling" ? periodContaining({ period: "calendar month" }, t, ctx.zone) : p;
    out.push({ start: split.start, end: split.end, key: p.start });
    t = split.end;
  }
  return out;
}

/** Whether a maintenance record gave rule `j`'s notice, over the columns of `kept` (see outageSql). */
function noticeSql(rule: BundleExclusion, j: number): string {
  if (rule.notice === null) return "true";
  const ms = fixedMs(rule.notice);
  if (ms !== null) return `(announced_ms IS NOT NULL AND announced_ms + ${ms} <= start_ms)`;
  return `(announced_ms IS NOT NULL AND coalesce(given${j}, due${j} <= start_ms, false))`;
}

/** Merged intervals (overlapping or touching become one) of `src`'s (unit, start_ms, end_ms). */
function mergedSql(src: string): string {
  return `SELECT unit, min(start_ms) AS s, max(end_ms) AS e FROM (
  SELECT unit, start_ms, end_ms, sum(brk) OVER (PARTITION BY unit ORDER BY start_ms, end_ms ROWS UNBOUNDED PRECEDING) AS grp FROM (
    SELECT unit, start_ms, end_ms, CASE WHEN start_ms <= max(end_ms) OVER (PARTITION BY unit ORDER BY start_ms, end_ms ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS brk
    FROM (${src}) AS a WHERE end_ms > start_ms) AS b) AS c
GROUP BY unit, grp`;
}

/** The gaps between `src`'s merged intervals, from MIN_MS to MAX_MS, for every unit of `units`. */
export function gapsSql(src: string, units: string): string {
  return `SELECT unit, gs, ge FROM (
  SELECT unit, lag(e) OVER (PARTITION BY unit ORDER BY s) AS gs, s AS ge FROM (
    ${mergedSql(src)}
    UNION ALL SELECT DISTINCT unit, ${MIN_MS}, ${MIN_MS} FROM ${units}
    UNION ALL SELECT DISTINCT unit, ${MAX_MS}, ${MAX_MS} FROM ${units}) AS m) AS g
WHERE gs IS NOT NULL AND ge > gs`;
}

const PIECE = "unit, line, ord, cause, announced_ms, rstart, lastq";

/**
 * The outage record work of every outage objective, in SQL: each objective's records classified
 * by cause and notice, maintenance clipped to service hours and to time not already down, the
 * allowance handed out in order of start (the allowance used before a piece is the smaller of the
 * limit and the time before it, so a running sum decides it), the rest counted; incidents merged;
 * then per window the incidents, their downtime, the excluded time and the total-outage windows.
 */
/** A maintenance record's notice for one rule, decided by the streaming engine's code. */
export interface NoticeDecision {
  objective: string;
  line: number;
  rule: number;
  given: boolean;
}

export function outageSql(
  d: Dialect,
  plan: EvaluationPlan,
  windows: PlannedWindow[],
  options: { noticeDecisions?: NoticeDecision[]; outageRecords?: (service: string) => string } = {},
): string[] {
  const t = d.text;
  const out: string[] = [
    ...d.createTemp(
      "sla_o_incidents",
      `SELECT 0 AS objective, CAST('' AS ${t}) AS unit, 0 AS window_id, CAST(0 AS BIGINT) AS inc, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS in_window_ms, CAST(0 AS BIGINT) AS whole_ms, CAST(0 AS BIGINT) AS began, CAST(0 AS BIGINT) AS limit_passed_at WHERE false`,
    ),
    ...d.createTemp(
      "sla_o_pieces",
      `SELECT 0 AS objective, CAST('' AS ${t}) AS unit, CAST(0 AS BIGINT) AS inc, CAST(0 AS BIGINT) AS line, CAST('' AS ${t}) AS cause, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS announced_ms, CAST(0 AS BIGINT) AS rstart, CAST('' AS ${t}) AS code, 0 AS rule WHERE false`,
    ),
    ...d.createTemp(
      "sla_o_excluded",
      `SELECT 0 AS objective, CAST('' AS ${t}) AS unit, 0 AS window_id, 0 AS part, CAST(0 AS BIGINT) AS seq, CAST(0 AS BIGINT) AS line, CAST('' AS ${t}) AS cause, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS announced_ms, CAST(0 AS BIGINT) AS rstart, CAST('' AS ${t}) AS code, 0 AS rule, CAST(0 AS BIGINT) AS left_ms, CAST(0 AS BIGINT) AS aw WHERE false`,
    ),
    ...d.createTemp(
      "sla_o_totals",
      `SELECT 0 AS objective, CAST('' AS ${t}) AS unit, 0 AS window_id, 0 AS seq, CAST(0 AS BIGINT) AS downtime_ms, CAST(0 AS BIGINT) AS limit_passed_at WHERE false`,
    ),
    ...d.createTemp(
      "sla_o_notices",
      `SELECT 0 AS objective, CAST('' AS ${t}) AS unit, CAST(0 AS BIGINT) AS line, 0 AS rule, CAST(0 AS BIGINT) AS announced_ms, CAST(0 AS BIGINT) AS start_ms WHERE false`,
    ),
    ...d.createTemp(
      "sla_o_beyond",
      `SELECT 0 AS objective, CAST('' AS ${t}) AS unit, CAST(0 AS BIGINT) AS line WHERE false`,
    ),
  ];
  const range = reach(plan);
  outageObjectives(windows).forEach(({ objective: o, windows: ws }, k) => {
    const ctx = ws[0].ctx;
    const service = ws[0].service!;
    const p = (name: string) => `sla_o${k}_${name}`;
    const table = (name: string, select: string) => out.push(...d.createTemp(p(name), select));
    const rules = o.exclusions.filter((e) => e.cause === "maintenance");
    const excludes = (cause: string) => o.exclusions.some((e) => e.cause === cause);
    const q = rules.map((r, j) => `(cause = 'maintenance' AND ${noticeSql(r, j)})`);
    const lastq =
      rules.length === 0
        ? "-1"
        : `CASE ${q
            .map((c, j) => `WHEN ${c} THEN ${j}`)
            .reverse()
            .join(" ")} ELSE -1 END`;

    // the service's hours over the range (narrowed to the target's own), and the time outside them
    const hours =
      service.hours.kind === "24x7" && o.hours === undefined
        ? [{ start: MIN_MS, end: MAX_MS }]
        : objectiveHoursIntervals(o, service.hours, ctx.calendars, range.start, range.end);
    const off: Interval[] = [];
    let cursor = MIN_MS;
    for (const h of hours) {
      if (h.start > cursor) off.push({ start: cursor, end: h.start });
      cursor = Math.max(cursor, h.end);
    }
    if (cursor < MAX_MS) off.push({ start: cursor, end: MAX_MS });
    const intervalTable = (name: string, list: Interval[]) => {
      table(name, "SELECT CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms WHERE false");
      out.push(
        ...insertRows(
          p(name),
          list.map((i) => `(${i.start}, ${i.end})`),
        ),
      );
    };
    intervalTable("hours", hours);
    intervalTable("off", off);

    // a notice counted on the calendar (business days or hours, months): its deadline from the
    // generated tables, or the streaming engine's decision where SQL leaves it out
    const i = plan.interest;
    const tables = new Tables(d, range, `sla_o${k}_cal`);
    const notices = rules.flatMap((r, j) => {
      if (r.notice === null || fixedMs(r.notice) !== null) return [];
      const c = counting(ctx, r.notice, { kind: "24x7" });
      const due =
        c === null ? { expr: "CAST(NULL AS BIGINT)", joins: "" } : deadlineSql(d, c, tables, "o.announced_ms", `n${j}`);
      return [{ j, due }];
    });
    out.push(...tables.statements);
    const decided = (options.noticeDecisions ?? []).filter((n) => n.objective === o.name);
    table("decided", `SELECT CAST(0 AS BIGINT) AS line, 0 AS rule, false AS given WHERE false`);
    out.push(
      ...insertRows(
        p("decided"),
        decided.map((n) => `(${n.line}, ${n.rule}, ${n.given})`),
      ),
    );
    table(
      "kept",
      `SELECT o.*${notices.map(({ j, due }) => `, ${due.expr} AS due${j}, g${j}.given AS given${j}`).join("")}
FROM ${options.outageRecords?.(service.name) ?? "sla_outages"} o
${notices.map(({ j, due }) => `${due.joins}\nLEFT JOIN ${p("decided")} g${j} ON g${j}.line = o.line AND g${j}.rule = ${j}`).join("\n")}
WHERE o.valid AND o.service = ${sqlString(service.name)} AND o.end_ms > o.start_ms AND o.end_ms >= ${i.outageStart} AND o.start_ms <= ${i.outageEnd}`,
    );
    for (const { j } of notices)
      out.push(
        `INSERT INTO sla_o_notices SELECT ${k}, unit, line, ${j}, announced_ms, start_ms FROM ${p("kept")}
WHERE cause = 'maintenance' AND announced_ms IS NOT NULL AND given${j} IS NULL AND due${j} IS NULL`,
      );
    table(
      "recs",
      `SELECT unit, line, start_ms, end_ms, cause, announced_ms, start_ms AS rstart,
  row_number() OVER (PARTITION BY unit ORDER BY start_ms, line) AS ord,
  ${q.map((c, j) => `${c} AS q${j}`).join(", ")}${q.length > 0 ? "," : ""}
  ${lastq} AS lastq,
  CASE WHEN cause = 'unplanned' THEN 'counted'
    WHEN cause = 'customer' THEN '${excludes("customer") ? "excluded" : "counted"}'
    WHEN cause = 'force majeure' THEN '${excludes("force majeure") ? "excluded" : "counted"}'
    WHEN ${lastq} >= 0 THEN 'qualifying' ELSE 'counted' END AS class
FROM ${p("kept")}`,
    );
    if (service.hours.kind !== "24x7" || rules.some((r) => r.allowance !== null))
      out.push(
        `INSERT INTO sla_o_beyond SELECT ${k}, unit, line FROM ${p("recs")} WHERE start_ms < ${range.start} OR end_ms > ${range.end}`,
      );
    const qFlags = q.map((_, j) => `q${j}`).join(", ") + (q.length > 0 ? ", " : "");

    // qualifying maintenance: the part outside service hours is excluded; the part inside, less
    // time already down (other records, or earlier maintenance), meets the allowance
    table(
      "cover_gaps",
      gapsSql(`SELECT unit, start_ms, end_ms FROM ${p("recs")} WHERE class <> 'qualifying'`, p("recs")),
    );
    table(
      "qual",
      `SELECT *, greatest(start_ms, coalesce(max(end_ms) OVER (PARTITION BY unit ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), start_ms)) AS lo
FROM ${p("recs")} WHERE class = 'qualifying'`,
    );
    table(
      "stage0",
      `SELECT ${PIECE}, ${qFlags}ps, pe FROM (
  SELECT r.*, greatest(r.lo, h.start_ms, g.gs) AS ps, least(r.end_ms, h.end_ms, g.ge) AS pe
  FROM ${p("qual")} r
  JOIN ${p("hours")} h ON h.end_ms > r.lo AND h.start_ms < r.end_ms
  JOIN ${p("cover_gaps")} g ON g.unit = r.unit AND g.ge > greatest(r.lo, h.start_ms) AND g.gs < least(r.end_ms, h.end_ms)
) AS x WHERE pe > ps`,
    );
    const excludedParts: string[] = [
      `SELECT ${PIECE}, start_ms, end_ms, 'cause-excluded' AS code, -1 AS rule, CAST(NULL AS BIGINT) AS left_ms, CAST(NULL AS BIGINT) AS aw FROM ${p("recs")} WHERE class = 'excluded'`,
      `SELECT ${PIECE.replace(/\b(\w+)\b/g, "r.$1")}, greatest(r.start_ms, f.start_ms), least(r.end_ms, f.end_ms), 'maint-outside', -1, NULL, NULL
FROM ${p("qual")} r JOIN ${p("off")} f ON f.end_ms > r.start_ms AND f.start_ms < r.end_ms`,
    ];
    rules.forEach((rule, j) => {
      const here = p(`stage${j}`);
      if (rule.allowance === null) {
        excludedParts.push(`SELECT ${PIECE}, ps, pe, 'no-limit', ${j}, NULL, NULL FROM ${here} WHERE q${j}`);
        table(`stage${j + 1}`, `SELECT * FROM ${here} WHERE NOT q${j}`);
        return;
      }
      const limit = fixedMs(rule.allowance.duration);
      if (limit === null)
        throw new SqlEngineError(`maintenance allowance "${rule.allowance.duration.text}" must be a fixed length`);
      const aw = p(`aw${j}`);
      table(
        `aw${j}`,
        "SELECT CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS aw WHERE false",
      );
      out.push(
        ...insertRows(
          aw,
          allowanceSplits(rule, ctx, range).map((s) => `(${s.start}, ${s.end}, ${s.key})`),
        ),
      );
      table(
        `alloc${j}`,
        `SELECT *, CAST(least(${limit}, cum) - least(${limit}, cum - (se - ss)) AS BIGINT) AS take,
  CAST(least(${limit}, cum - (se - ss)) AS BIGINT) AS already
FROM (
  SELECT *, sum(se - ss) OVER (PARTITION BY unit, aw ORDER BY ord, ss ROWS UNBOUNDED PRECEDING) AS cum FROM (
    SELECT s.*, greatest(s.ps, a.start_ms) AS ss, least(s.pe, a.end_ms) AS se, a.aw
    FROM ${here} s JOIN ${aw} a ON a.end_ms > s.ps AND a.start_ms < s.pe WHERE s.q${j}) AS x) AS y`,
      );
      excludedParts.push(
        `SELECT ${PIECE}, ss, ss + take, 'allowance', ${j}, ${limit} - already - take, aw FROM ${p(`alloc${j}`)} WHERE take > 0`,
      );
      table(
        `stage${j + 1}`,
        `SELECT ${PIECE}, ${qFlags}ss + take AS ps, se AS pe FROM ${p(`alloc${j}`)} WHERE ss + take < se
UNION ALL SELECT * FROM ${here} WHERE NOT q${j}`,
      );
    });
    const last = p(`stage${rules.length}`);
    table(
      "counted",
      `SELECT ${PIECE}, start_ms, end_ms,
  CASE WHEN cause = 'unplanned' THEN CAST(NULL AS ${t}) WHEN cause = 'maintenance' THEN 'late' ELSE 'cause-counted' END AS code, -1 AS rule
FROM ${p("recs")} WHERE class = 'counted'
UNION ALL SELECT ${PIECE}, ps, pe, 'over', lastq FROM ${last}`,
    );
    table("excluded", excludedParts.join("\nUNION ALL "));
    table("counted_gaps", gapsSql(`SELECT unit, start_ms, end_ms FROM ${p("counted")}`, p("recs")));
    table(
      "shown",
      `SELECT e.unit, e.line, e.cause, e.announced_ms, e.rstart, e.code, e.rule, e.left_ms, e.aw,
  greatest(e.start_ms, g.gs) AS start_ms, least(e.end_ms, g.ge) AS end_ms
FROM ${p("excluded")} e JOIN ${p("counted_gaps")} g ON g.unit = e.unit AND g.ge > e.start_ms AND g.gs < e.end_ms`,
    );

    // incidents: counted time that overlaps or touches, whatever the causes
    table(
      "grouped",
      `SELECT *, sum(brk) OVER (PARTITION BY unit ORDER BY start_ms, end_ms, line ROWS UNBOUNDED PRECEDING) AS inc FROM (
  SELECT *, CASE WHEN start_ms <= max(end_ms) OVER (PARTITION BY unit ORDER BY start_ms, end_ms, line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS brk
  FROM ${p("counted")}) AS c`,
    );
    out.push(
      `INSERT INTO sla_o_pieces SELECT ${k}, unit, inc, line, cause, start_ms, end_ms, announced_ms, rstart, code, rule FROM ${p("grouped")}`,
    );
    table(
      "incidents",
      `SELECT unit, inc, min(start_ms) AS start_ms, max(end_ms) AS end_ms FROM ${p("grouped")} GROUP BY unit, inc`,
    );
    table(
      "downtime",
      `SELECT i.unit, i.inc, greatest(i.start_ms, h.start_ms) AS ds, least(i.end_ms, h.end_ms) AS de
FROM ${p("incidents")} i JOIN ${p("hours")} h ON h.end_ms > i.start_ms AND h.start_ms < i.end_ms`,
    );
    const perIncident = o.maxOutagePerIncident ? limitMs(o.maxOutagePerIncident.duration) : null;
    const passing = (limit: number | null, src: string, by: string) =>
      limit === null
        ? `SELECT ${by}, CAST(NULL AS BIGINT) AS passed FROM ${src} GROUP BY ${by}`
        : `SELECT ${by}, CAST(min(ds + ${limit} - (cum - (de - ds))) FILTER (WHERE cum > ${limit}) AS BIGINT) AS passed FROM (
  SELECT *, sum(de - ds) OVER (PARTITION BY ${by} ORDER BY ds ROWS UNBOUNDED PRECEDING) AS cum FROM ${src}) AS x GROUP BY ${by}`;
    table(
      "whole",
      `SELECT w.unit, w.inc, w.whole_ms, w.began, l.passed FROM (
  SELECT unit, inc, CAST(sum(de - ds) AS BIGINT) AS whole_ms, min(ds) AS began FROM ${p("downtime")} GROUP BY unit, inc) AS w
JOIN (${passing(perIncident, p("downtime"), "unit, inc")}) AS l ON l.unit = w.unit AND l.inc = w.inc`,
    );
    table("win", "SELECT 0 AS window_id, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms WHERE false");
    out.push(
      ...insertRows(
        p("win"),
        ws.map((w) => `(${w.id}, ${w.period.start}, ${w.period.end})`),
      ),
    );
    table(
      "in_window",
      `SELECT w.window_id, i.unit, i.inc, i.start_ms, i.end_ms, w.start_ms AS ws, w.end_ms AS we,
  coalesce((SELECT sum(greatest(0, least(dt.de, w.end_ms) - greatest(dt.ds, w.start_ms))) FROM ${p("downtime")} dt
    WHERE dt.unit = i.unit AND dt.inc = i.inc), 0) AS in_window_ms
FROM ${p("win")} w JOIN ${p("incidents")} i ON i.end_ms > w.start_ms AND i.start_ms < w.end_ms`,
    );
    out.push(
      `INSERT INTO sla_o_incidents SELECT ${k}, i.unit, i.window_id, i.inc, i.start_ms, i.end_ms, CAST(i.in_window_ms AS BIGINT), wh.whole_ms, wh.began, wh.passed
FROM ${p("in_window")} i JOIN ${p("whole")} wh ON wh.unit = i.unit AND wh.inc = i.inc WHERE i.in_window_ms > 0`,
      `INSERT INTO sla_o_excluded SELECT ${k}, i.unit, i.window_id, 0, i.inc * 1000000 + row_number() OVER (PARTITION BY i.window_id, i.unit, i.inc ORDER BY g.start_ms, g.end_ms, g.line), g.line, g.cause,
  greatest(g.start_ms, i.ws), least(g.end_ms, i.we), g.announced_ms, g.rstart, 'incident-outside', -1, NULL, NULL
FROM ${p("in_window")} i JOIN ${p("grouped")} g ON g.unit = i.unit AND g.inc = i.inc
WHERE i.in_window_ms = 0 AND least(g.end_ms, i.we) > greatest(g.start_ms, i.ws)`,
      `INSERT INTO sla_o_excluded SELECT ${k}, s.unit, w.window_id, 1, 0, s.line, s.cause,
  greatest(s.start_ms, w.start_ms), least(s.end_ms, w.end_ms), s.announced_ms, s.rstart, s.code, s.rule, s.left_ms, s.aw
FROM ${p("win")} w JOIN ${p("shown")} s ON s.end_ms > w.start_ms AND s.start_ms < w.end_ms`,
    );
    if (o.maxTotalOutage) {
      const limit = limitMs(o.maxTotalOutage.duration);
      const rows: string[] = [];
      for (const w of ws)
        periodsEndingWithin(o.maxTotalOutage.window, w.period.start, w.period.end, ctx.zone).forEach((tw, seq) => {
          rows.push(`(${w.id}, ${seq}, ${tw.start}, ${tw.end})`);
        });
      table(
        "tw",
        "SELECT 0 AS window_id, 0 AS seq, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms WHERE false",
      );
      out.push(...insertRows(p("tw"), rows));
      table(
        "tw_down",
        `SELECT t.window_id, t.seq, dt.unit, greatest(dt.ds, t.start_ms) AS ds, least(dt.de, t.end_ms) AS de
FROM ${p("tw")} t JOIN ${p("downtime")} dt ON dt.de > t.start_ms AND dt.ds < t.end_ms`,
      );
      out.push(
        `INSERT INTO sla_o_totals SELECT ${k}, s.unit, s.window_id, s.seq, s.downtime_ms, l.passed FROM (
  SELECT window_id, seq, unit, CAST(sum(de - ds) AS BIGINT) AS downtime_ms FROM ${p("tw_down")} GROUP BY window_id, seq, unit) AS s
JOIN (${passing(limit, p("tw_down"), "window_id, seq, unit")}) AS l ON l.window_id = s.window_id AND l.seq = s.seq AND l.unit = s.unit`,
      );
    }
  });
  return out;
}

/** The result rows of the outage queries, by window (pieces by objective and unit). */
export interface OutageRows {
  objectives: Map<string, number>;
  incidents: Map<number, SqlRow[]>;
  pieces: SqlRow[];
  excluded: Map<number, SqlRow[]>;
  totals: Map<number, SqlRow[]>;
  beyond: SqlRow[];
}

/** The index of each outage objective in the generated tables, as `outageSql` numbers them. */
export function outageObjectiveIndex(windows: PlannedWindow[]): Map<string, number> {
  return new Map(outageObjectives(windows).map((e, k) => [e.objective.name, k]));
}

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function reasonOf(ctx: Context, o: BundleObjective, row: SqlRow): string | null {
  const code = row.code === null || row.code === undefined ? null : String(row.code);
  const cause = String(row.cause) as OutageCause;
  const rules = o.exclusions.filter((e) => e.cause === "maintenance");
  const record = { start: num(row.rstart), announced: numOrNull(row.announced_ms) } as OutageRecord;
  const rule = rules[num(row.rule)];
  switch (code) {
    case null:
      return null;
    case "cause-counted":
      return `${CAUSE_TEXT[cause as "customer"]}, but this objective does not exclude it`;
    case "cause-excluded":
      return `${CAUSE_TEXT[cause as "customer"]}: excluded`;
    case "late":
      return lateReason(rules, record);
    case "maint-outside":
      return `maintenance ${outsideHours(o)}`;
    case "incident-outside":
      return outsideHours(o);
    case "no-limit":
      return `${announcedText(record, rule)}; no allowance limit`;
    case "allowance": {
      const a = rule.allowance!;
      const label = periodContaining(a.window, num(row.aw), ctx.zone).label;
      return `${announcedText(record, rule)}; within the allowance of ${a.duration.text} ${a.window.text}, ${formatDuration(num(row.left_ms))} left in ${label}`;
    }
    case "over": {
      const a = rule.allowance;
      return `maintenance over the allowance${a === null ? "" : ` of ${a.duration.text} ${a.window.text}`}`;
    }
    default:
      throw new SqlEngineError(`unknown outage reason ${code}`);
  }
}

/**
 * The notices SQL left undecided (a clock change on the day, beyond the generated tables), decided
 * by the streaming engine's own rule: the notice's end, counted on the business calendar, is at or
 * before the start.
 */
export function decideNotices(ctx: Context, windows: PlannedWindow[], rows: SqlRow[]): NoticeDecision[] {
  const objectives = outageObjectives(windows);
  return rows.map((r) => {
    const o = objectives[num(r.objective)].objective;
    const rule = o.exclusions.filter((e) => e.cause === "maintenance")[num(r.rule)];
    const due = addDuration(num(r.announced_ms), rule.notice!, ctx.zone, ctx.businessCalendar);
    return { objective: o.name, line: num(r.line), rule: num(r.rule), given: due <= num(r.start_ms) };
  });
}

/** The outage figures of one window from the result rows. */
export function outageAggregatesFrom(ctx: Context, w: PlannedWindow, rows: OutageRows): OutageAggregates {
  const o = w.objective;
  const k = rows.objectives.get(o.name)!;
  const ofK = (r: SqlRow) => num(r.objective) === k;
  if (rows.beyond.some(ofK))
    throw new SqlEngineError(
      `line ${num(rows.beyond.find(ofK)!.line)}: an outage running more than ${REACH_MS / 86_400_000} days beyond the windows evaluated is not computed in SQL; evaluate it with the streaming engine`,
    );
  const scheduledMs = totalLength(
    objectiveHoursIntervals(o, w.service!.hours, ctx.calendars, w.period.start, w.period.end),
  );
  const pieces = new Map<number, SqlRow[]>();
  for (const r of rows.pieces.filter(ofK)) {
    const list = pieces.get(num(r.inc));
    if (list === undefined) pieces.set(num(r.inc), [r]);
    else list.push(r);
  }
  const incidents: IncidentAggregate[] = (rows.incidents.get(w.id) ?? [])
    .filter(ofK)
    .sort((a, b) => num(a.start_ms) - num(b.start_ms))
    .map((r) => {
      const began = num(r.began);
      return {
        start: num(r.start_ms),
        end: num(r.end_ms),
        inWindowMs: num(r.in_window_ms),
        wholeMs: num(r.whole_ms),
        began: periodContaining(o.window, began, ctx.zone).label,
        beganHere: began >= w.period.start && began < w.period.end,
        limitPassedAt: numOrNull(r.limit_passed_at),
        records: (pieces.get(num(r.inc)) ?? [])
          .sort(
            (a, b) => num(a.start_ms) - num(b.start_ms) || num(a.end_ms) - num(b.end_ms) || num(a.line) - num(b.line),
          )
          .map((p) => ({
            line: num(p.line),
            cause: String(p.cause),
            start: formatInstant(num(p.start_ms)),
            end: formatInstant(num(p.end_ms)),
            note: reasonOf(ctx, o, p),
          })),
      };
    });
  const excludedRows = (rows.excluded.get(w.id) ?? [])
    .filter(ofK)
    .sort(
      (a, b) =>
        num(a.part) - num(b.part) ||
        num(a.seq) - num(b.seq) ||
        num(a.start_ms) - num(b.start_ms) ||
        num(a.line) - num(b.line),
    );
  const excluded: ExcludedOutageReport[] = excludedRows.map((r) =>
    excludedOutage(num(r.line), String(r.cause), num(r.start_ms), num(r.end_ms), reasonOf(ctx, o, r) ?? "excluded"),
  );
  excluded.sort((a, b) => a.start.localeCompare(b.start) || a.line - b.line);
  const totalWindows: TotalOutageAggregate[] = [];
  if (o.maxTotalOutage) {
    const totals = (rows.totals.get(w.id) ?? []).filter(ofK);
    periodsEndingWithin(o.maxTotalOutage.window, w.period.start, w.period.end, ctx.zone).forEach((tw, seq) => {
      const row = totals.find((r) => num(r.seq) === seq);
      totalWindows.push({
        label: tw.label,
        end: tw.end,
        downtimeMs: row === undefined ? 0 : num(row.downtime_ms),
        limitPassedAt: row === undefined ? null : numOrNull(row.limit_passed_at),
      });
    });
  }
  const downtimeMs = incidents.reduce((sum, i) => sum + i.inWindowMs, 0);
  return { kind: "outages", scheduledMs, downtimeMs, incidents, excluded, totalWindows };
}
