/**
 * `sla export openslo`: OpenSLO v1 documents (Service, SLI, SLO) for every objective whose metric
 * has an indicator source, as one multi-document YAML stream. Targets are written from their exact
 * decimal text as YAML numbers, never through binary floating point.
 */
import Decimal from "decimal.js";
import { Document, type Tags } from "yaml";
import type { BundleDuration, BundleWindow, RuleBundle, WindowPeriod } from "@sla/bundle";
import { kebab, type RatioQueries, WINDOW_PLACEHOLDER, type WatchedObjective, watchedObjectives } from "./indicator.ts";

/** The placeholder OpenSLO's Prometheus tooling (Sloth, Pyrra) substitutes for the range. */
export const OPENSLO_WINDOW = "{{.window}}";

/** Annotations that keep what OpenSLO has no field for, so `sla import openslo` can restore it. */
export const ANNOTATION = {
  metric: "sla.dev/metric",
  metricType: "sla.dev/metric-type",
  percentile: "sla.dev/percentile",
  histogram: "sla.dev/histogram",
  threshold: "sla.dev/threshold",
  comparator: "sla.dev/comparator",
} as const;

/** A decimal written as a YAML number from its text. */
class ExactDecimal {
  constructor(readonly text: string) {}
}

const exactDecimalTag: Tags[number] = {
  identify: (value: unknown) => value instanceof ExactDecimal,
  default: true,
  tag: "tag:yaml.org,2002:float",
  resolve: (text: string) => text,
  stringify: (item) => (item.value as ExactDecimal).text,
};

/** The YAML stream, or `undefined` when no objective has an indicator source. */
export function exportOpenSlo(bundle: RuleBundle): string | undefined {
  const watched = watchedObjectives(bundle);
  if (watched.length === 0) return undefined;
  const documents: object[] = [];
  const services = new Set<string>();
  const metrics = new Set<string>();
  for (const w of watched) {
    const service = w.objective.service ?? w.metric.service ?? "service";
    if (!services.has(service)) {
      services.add(service);
      const title = bundle.services.find((s) => s.name === service)?.title;
      documents.push({
        apiVersion: "openslo/v1",
        kind: "Service",
        metadata: { name: kebab(service), displayName: title ?? service },
        spec: { description: title ?? service },
      });
    }
    if (!metrics.has(w.metric.name)) {
      metrics.add(w.metric.name);
      documents.push(sliDocument(w));
    }
    documents.push(sloDocument(bundle, w, service));
  }
  return documents
    .map((d) => new Document(d, { customTags: [exactDecimalTag] }).toString({ lineWidth: 0 }))
    .map((text) => `---\n${text}`)
    .join("");
}

function sliDocument(w: WatchedObjective): object {
  const { metric, indicator } = w;
  const annotations: Record<string, string> = {
    [ANNOTATION.metric]: metric.name,
    [ANNOTATION.metricType]: metric.type,
  };
  if (metric.percentile !== null) annotations[ANNOTATION.percentile] = metric.percentile;
  if (indicator.kind === "histogram") {
    annotations[ANNOTATION.histogram] = indicator.histogram;
    annotations[ANNOTATION.threshold] = indicator.threshold.text;
  }
  return {
    apiVersion: "openslo/v1",
    kind: "SLI",
    metadata: { name: kebab(metric.name), displayName: metric.title ?? metric.name, annotations },
    spec: { ratioMetric: ratioMetric(w.queries) },
  };
}

function ratioMetric(queries: RatioQueries): object {
  const source = (query: string) => ({
    metricSource: { type: "Prometheus", spec: { query: query.split(WINDOW_PLACEHOLDER).join(OPENSLO_WINDOW) } },
  });
  return {
    counter: true,
    ...(queries.good !== undefined ? { good: source(queries.good) } : {}),
    ...(queries.bad !== undefined ? { bad: source(queries.bad) } : {}),
    total: source(queries.total),
  };
}

function sloDocument(bundle: RuleBundle, w: WatchedObjective, service: string): object {
  const { objective } = w;
  const comparator = objective.target?.comparator;
  // a slice counts availability in time, not in events: OpenSLO's Timeslices
  const slice = w.indicator.kind !== "histogram" && w.metric.type === "availability" ? w.indicator.slice : undefined;
  return {
    apiVersion: "openslo/v1",
    kind: "SLO",
    metadata: {
      name: kebab(objective.name),
      displayName: objective.title ?? objective.name,
      ...(comparator === "above" || comparator === "below"
        ? { annotations: { [ANNOTATION.comparator]: comparator } }
        : {}),
    },
    spec: {
      description: `${objective.target?.comparator} ${objective.target?.value.text} ${objective.window.text}`,
      service: kebab(service),
      indicatorRef: kebab(w.metric.name),
      timeWindow: [timeWindow(bundle, w.window)],
      budgetingMethod: slice ? "Timeslices" : "Occurrences",
      objectives: [
        {
          displayName: objective.title ?? objective.name,
          target: new ExactDecimal(w.target),
          ...(slice
            ? {
                timeSliceTarget: new ExactDecimal(new Decimal(100).minus(slice.above).div(100).toString()),
                timeSliceWindow: openSloDuration(slice.length),
              }
            : {}),
        },
      ],
    },
  };
}

/** `2026-01-01` (a Thursday) → `2025-12-29`: calendar dates, so no time zone is involved. */
function mondayOnOrBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * A slice as OpenSLO's duration shorthand (`1m`, `30s`, `1h`); the checker (SLA4020) lets through
 * only whole seconds that divide an hour.
 */
function openSloDuration(length: BundleDuration): string {
  const seconds = Number(length.seconds);
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Every calendar window of the language, as OpenSLO's duration shorthand (a new one must be added here). */
const CALENDAR_DURATIONS: Record<Exclude<WindowPeriod, "rolling">, string> = {
  "calendar month": "1M",
  "calendar quarter": "1Q",
  "calendar year": "1Y",
  week: "1w",
  "calendar day": "1d",
  hour: "1h",
  "billing month": "1M",
};

/**
 * A calendar window starts with the agreement, in its time zone (a billing month on its start day
 * of the agreement's first month, a week on the Monday the agreement's first week begins, as the
 * contract's weeks are ISO weeks); a rolling one is its length in days.
 */
function timeWindow(bundle: RuleBundle, window: BundleWindow): object {
  if (window.period === "rolling") return { duration: `${window.days}d`, isRolling: true };
  const effective = bundle.agreement?.effective ?? "1970-01-01";
  const start =
    window.period === "billing month"
      ? `${effective.slice(0, 8)}${String(window.startDay ?? 1).padStart(2, "0")}`
      : window.period === "week"
        ? mondayOnOrBefore(effective)
        : effective;
  return {
    duration: CALENDAR_DURATIONS[window.period],
    isRolling: false,
    calendar: { startTime: `${start} 00:00:00`, timeZone: bundle.agreement?.timezone ?? "UTC" },
  };
}
