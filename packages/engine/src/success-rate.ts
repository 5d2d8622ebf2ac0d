import type { RequestAggregates } from "./aggregates.ts";
import type { BundleMetric, BundleObjective } from "./bundle.ts";
import { holds, measure, measureString } from "./compare.ts";
import { Dec } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import { measuredPart, type Part } from "./outcome.ts";
import type { Period } from "./windows.ts";

/**
 * A success rate against its target: (all requests − failed requests) ÷ all requests × 100 over
 * the window, exactly (a fraction of whole numbers, compared cross-multiplied). Requests outside
 * the service's hours do not count; a window without requests is met and has no value.
 */
export function successRatePart(
  objective: BundleObjective,
  metric: BundleMetric,
  agg: RequestAggregates,
  period: Period,
): Part {
  const target = objective.target;
  if (target === null || target.value.kind !== "percentage")
    throw new BundleProblemError(`objective ${objective.name}: a success rate target must be a percentage`);
  const total = new Dec(agg.total);
  const succeeded = total.minus(agg.failed);
  const part = measuredPart(
    target,
    "percent",
    { count: agg.outside, reason: "request records outside service hours" },
    { requests: { records: agg.records, total: agg.total, failed: agg.failed, succeeded: succeeded.toFixed() } },
  );
  if (total.isZero()) {
    part.notes.push(`No ${metric.name} requests in this window: the objective counts as met and has no value.`);
    return part;
  }
  const m = measure(succeeded.times(100).toFixed(), agg.total);
  part.measure = m;
  part.notes.push(`The value is ${succeeded.toFixed()} requests that did not fail of ${agg.total}.`);
  if (!holds(m, target.comparator, target.value.value)) {
    part.met = false;
    part.breaches.push({
      kind: "target",
      at: period.end,
      detail: `${metric.name} ${measureString(m)}% is not ${target.comparator} ${target.value.text}`,
    });
  }
  return part;
}
