import type { MeasurementAggregates } from "./aggregates.ts";
import type { BundleMetric, BundleObjective } from "./bundle.ts";
import { holds, type Measure, measure, measureString } from "./compare.ts";
import { BundleProblemError } from "./errors.ts";
import { measuredPart, type Part } from "./outcome.ts";
import { formatInstant } from "./time.ts";
import type { Period } from "./windows.ts";

/**
 * Objectives on measured metrics (latency, error rate, response and resolution time): the
 * nearest-rank percentile or the exact mean against the target. Only measurements inside the
 * service's hours count: outside them the service promises nothing.
 */
export function measurementPart(
  objective: BundleObjective,
  metric: BundleMetric,
  agg: MeasurementAggregates,
  period: Period,
): Part {
  const target = objective.target;
  if (target === null) throw new BundleProblemError(`objective ${objective.name}: no target`);
  const n = agg.count;
  const part = measuredPart(
    target,
    metric.unit,
    { count: agg.outside, reason: "outside service hours" },
    {
      measurements: {
        count: n,
        percentile: metric.percentile,
        rank: null,
        statistic: metric.percentile === null ? "mean" : "percentile",
      },
    },
  );
  if (n === 0) {
    part.notes.push(`No ${metric.name} measurements in this window: the objective counts as met and has no value.`);
    return part;
  }

  let m: Measure;
  if (metric.percentile !== null && agg.percentile !== null) {
    const { rank, value, line, at } = agg.percentile;
    m = measure(value);
    part.measurements = { ...part.measurements!, rank };
    part.counted.push({
      kind: "measurement",
      line,
      at: formatInstant(at),
      value,
      role: `rank ${rank} of ${n} (${metric.percentile}th percentile, nearest rank)`,
    });
  } else {
    m = measure(agg.sum ?? "0", n);
    part.notes.push(`The value is the mean of ${n} measurements.`);
  }
  part.measure = m;
  if (!holds(m, target.comparator, target.value.value)) {
    part.met = false;
    part.breaches.push({
      kind: "target",
      at: period.end,
      detail: `${metric.name} ${measureString(m)} is not ${target.comparator} ${target.value.text}`,
    });
  }
  return part;
}
