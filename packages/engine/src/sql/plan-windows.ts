import type { RecordWork, WindowAggregates } from "../aggregates.ts";
import type { BundleMetric, BundleObjective, BundleService, BundleWindow } from "../bundle.ts";
import type { CollectedData } from "../collect.ts";
import { type Context, metricOf, serviceOf } from "../context.ts";
import type { EvaluateOptions, EvaluationPlan } from "../evaluate.ts";
import type { Interval } from "../intervals.ts";
import { aggregatesKind, kindOf } from "../objective-kind.ts";
import { buildReport } from "../report-json.ts";
import { hoursIntervals } from "../schedule.ts";
import { type Period, periodContaining, periodsEndingWithin } from "../windows.ts";
import { NO_REQUESTS, type RequestWindow, requestWindowKey } from "./requests.ts";

/** One window of one objective whose figures SQL computes. */
export interface PlannedWindow {
  id: number;
  kind: WindowAggregates["kind"];
  objective: BundleObjective;
  period: Period;
  /** Measurements: the metric. */
  metric?: BundleMetric;
  /** Outages and tickets: the service. */
  service?: BundleService;
  /** The context the bundle's calendars come from. */
  ctx: Context;
}

const NO_DATA: CollectedData = {
  outages: new Map(),
  tickets: new Map(),
  measurements: new Map(),
  earliest: null,
  latest: null,
  unknown: new Map(),
  unknownOmitted: 0,
  stats: { lines: 0, records: 0, used: 0, ignored: 0, skipped: 0, skippedReasons: [] },
};

// Before any data: no window is left out for lying before the data, so the plan is a superset.
const EARLIEST = -8_640_000_000_000_000;

export function windowKey(objective: BundleObjective, period: Period): string {
  return `${objective.name}|${period.start}|${period.end}`;
}

/** A window the contract logic asked for beyond the plan (it may depend on figures). */
export interface ExtraWindow {
  objective: string;
  period: Period;
}

/**
 * The windows the contract logic asks figures for: every window of each objective overlapping the
 * span the plan reads, and those found by running the contract logic once over empty figures (it
 * decides look-backs, caps, windows in progress): the bundle and the options alone decide them.
 * Logic that asks for more once it sees real figures is caught by `reportsFromSqlResults`.
 */
/** A measurement plan's span of one metric, cut into slots, whose samples SQL counts. */
export interface CoverageRequest {
  id: number;
  metric: string;
  start: number;
  end: number;
  intervalMs: number;
}

export function coverageKey(metric: string, start: number, end: number, intervalMs: number): string {
  return `${metric}|${start}|${end}|${intervalMs}`;
}

export function planWindows(
  plan: EvaluationPlan,
  options: EvaluateOptions,
  extra: readonly ExtraWindow[] = [],
  coverages: Map<string, CoverageRequest> = new Map(),
  requests: Map<string, RequestWindow> = new Map(),
): Map<string, PlannedWindow> {
  const wanted = new Map<string, PlannedWindow>();
  const asOf = plan.explicitAsOf ?? options.now ?? null;
  const ctx: Context = {
    ...plan.base,
    data: NO_DATA,
    dataFrom: EARLIEST,
    asOf,
    memo: new Map(),
    records: undefined as unknown as RecordWork,
  };
  ctx.records = {
    aggregates(c, objective, period) {
      const kind = aggregatesKind(objective)!;
      const key = windowKey(objective, period);
      if (!wanted.has(key)) {
        const w: PlannedWindow = { id: wanted.size, kind, objective, period, ctx };
        if (kind === "measurements") w.metric = metricOf(c, objective);
        else w.service = serviceOf(c, objective);
        wanted.set(key, w);
      }
      return empty(kind);
    },
    coverage(_c, metric, start, end, intervalMs) {
      const key = coverageKey(metric, start, end, intervalMs);
      if (!coverages.has(key)) coverages.set(key, { id: coverages.size, metric, start, end, intervalMs });
      return { samples: 0, filled: [] };
    },
    requests(c, metric, period) {
      const key = requestWindowKey(metric.name, period);
      if (!requests.has(key)) requests.set(key, { id: requests.size, metric, period, ctx: c });
      return NO_REQUESTS;
    },
  };
  // a success rate's windows are its metric's requests; every other kind's are the objective's aggregates
  const want = (o: BundleObjective, period: Period) => {
    if (kindOf(o) === "success rate") ctx.records.requests!(ctx, metricOf(ctx, o), period);
    else ctx.records.aggregates(ctx, o, period);
  };
  for (const m of plan.months) buildReport(ctx, m);
  const { start, end } = plan.interest;
  for (const o of plan.base.bundle.objectives) {
    if (aggregatesKind(o) === null && kindOf(o) !== "success rate") continue;
    for (const period of periodsOverlapping(o.window, start, end, plan.base.zone)) want(o, period);
  }
  for (const e of extra) {
    const o = plan.base.objectives.get(e.objective);
    if (o !== undefined) want(o, e.period);
  }
  return wanted;
}

function periodsOverlapping(window: BundleWindow, start: number, end: number, zone: string): Period[] {
  if (window.period === "rolling")
    return periodsEndingWithin(window, start, end + 32 * 86_400_000, zone).filter(
      (p) => p.end > start && p.start < end,
    );
  const out: Period[] = [];
  for (let p = periodContaining(window, start, zone); p.start < end; p = periodContaining(window, p.end, zone))
    out.push(p);
  return out;
}

export function empty(kind: WindowAggregates["kind"]): WindowAggregates {
  if (kind === "outages") return { kind, scheduledMs: 0, downtimeMs: 0, incidents: [], excluded: [], totalWindows: [] };
  if (kind === "tickets") return { kind, tickets: [] };
  return { kind, count: 0, outside: 0, percentile: null, sum: null };
}

/** The window's scheduled time: its service's hours inside it. */
export function scheduleOf(w: PlannedWindow): Interval[] {
  const service = w.service ?? (w.metric?.service == null ? undefined : w.ctx.services.get(w.metric.service));
  const hours = service?.hours ?? { kind: "24x7" as const };
  return hoursIntervals(hours, w.ctx.calendars, w.period.start, w.period.end);
}
