/**
 * What the monitoring exports share: an objective with an indicator source, read as a ratio of
 * good events to all events with an exact target (the share of good events it promises).
 */
import Decimal from "decimal.js";
import {
  type BundleIndicator,
  type BundleMetric,
  type BundleObjective,
  type BundleWindow,
  INDICATOR_WINDOW,
  type RuleBundle,
} from "@sla/bundle";

/** A PromQL ratio: the queries of good (or bad) events and of all events, `$window` still in them. */
export interface RatioQueries {
  readonly good?: string;
  readonly bad?: string;
  readonly total: string;
}

export interface WatchedObjective {
  readonly objective: BundleObjective;
  readonly metric: BundleMetric;
  readonly indicator: BundleIndicator;
  readonly queries: RatioQueries;
  /** The share of good events promised, as exact decimal text (`0.999`). */
  readonly target: string;
  readonly window: BundleWindow;
}

/** The placeholder in an indicator's queries for the range an export puts in. */
export const WINDOW_PLACEHOLDER = INDICATOR_WINDOW;

/**
 * Every objective with a percentage (or latency) target on a metric with an indicator, in bundle
 * order; the others (support terms, outage limits, metrics without an indicator) have nothing for
 * a monitoring system to watch.
 */
export function watchedObjectives(bundle: RuleBundle): WatchedObjective[] {
  const metrics = new Map(bundle.metrics.map((m) => [m.name, m]));
  const out: WatchedObjective[] = [];
  for (const objective of bundle.objectives) {
    const metric = objective.metric ? metrics.get(objective.metric) : undefined;
    const indicator = metric?.indicator;
    if (!metric || !indicator || !objective.target) continue;
    const target = goodShare(metric, objective.target.value.value);
    if (target === undefined) continue;
    out.push({ objective, metric, indicator, queries: ratioQueries(indicator), target, window: objective.window });
  }
  return out;
}

/**
 * The share of good events the target promises: an availability percentage as it is, an error
 * rate's complement, a latency percentile's rank (that share of requests is below the threshold).
 * Exact decimals (decimal.js), so 99.9% is 0.999 and never 0.9990000000000001.
 */
function goodShare(metric: BundleMetric, percent: string): string | undefined {
  const hundred = new Decimal(100);
  switch (metric.type) {
    case "availability":
      return new Decimal(percent).div(hundred).toString();
    case "error rate":
      return hundred.minus(percent).div(hundred).toString();
    case "latency":
      return metric.percentile === null ? undefined : new Decimal(metric.percentile).div(hundred).toString();
    default:
      return undefined;
  }
}

/** A histogram's requests below the threshold and all its requests, as a ratio. */
export function ratioQueries(indicator: BundleIndicator): RatioQueries {
  switch (indicator.kind) {
    case "good-total":
      return { good: indicator.good, total: indicator.total };
    case "errors-total":
      return { bad: indicator.errors, total: indicator.total };
    case "histogram": {
      const le = new Decimal(indicator.threshold.seconds ?? "0").toString();
      const bucket = (value: string) =>
        `sum(rate(${withLabel(indicator.histogram, "le", value)}[${WINDOW_PLACEHOLDER}]))`;
      return { good: bucket(le), total: bucket("+Inf") };
    }
  }
}

/** A series selector with one more label matcher: `m{job="a"}` → `m{job="a",le="0.3"}`. */
function withLabel(selector: string, label: string, value: string): string {
  const matcher = `${label}="${value}"`;
  const trimmed = selector.trim();
  if (!trimmed.endsWith("}")) return `${trimmed}{${matcher}}`;
  const inner = trimmed.slice(trimmed.indexOf("{") + 1, -1).trim();
  return `${trimmed.slice(0, trimmed.indexOf("{") + 1)}${inner ? `${inner},` : ""}${matcher}}`;
}

/** Names as OpenSLO and Prometheus want them: `CheckoutAPI` → `checkout-api`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}
