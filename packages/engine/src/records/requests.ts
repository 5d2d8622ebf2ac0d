import type { RequestAggregates } from "../aggregates.ts";
import type { BundleMetric } from "../bundle.ts";
import type { Context } from "../context.ts";
import type { RequestsRecord } from "../events.ts";
import { containsInstant } from "../intervals.ts";
import { hoursIntervals } from "../schedule.ts";
import type { Period } from "../windows.ts";

/** A success rate metric's request records in parallel typed arrays: a million cost 32 MB, not a million objects. */
export class RequestStore {
  at = new Float64Array(1024);
  total = new Float64Array(1024);
  failed = new Float64Array(1024);
  line = new Float64Array(1024);
  length = 0;

  push(r: RequestsRecord): void {
    if (this.length === this.at.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at);
      this.total = grow(this.total);
      this.failed = grow(this.failed);
      this.line = grow(this.line);
    }
    this.at[this.length] = r.at;
    this.total[this.length] = r.total;
    this.failed[this.length] = r.failed;
    this.line[this.length] = r.line;
    this.length++;
  }
}

/**
 * A success rate over one window: the requests of the records inside the window and the service's
 * hours, added up exactly (each count is a whole number below 2^53, the sums are big integers).
 */
export function requestAggregates(ctx: Context, metric: BundleMetric, period: Period): RequestAggregates {
  const service = metric.service === null ? undefined : ctx.services.get(metric.service);
  const hours = service?.hours ?? { kind: "24x7" as const };
  const scheduled = hours.kind === "24x7" ? [] : hoursIntervals(hours, ctx.calendars, period.start, period.end);
  const store = ctx.data.requests?.get(metric.name);
  let records = 0;
  let outside = 0;
  let total = 0n;
  let failed = 0n;
  for (let i = 0; i < (store?.length ?? 0); i++) {
    const t = store!.at[i];
    if (t < period.start || t >= period.end) continue;
    if (hours.kind !== "24x7" && !containsInstant(scheduled, t)) {
      outside++;
      continue;
    }
    records++;
    total += BigInt(store!.total[i]);
    failed += BigInt(store!.failed[i]);
  }
  return { kind: "requests", records, outside, total: total.toString(), failed: failed.toString() };
}
