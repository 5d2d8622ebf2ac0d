import { isWorkingDate } from "@sla/language/helpers";
import { DateTime } from "luxon";
import type { TicketAggregates } from "../aggregates.ts";
import type { BundleDuration, BundleHours, BundleSupport } from "../bundle.ts";
import { type Context, calendarFor } from "../context.ts";
import { Dec } from "../decimal.ts";
import type { EvaluationPlan } from "../evaluate.ts";
import type { TicketRecord } from "../events.ts";
import { checkWithin } from "../records/tickets.ts";
import type { TicketCheckReport, TicketReport } from "../report-types.ts";
import { type Calendar, calendarIntervals, fixedMs } from "../schedule.ts";
import { durationReport, formatInstant } from "../time.ts";
import { type Dialect, MIN_MS } from "./dialect.ts";
import type { PlannedWindow } from "./plan-windows.ts";
import { insertRows, type SqlRow } from "./rows.ts";
import { sqlString } from "./source.ts";

const DAY_MS = 86_400_000;
/** How far past the windows the generated working-time and day tables reach. */
const REACH_MS = 400 * DAY_MS;

type Check = "response" | "resolution";

/** How a target is counted, as `checkWithin` counts it. */
export type Counting =
  | { kind: "elapsed"; ms: number }
  | { kind: "working"; ms: number; cal: Calendar }
  | { kind: "business days"; n: number; cal: Calendar }
  | { kind: "months"; n: number; zone: string; cal: Calendar };

export function counting(ctx: Context, within: BundleDuration, during: BundleHours): Counting | null {
  const cal = calendarFor(ctx, during);
  const whole = Number(within.amount);
  if (within.unit === "business day")
    return Number.isInteger(whole) && whole >= 0 ? { kind: "business days", n: whole, cal } : null;
  if (within.unit === "month" || within.unit === "year") {
    if (!Number.isInteger(whole) || whole < 0) return null;
    const zone = during.kind === "calendar" ? cal.timezone : ctx.zone;
    return { kind: "months", n: within.unit === "year" ? whole * 12 : whole, zone, cal };
  }
  const ms = fixedMs(within) ?? new Dec(within.amount).times(3_600_000).toNumber();
  if (!Number.isSafeInteger(ms)) return null;
  return within.unit === "business hour" || during.kind === "calendar"
    ? { kind: "working", ms, cal }
    : { kind: "elapsed", ms };
}

/** The generated tables a contract's ticket checks read, named once per calendar (and zone). */
export class Tables {
  readonly statements: string[] = [];
  private readonly names = new Map<string, string>();
  constructor(
    private readonly d: Dialect,
    private readonly range: { start: number; end: number },
    private readonly prefix = "sla_t_cal",
  ) {}

  /** Working intervals with the working time before each, and where the next one starts. */
  working(cal: Calendar): string {
    return this.once(`w|${cal.name}|${cal.timezone}`, () => {
      const intervals = calendarIntervals(cal, this.range.start, this.range.end);
      // a first row before any working time: the working time before an instant there is 0
      const rows = [`(${MIN_MS}, ${MIN_MS}, 0, ${intervals[0]?.start ?? this.range.end})`];
      let before = 0;
      intervals.forEach((i, k) => {
        rows.push(`(${i.start}, ${i.end}, ${before}, ${intervals[k + 1]?.start ?? this.range.end})`);
        before += i.end - i.start;
      });
      return [
        "SELECT CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST(0 AS BIGINT) AS before_ms, CAST(0 AS BIGINT) AS next_start WHERE false",
        rows,
      ];
    });
  }

  /** Local days in a zone: where each begins and ends, its date, the month's length, working-day count. */
  days(zone: string, cal: Calendar): string {
    return this.once(`d|${zone}|${cal.name}|${cal.timezone}`, () => {
      const rows: string[] = [];
      let day = DateTime.fromMillis(this.range.start, { zone }).startOf("day");
      let ord = 0;
      while (day.toMillis() < this.range.end) {
        const next = day.plus({ days: 1 });
        const working = isWorkingDate(cal, day);
        if (working) ord++;
        rows.push(
          `(${day.toMillis()}, ${next.toMillis()}, ${day.year}, ${day.month}, ${day.day}, ${day.daysInMonth}, ${working}, ${ord})`,
        );
        day = next;
      }
      return [
        "SELECT CAST(0 AS BIGINT) AS midnight, CAST(0 AS BIGINT) AS next_midnight, 0 AS y, 0 AS m, 0 AS d, 0 AS dim, false AS working, 0 AS ord WHERE false",
        rows,
      ];
    });
  }

  private once(key: string, make: () => [string, string[]]): string {
    let name = this.names.get(key);
    if (name === undefined) {
      name = `${this.prefix}${this.names.size}`;
      this.names.set(key, name);
      const [empty, rows] = make();
      this.statements.push(...this.d.createTemp(name, empty), ...insertRows(name, rows));
    }
    return name;
  }
}

/**
 * The instant a duration counted as `c` ends after the instant `from` (a column of the rows being
 * joined): an expression and the joins it needs, their aliases suffixed with `tag`. NULL where SQL
 * leaves it to the streaming engine's code: a clock change on the day or the target day (the same
 * wall-clock time is Luxon's call there), an instant beyond the generated tables.
 */
export function deadlineSql(d: Dialect, c: Counting, tables: Tables, from: string, tag: string) {
  switch (c.kind) {
    case "elapsed":
      return { expr: `${from} + ${c.ms}`, joins: "" };
    case "working": {
      const [w, o, dl] = [tables.working(c.cal), `o${tag}`, `dl${tag}`];
      const target = `(${o}.before_ms + least(${from}, ${o}.end_ms) - ${o}.start_ms + ${c.ms})`;
      return {
        expr: c.ms <= 0 ? from : `${dl}.start_ms + ${target} - ${dl}.before_ms`,
        joins: `LEFT JOIN ${w} ${o} ON ${from} >= ${o}.start_ms AND ${from} < ${o}.next_start
LEFT JOIN ${w} ${dl} ON ${dl}.before_ms < ${target} AND ${dl}.before_ms + (${dl}.end_ms - ${dl}.start_ms) >= ${target} AND ${dl}.end_ms > ${dl}.start_ms`,
      };
    }
    case "business days":
    case "months": {
      const days = tables.days(c.kind === "months" ? c.zone : c.cal.timezone, c.cal);
      const [d0, d1] = [`d0${tag}`, `d1${tag}`];
      const full = (x: string) => `(${x}.next_midnight - ${x}.midnight = ${DAY_MS})`;
      const target =
        c.kind === "business days"
          ? c.n === 0
            ? `${d1}.midnight = ${d0}.midnight`
            : `${d1}.working AND ${d1}.ord = ${d0}.ord + ${c.n}`
          : `${d1}.y = ${d0}.y + ${d.div(`${d0}.m - 1 + ${c.n}`, "12")} AND ${d1}.m = (${d0}.m - 1 + ${c.n}) % 12 + 1 AND ${d1}.d = least(${d0}.d, ${d1}.dim)`;
      return {
        // the same wall-clock time on the target day: on days of 24 hours, the time since midnight
        expr: `CASE WHEN ${full(d0)} AND ${full(d1)} THEN ${d1}.midnight + (${from} - ${d0}.midnight) END`,
        joins: `LEFT JOIN ${days} ${d0} ON ${from} >= ${d0}.midnight AND ${from} < ${d0}.next_midnight
LEFT JOIN ${days} ${d1} ON ${target}`,
      };
    }
  }
}

/**
 * One check of every ticket of `src` as columns `deadline` and `elapsed` (business time taken),
 * each NULL where SQL leaves it to the streaming engine's code.
 */
function checkSql(d: Dialect, check: Check, c: Counting | null, tables: Tables, src: string, from: string): string {
  const at = check === "response" ? "t.responded_ms" : "t.resolved_ms";
  const out = (deadline: string, elapsed: string, joins: string) =>
    `SELECT t.window_id, t.unit, t.line, ${deadline} AS deadline, ${elapsed} AS elapsed FROM ${src} t ${joins}`;
  if (c === null) return out("CAST(NULL AS BIGINT)", "CAST(NULL AS BIGINT)", "");
  const due = deadlineSql(d, c, tables, from, "");
  if (c.kind === "elapsed") return out(due.expr, `${at} - ${from}`, "");
  if (c.kind !== "working") return out(due.expr, "CAST(NULL AS BIGINT)", due.joins);
  const w = tables.working(c.cal);
  const cum = (x: string, alias: string) => `(${alias}.before_ms + least(${x}, ${alias}.end_ms) - ${alias}.start_ms)`;
  return out(
    due.expr,
    `CASE WHEN ${at} <= ${from} THEN 0 ELSE ${cum(at, "a")} - ${cum(from, "o")} END`,
    `${due.joins}
LEFT JOIN ${w} a ON ${at} >= a.start_ms AND ${at} < a.next_start`,
  );
}

function ticketWindows(windows: PlannedWindow[]): PlannedWindow[] {
  return windows.filter((w) => w.kind === "tickets");
}

/**
 * Per ticket window: the service's tickets of the objective's severity opened in it, each checked
 * against the response and resolution targets: elapsed time, working time on a calendar (the
 * working intervals and the working time before each, generated from the bundle), business days
 * and calendar months (the local days, generated likewise).
 */
export function ticketSql(d: Dialect, plan: EvaluationPlan, windows: PlannedWindow[]): string[] {
  const list = ticketWindows(windows);
  const tables = new Tables(d, { start: plan.interest.start - 7 * DAY_MS, end: plan.interest.end + REACH_MS });
  const t = d.text;
  const out: string[] = [
    ...d.createTemp(
      "sla_t_result",
      `SELECT 0 AS window_id, CAST('' AS ${t}) AS unit, CAST(0 AS BIGINT) AS line, CAST(0 AS BIGINT) AS severity, CAST(0 AS BIGINT) AS opened_ms, CAST(0 AS BIGINT) AS responded_ms, CAST(0 AS BIGINT) AS resolved_ms, CAST(0 AS BIGINT) AS acknowledged_ms, CAST(0 AS BIGINT) AS response_deadline, CAST(0 AS BIGINT) AS response_elapsed, CAST(0 AS BIGINT) AS resolution_deadline, CAST(0 AS BIGINT) AS resolution_elapsed WHERE false`,
    ),
  ];
  const body: string[] = [];
  for (const w of list) {
    const s = w.objective.support!;
    const severity = s.severity === null ? "" : ` AND t.severity = ${s.severity}`;
    const src = `(SELECT ${w.id} AS window_id, t.* FROM sla_tickets t WHERE t.valid AND t.service = ${sqlString(w.service!.name)}${severity}
  AND t.opened_ms >= ${w.period.start} AND t.opened_ms < ${w.period.end})`;
    const of = (check: Check) => {
      const rule = s[check];
      const from =
        check === "resolution" && s.resolution?.start === "acknowledgement" ? "t.acknowledged_ms" : "t.opened_ms";
      return checkSql(d, check, rule ? counting(w.ctx, rule.within, rule.during) : null, tables, src, from);
    };
    body.push(`INSERT INTO sla_t_result
SELECT t.window_id, t.unit, t.line, t.severity, t.opened_ms, t.responded_ms, t.resolved_ms, t.acknowledged_ms,
  CAST(r.deadline AS BIGINT), CAST(r.elapsed AS BIGINT), CAST(v.deadline AS BIGINT), CAST(v.elapsed AS BIGINT)
FROM ${src} t
JOIN (${of("response")}) AS r ON r.line = t.line
JOIN (${of("resolution")}) AS v ON v.line = t.line`);
  }
  return [...out, ...tables.statements, ...body];
}

function duringText(during: BundleHours): string {
  return during.kind === "24x7" ? "24x7" : during.calendar;
}

/** A check from SQL's figures; where SQL left them out, the streaming engine's `checkWithin`. */
function checkFrom(
  ctx: Context,
  row: SqlRow,
  t: TicketRecord,
  support: BundleSupport,
  check: Check,
): TicketCheckReport | null {
  const rule = support[check];
  if (!rule) return null;
  if (check === "resolution" && support.resolution?.start === "acknowledgement") {
    // as the streaming engine's resolutionCheck: late without an acknowledgement, else from it
    if (t.acknowledged == null)
      return {
        target: rule.within.text,
        during: duringText(rule.during),
        elapsed: null,
        deadline: null,
        met: false,
        note: "no acknowledgement recorded: the resolution clock starts at acknowledgement, so the ticket is late",
      };
    const c = checkAt(ctx, row, t.acknowledged, t.resolved, rule, check);
    return { ...c, note: c.note === null ? "from acknowledgement" : `from acknowledgement; ${c.note}` };
  }
  return checkAt(ctx, row, t.opened, check === "response" ? t.responded : t.resolved, rule, check);
}

function checkAt(
  ctx: Context,
  row: SqlRow,
  opened: number,
  at: number | null,
  rule: NonNullable<BundleSupport["response"]>,
  check: Check,
): TicketCheckReport {
  const what = check;
  const deadline = row[`${check}_deadline`];
  const elapsed = row[`${check}_elapsed`];
  const c = counting(ctx, rule.within, rule.during);
  const computed =
    deadline !== null && deadline !== undefined && (at === null || c?.kind !== "working" || elapsed != null);
  if (c === null || !computed) return checkWithin(ctx, opened, at, rule.within, rule.during, what);
  // keys in checkWithin's order: the CLI prints reports unsorted
  const base = { target: rule.within.text, during: duringText(rule.during) };
  const due = formatInstant(Number(deadline));
  if (at === null) return { ...base, elapsed: null, deadline: due, met: false, note: `no ${what} recorded` };
  if (c.kind === "business days" || c.kind === "months")
    return { ...base, elapsed: null, deadline: due, met: at <= Number(deadline), note: null };
  return {
    ...base,
    elapsed: durationReport(Number(elapsed)),
    deadline: due,
    met: Number(elapsed) <= c.ms,
    note: c.kind === "working" ? `working time on ${c.cal.name}` : null,
  };
}

const nullable = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function ticketAggregatesFrom(ctx: Context, w: PlannedWindow, rows: SqlRow[]): TicketAggregates {
  const support = w.objective.support!;
  const tickets: TicketReport[] = rows
    .map((row) => ({
      row,
      t: {
        type: "ticket" as const,
        line: Number(row.line),
        service: w.service!.name,
        severity: Number(row.severity),
        opened: Number(row.opened_ms),
        responded: nullable(row.responded_ms),
        resolved: nullable(row.resolved_ms),
        acknowledged: nullable(row.acknowledged_ms),
      },
    }))
    .sort((a, b) => a.t.opened - b.t.opened || a.t.line - b.t.line)
    .map(({ row, t }) => {
      const response = checkFrom(ctx, row, t, support, "response");
      const resolution = checkFrom(ctx, row, t, support, "resolution");
      return {
        kind: "ticket",
        line: t.line,
        severity: t.severity,
        opened: formatInstant(t.opened),
        ...(support.resolution?.start === "acknowledgement"
          ? { acknowledged: t.acknowledged == null ? null : formatInstant(t.acknowledged) }
          : {}),
        responded: t.responded === null ? null : formatInstant(t.responded),
        resolved: t.resolved === null ? null : formatInstant(t.resolved),
        response,
        resolution,
        met: (response?.met ?? true) && (resolution?.met ?? true),
      };
    });
  return { kind: "tickets", tickets };
}
