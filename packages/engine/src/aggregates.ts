import type { BundleMetric, BundleObjective } from "./bundle.ts";
import type { Context } from "./context.ts";
import type { ExcludedOutageReport, OutageRecordReport, TicketReport } from "./report-types.ts";
import type { Period } from "./windows.ts";

/**
 * What the observed records contribute to one objective over one window: the per-record work
 * (clipping to windows and scheduled time, merging overlaps, exclusions and the maintenance
 * allowance in order of start, business time of tickets, nearest-rank percentiles) reduced to
 * figures. The contract logic (targets, budgets, breaches, credits, caps, bonuses, termination,
 * rounding) reads only these, so the streaming engine and the SQL engines share it. Durations are
 * integer milliseconds, instants epoch milliseconds, values decimal text: nothing is a binary float.
 */
export type WindowAggregates = OutageAggregates | TicketAggregates | MeasurementAggregates;

/** Availability and outage limits: an objective on a service's outages. */
export interface OutageAggregates {
  kind: "outages";
  /** The window's scheduled time (service hours clipped to the window). */
  scheduledMs: number;
  /** Counted downtime inside the window and inside service hours. */
  downtimeMs: number;
  /** Incidents (merged counted outage time) with downtime in the window, by start. */
  incidents: IncidentAggregate[];
  /** Excluded outage time inside the window, by start then line, with the reason. */
  excluded: ExcludedOutageReport[];
  /** With a total-outage limit: each of its windows ending within this window, oldest first. */
  totalWindows: TotalOutageAggregate[];
}

export interface IncidentAggregate {
  start: number;
  end: number;
  /** Downtime inside this window (and service hours). */
  inWindowMs: number;
  /** Downtime of the whole incident, across windows. */
  wholeMs: number;
  /** The label of the objective's window in which its downtime began. */
  began: string;
  beganHere: boolean;
  /** With a per-incident limit: the instant its downtime passes the limit, else null. */
  limitPassedAt: number | null;
  records: OutageRecordReport[];
}

export interface TotalOutageAggregate {
  label: string;
  end: number;
  downtimeMs: number;
  /** The instant the window's downtime passes the total-outage limit, else null. */
  limitPassedAt: number | null;
}

/** Support: each ticket of the objective's severity opened in the window, checked on business time. */
export interface TicketAggregates {
  kind: "tickets";
  /** By time opened, then line. */
  tickets: TicketReport[];
}

/** A measured metric: the measurements inside the window and the service's hours. */
export interface MeasurementAggregates {
  kind: "measurements";
  count: number;
  /** Measurements in the window but outside service hours. */
  outside: number;
  /** With a percentile metric and measurements: the nearest-rank value, rank = ceil(P/100 × n). */
  percentile: { rank: number; value: string; line: number; at: number } | null;
  /** Without a percentile: the exact sum of the values (decimal text), for the mean. */
  sum: string | null;
}

/** A success rate: the requests of the records inside the window and the service's hours. */
export interface RequestAggregates {
  kind: "requests";
  /** Request records counted. */
  records: number;
  /** Request records in the window but outside service hours. */
  outside: number;
  /** All requests and the failed ones, exact whole numbers as decimal text. */
  total: string;
  failed: string;
}

/**
 * A metric's samples in `[start, end)` cut into slots of `intervalMs` from `start`: how many
 * samples, and the runs of slots holding at least one (slot indices, half-open, in order).
 */
export interface SampleCoverage {
  samples: number;
  filled: { from: number; to: number }[];
}

/** Where the aggregates come from: the records in memory (streaming) or a SQL engine's results. */
export interface RecordWork {
  aggregates(ctx: Context, objective: BundleObjective, period: Period): WindowAggregates;
  /** For a measurement plan: the metric's samples over a span, by slot. */
  coverage(ctx: Context, metric: string, start: number, end: number, intervalMs: number): SampleCoverage;
  /** A success rate metric's requests over a window; an engine without it does not evaluate success rates. */
  requests?(ctx: Context, metric: BundleMetric, period: Period): RequestAggregates;
}
