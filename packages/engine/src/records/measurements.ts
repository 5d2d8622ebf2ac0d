import type { MeasurementAggregates } from "../aggregates.ts";
import type { BundleMetric } from "../bundle.ts";
import type { Context } from "../context.ts";
import { Dec } from "../decimal.ts";
import { containsInstant } from "../intervals.ts";
import { hoursIntervals } from "../schedule.ts";
import type { Period } from "../windows.ts";

/**
 * The measurements of a metric inside the window and its service's hours: with a percentile, the
 * nearest-rank value (rank = ceil(P/100 × n)) and the first measurement in file order holding it;
 * without, the exact sum for the mean.
 */
export function measurementAggregates(ctx: Context, metric: BundleMetric, period: Period): MeasurementAggregates {
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
  const agg: MeasurementAggregates = { kind: "measurements", count: n, outside, percentile: null, sum: null };
  if (n === 0 || store === undefined) return agg;
  if (metric.percentile !== null) {
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = store.value[chosen[k]];
    values.sort();
    const rank = Math.min(n, Math.max(1, new Dec(metric.percentile).times(n).div(100).ceil().toNumber()));
    const v = values[rank - 1];
    const i = chosen.find((k) => store.value[k] === v) ?? chosen[0];
    agg.percentile = { rank, value: new Dec(String(v)).toFixed(), line: store.line[i], at: store.at[i] };
  } else {
    let sum = new Dec(0);
    for (const k of chosen) sum = sum.plus(String(store.value[k]));
    agg.sum = sum.toFixed();
  }
  return agg;
}
