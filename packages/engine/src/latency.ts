import type { BundleMetric, BundleObjective } from "./bundle.ts";
import { holds, type Measure, measure, measureString } from "./compare.ts";
import type { Context } from "./context.ts";
import { Dec } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import { containsInstant } from "./intervals.ts";
import type { Part } from "./outcome.ts";
import type { ExcludedMeasurementsReport, MeasurementReport } from "./report-types.ts";
import { hoursIntervals } from "./schedule.ts";
import { formatInstant } from "./time.ts";
import type { Period } from "./windows.ts";

/**
 * Objectives on measured metrics (latency, error rate, response and resolution time). With a
 * percentile: the nearest-rank value, rank = ceil(P/100 × n). Without: the exact mean. Only
 * measurements inside the service's hours count: outside them the service promises nothing.
 */
export function evaluateMeasurements(
  ctx: Context,
  objective: BundleObjective,
  metric: BundleMetric,
  period: Period,
): Part {
  const target = objective.target;
  if (target === null) throw new BundleProblemError(`objective ${objective.name}: no target`);
  const service = metric.service === null ? undefined : ctx.services.get(metric.service);
  const hours = service?.hours ?? { kind: "24x7" as const };
  const scheduled = hoursIntervals(hours, ctx.calendars, period.start, period.end);
  const store = ctx.data.measurements.get(metric.name);

  const chosen: number[] = [];
  let outside = 0;
  if (store !== undefined) {
    const { at } = store;
    for (let i = 0; i < store.length; i++) {
      const t = at[i];
      if (t < period.start || t >= period.end) continue;
      if (hours.kind === "24x7" || containsInstant(scheduled, t)) chosen.push(i);
      else outside++;
    }
  }
  const n = chosen.length;
  const excluded: ExcludedMeasurementsReport[] = outside
    ? [{ kind: "measurements", count: outside, reason: "outside service hours" }]
    : [];
  const part: Part = {
    met: true,
    measure: null,
    downtimeMs: null,
    breaches: [],
    counted: [],
    excluded,
    notes: [],
    unit: metric.unit,
    measurements: {
      count: n,
      percentile: metric.percentile,
      rank: null,
      statistic: metric.percentile === null ? "mean" : "percentile",
    },
    target: { comparator: target.comparator, value: target.value.value, text: target.value.text },
  };
  if (n === 0 || store === undefined) {
    part.notes.push(`No ${metric.name} measurements in this window: the objective counts as met and has no value.`);
    return part;
  }

  let m: Measure;
  if (metric.percentile !== null) {
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = store.value[chosen[k]];
    values.sort();
    const rank = Math.min(n, Math.max(1, new Dec(metric.percentile).times(n).div(100).ceil().toNumber()));
    const v = values[rank - 1];
    // The first measurement (in file order) holding the selected value, so the figure has a line.
    const i = chosen.find((k) => store.value[k] === v) ?? chosen[0];
    const text = new Dec(String(v)).toFixed();
    m = measure(text);
    part.measurements = { ...part.measurements!, rank };
    const counted: MeasurementReport = {
      kind: "measurement",
      line: store.line[i],
      at: formatInstant(store.at[i]),
      value: text,
      role: `rank ${rank} of ${n} (${metric.percentile}th percentile, nearest rank)`,
    };
    part.counted.push(counted);
  } else {
    let sum = new Dec(0);
    for (const k of chosen) sum = sum.plus(String(store.value[k]));
    m = measure(sum, n);
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
