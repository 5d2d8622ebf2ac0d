/**
 * `sla evaluate --prometheus URL`: the observed records of every objective whose metric has an
 * indicator, read from Prometheus (`query_range`) over the windows the evaluation needs, as the
 * same records an events file gives, so the evaluation after them is the events source's:
 *
 * - availability (good/total or errors/total with `slice L above X%`): time in slices of L,
 *   aligned with the windows; a slice whose failed share is above X% is an unplanned outage of the
 *   objective's service, from the slice's start to its end (a run of such slices is one outage);
 * - error rate (good/total or errors/total): a measurement every 5 minutes (the shortest range the
 *   exports record), 100 × failed / all over those 5 minutes;
 * - latency (histogram): a measurement every 5 minutes, the metric's percentile of the histogram
 *   over those 5 minutes (`histogram_quantile`, Prometheus's interpolation within a bucket) in
 *   milliseconds; a latency metric without a percentile (a mean) is an error.
 *
 * Outages an events file gives with another cause than `unplanned` (maintenance…) keep their time:
 * a bad slice gives only its parts outside them.
 * A step without traffic (all events 0, or no sample) gives no record: no evidence of a failure; a
 * step with traffic but no sample of good (or failed) events counts them as 0.
 * The failed share is compared exactly, in decimals, on the values Prometheus answers.
 */
import { type BundleDuration, type BundleIndicator, type BundleMetric, INDICATOR_WINDOW } from "@sla/bundle";
import type { RuleBundle } from "../bundle.ts";
import { Dec } from "../decimal.ts";
import type { EvaluateOptions } from "../evaluate.ts";
import { planEvaluation } from "../evaluate.ts";
import type { EventRecord, OutageRecord } from "../events.ts";
import { PrometheusError, queryRange, type Sample } from "./prometheus-http.ts";

export { PrometheusError } from "./prometheus-http.ts";

/** The step of error-rate and latency measurements. */
export const MEASUREMENT_STEP_MS = 5 * 60_000;

/** What `--prometheus` reads, and the objectives whose data must come from elsewhere. */
export interface PrometheusCoverage {
  /** Services whose outages are the slices of an availability indicator: service → metric. */
  readonly outageServices: ReadonlyMap<string, BundleMetric>;
  /** Metrics whose measurements Prometheus gives. */
  readonly metrics: ReadonlyMap<string, BundleMetric>;
  /** Objectives Prometheus cannot give data for, each with the reason (`Priority1 (support tickets)`). */
  readonly uncovered: readonly string[];
}

/**
 * Which objectives an indicator covers. An indicator Prometheus cannot be read through for its
 * objective (an availability ratio without a slice, a latency ratio) is a `PrometheusError`: the
 * user asked for it, and it must not quietly read as no data.
 */
export function prometheusCoverage(bundle: RuleBundle): PrometheusCoverage {
  const metrics = new Map(bundle.metrics.map((m) => [m.name, m]));
  const outageServices = new Map<string, BundleMetric>();
  const measured = new Map<string, BundleMetric>();
  for (const o of bundle.objectives) {
    const metric = o.metric ? metrics.get(o.metric) : undefined;
    const indicator = metric?.indicator;
    if (o.support || !metric || !indicator) continue;
    if (metric.type === "availability") {
      if (indicator.kind === "histogram" || !sliceOf(metric))
        throw new PrometheusError(
          `metric ${metric.name}: an availability target counts downtime, so its indicator needs a slice that says when time is down (\`slice 1 minute above 5%\`, or \`downtime per 1 minute when error rate above 5%\` on the metric)`,
        );
      if (!o.service) throw new PrometheusError(`objective ${o.name}: no service whose downtime the slices are`);
      const other = outageServices.get(o.service);
      if (other && other.name !== metric.name)
        throw new PrometheusError(
          `service ${o.service}: two availability indicators (metrics ${other.name} and ${metric.name}); its downtime must come from one`,
        );
      outageServices.set(o.service, metric);
    } else if (metric.type === "error rate" || metric.type === "latency") {
      if ((metric.type === "latency") !== (indicator.kind === "histogram"))
        throw new PrometheusError(
          `metric ${metric.name}: a ${metric.type} metric is read from ${metric.type === "latency" ? "a histogram" : "a good/total or errors/total pair"}`,
        );
      if (metric.type === "latency" && metric.percentile === null)
        throw new PrometheusError(
          `metric ${metric.name}: a latency metric without a percentile is a mean of measurements, which --prometheus does not read from a histogram; give the metric a percentile, or its data with --events`,
        );
      measured.set(metric.name, metric);
    } else
      throw new PrometheusError(
        `metric ${metric.name}: --prometheus reads availability, error rate and latency metrics, not ${metric.type}`,
      );
  }
  // Objectives whose records come from neither: support tickets, the outages of a service without
  // an availability slice, metrics without an indicator.
  const uncovered: string[] = [];
  for (const o of bundle.objectives) {
    const metric = o.metric ? metrics.get(o.metric) : undefined;
    const outages = o.metricType === "availability" || o.maxOutagePerIncident || o.maxTotalOutage;
    if (o.support) uncovered.push(`${o.name} (support tickets)`);
    else if (outages) {
      if (!o.service || !outageServices.has(o.service))
        uncovered.push(
          `${o.name} (the outages of ${o.service ?? "its service"}: no availability indicator with a slice)`,
        );
    } else if (!metric || !measured.has(metric.name))
      uncovered.push(`${o.name} (${metric ? `metric ${metric.name} has no indicator` : "no metric"})`);
  }
  return { outageServices, metrics: measured, uncovered };
}

export interface PrometheusSource {
  /** The server's base URL (`http://prometheus:9090`). */
  readonly url: string;
  readonly fetch?: typeof fetch;
  /** The first record's `line` (after an events file's last line when both are read). */
  readonly firstLine?: number;
  /**
   * Set to the start of the earliest step with traffic, records or not: pass it to `evaluate` as
   * `observedFrom`, so a month without a failure is observed data, not a month without data.
   */
  readonly observed?: { earliest: number | null };
  /**
   * Outages an events file gives for a service whose downtime Prometheus gives, with another cause
   * than `unplanned` (maintenance, customer, force majeure): the slices leave their time to them, so
   * the contract's exclusions decide it as for any such record. Service → intervals, epoch ms.
   */
  readonly knownOutages?: ReadonlyMap<string, readonly { start: number; end: number }[]>;
}

/**
 * The records of every indicator `prometheusCoverage` finds, over the windows `options` asks for
 * (with the look-back the engine needs). Outages first, by service in bundle order, then
 * measurements by metric; `line` numbers them in that order.
 */
export async function* prometheusRecords(
  bundle: RuleBundle,
  options: EvaluateOptions,
  source: PrometheusSource,
): AsyncGenerator<EventRecord> {
  const coverage = prometheusCoverage(bundle);
  const { interest } = await planEvaluation(bundle, options);
  const read = (query: string, start: number, end: number, stepMs: number) =>
    queryRange(source.url, { query, start, end, stepMs }, source.fetch);
  const horizon = options.now ?? Number.POSITIVE_INFINITY;
  let line = source.firstLine ?? 1;
  const seen = (stepStart: number) => {
    if (source.observed && (source.observed.earliest === null || stepStart < source.observed.earliest))
      source.observed.earliest = stepStart;
  };
  for (const [service, metric] of coverage.outageServices) {
    const indicator = metric.indicator as Extract<BundleIndicator, { kind: "good-total" | "errors-total" }>;
    const slice = sliceOf(metric)!;
    const stepMs = Number(slice.length.seconds) * 1000;
    // slices on a grid through the first window's start, so every window boundary is a slice boundary
    const first = interest.start - Math.ceil((interest.start - interest.outageStart) / stepMs) * stepMs;
    const last = Math.min(interest.outageEnd, Math.ceil(horizon / stepMs) * stepMs);
    const samples = await ratioSamples(indicator, stepMs, first + stepMs, last, read);
    const threshold = new Dec(slice.threshold);
    const known = source.knownOutages?.get(service) ?? [];
    // a run of bad slices is one outage (a day of errors is one record, not 1,440)
    let run: OutageRecord | null = null;
    for (const { at, failed, total } of samples) {
      seen(at - stepMs);
      const share = failed.times(100);
      const limit = threshold.times(total);
      if (slice.comparison === "above" ? !share.gt(limit) : !share.gte(limit)) continue;
      for (const [start, end] of outside(at - stepMs, at, known)) {
        if (run !== null && run.end === start) run.end = end;
        else {
          if (run !== null) yield run;
          run = { type: "outage", line: line++, service, start, end, cause: "unplanned", announced: null };
        }
      }
    }
    if (run !== null) yield run;
  }
  // every measurement is a record, so its step already counts as observed data
  for (const metric of coverage.metrics.values()) {
    const indicator = metric.indicator!;
    const start = interest.start + MEASUREMENT_STEP_MS;
    const end = Math.min(interest.end, Math.ceil(horizon / MEASUREMENT_STEP_MS) * MEASUREMENT_STEP_MS);
    if (indicator.kind === "histogram") {
      for (const s of await read(latencyQuery(metric, indicator), start, end, MEASUREMENT_STEP_MS)) {
        const value = Number(s.value);
        if (Number.isFinite(value))
          yield { type: "measurement", line: line++, metric: metric.name, at: s.at - MEASUREMENT_STEP_MS, value };
      }
      continue;
    }
    for (const { at, failed, total } of await ratioSamples(indicator, MEASUREMENT_STEP_MS, start, end, read))
      yield {
        type: "measurement",
        line: line++,
        metric: metric.name,
        at: at - MEASUREMENT_STEP_MS,
        value: failed.times(100).div(total).toNumber(),
      };
  }
}

/**
 * The slice an availability metric's ratio is read in: the indicator's own (`slice 1 minute above
 * 5%`), else the contract's time-slice downtime (`downtime per 1 minute when error rate above 5%`),
 * the same rule the engine applies to request records (SLA4023 refuses the two when they differ).
 */
function sliceOf(
  metric: BundleMetric,
): { length: BundleDuration; comparison: "above" | "at least"; threshold: string } | undefined {
  const indicator = metric.indicator;
  if (indicator && indicator.kind !== "histogram" && indicator.slice)
    return { length: indicator.slice.length, comparison: "above", threshold: indicator.slice.above };
  return metric.downtimeSlice;
}

/** The parts of `[start, end)` that none of `intervals` covers. */
function outside(start: number, end: number, intervals: readonly { start: number; end: number }[]): [number, number][] {
  let parts: [number, number][] = [[start, end]];
  for (const i of intervals) {
    if (i.end <= start || i.start >= end) continue;
    const next: [number, number][] = [];
    for (const [a, b] of parts) {
      if (a < Math.min(b, i.start)) next.push([a, Math.min(b, i.start)]);
      if (Math.max(a, i.end) < b) next.push([Math.max(a, i.end), b]);
    }
    parts = next;
  }
  return parts;
}

type Read = (query: string, start: number, end: number, stepMs: number) => Promise<Sample[]>;

interface RatioSample {
  /** The end of the step the rates cover. */
  readonly at: number;
  readonly failed: Dec;
  readonly total: Dec;
}

/**
 * Failed and all events at each step with traffic, from the pair of queries over the step's range.
 * A step where the good (or failed) query gives no sample counts it as 0: `sum(rate(…{code=~"5.."}…))`
 * is empty, not 0, while no such series exists, and a step whose every request failed must not read
 * as a step without data (Sloth and Pyrra write `or vector(0)` for the same reason).
 */
async function ratioSamples(
  indicator: Extract<BundleIndicator, { kind: "good-total" | "errors-total" }>,
  stepMs: number,
  start: number,
  end: number,
  read: Read,
): Promise<RatioSample[]> {
  if (end < start) return [];
  const range = `${stepMs / 1000}s`;
  const part = indicator.kind === "good-total" ? indicator.good : indicator.errors;
  const parts = new Map((await read(withRange(part, range), start, end, stepMs)).map((s) => [s.at, s.value]));
  const out: RatioSample[] = [];
  for (const s of await read(withRange(indicator.total, range), start, end, stepMs)) {
    const partText = parts.get(s.at) ?? "0";
    if (!finite(s.value) || !finite(partText)) continue;
    const total = new Dec(s.value);
    if (total.lte(0)) continue;
    const counted = new Dec(partText);
    out.push({ at: s.at, total, failed: indicator.kind === "good-total" ? total.minus(counted) : counted });
  }
  return out;
}

function latencyQuery(metric: BundleMetric, indicator: Extract<BundleIndicator, { kind: "histogram" }>): string {
  // prometheusCoverage refuses a latency metric without a percentile
  const q = new Dec(metric.percentile as string).div(100).toString();
  return `histogram_quantile(${q}, sum by (le) (rate(${indicator.histogram}[${MEASUREMENT_STEP_MS / 1000}s]))) * 1000`;
}

function withRange(query: string, range: string): string {
  return query.split(INDICATOR_WINDOW).join(range);
}

function finite(text: string): boolean {
  return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text);
}
