import type { RequestAggregates } from "../aggregates.ts";
import type { BundleMetric } from "../bundle.ts";
import type { Context } from "../context.ts";
import type { RequestsRecord } from "../events.ts";
import { containsInstant } from "../intervals.ts";
import { hoursIntervals } from "../schedule.ts";
import type { Period } from "../windows.ts";
import { doubled } from "./float-column.ts";

/** A success rate metric's request records in parallel typed arrays: a million cost 32 MB, not a million objects. */
export class RequestStore {
  at = new Float64Array(1024);
  total = new Float64Array(1024);
  failed = new Float64Array(1024);
  line = new Float64Array(1024);
  length = 0;

  push(r: RequestsRecord): void {
    if (this.length === this.at.length) {
      this.at = doubled(this.at);
      this.total = doubled(this.total);
      this.failed = doubled(this.failed);
      this.line = doubled(this.line);
    }
    this.at[this.length] = r.at;
    this.total[this.length] = r.total;
    this.failed[this.length] = r.failed;
    this.line[this.length] = r.line;
    this.length++;
    this.order = null;
  }

  private order: Uint32Array | null = null;

  /** The records' indices in time order (sorted once, after reading), so a window is found by binary search. */
  byTime(): Uint32Array {
    if (this.order === null) {
      const at = this.at;
      this.order = Uint32Array.from({ length: this.length }, (_, i) => i).sort((a, b) => at[a] - at[b] || a - b);
    }
    return this.order;
  }

  /** The position in `byTime()` of the first record at or after `t`. */
  firstAtOrAfter(t: number): number {
    const order = this.byTime();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[order[mid]] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
  const order = store?.byTime() ?? new Uint32Array(0);
  for (let k = store?.firstAtOrAfter(period.start) ?? 0; k < order.length; k++) {
    const i = order[k];
    const t = store!.at[i];
    if (t >= period.end) break;
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
