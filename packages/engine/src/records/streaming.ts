import type { RecordWork, SampleCoverage, WindowAggregates } from "../aggregates.ts";
import type { BundleObjective } from "../bundle.ts";
import { type Context, metricOf, serviceOf } from "../context.ts";
import { BundleProblemError } from "../errors.ts";
import { aggregatesKind } from "../objective-kind.ts";
import type { Period } from "../windows.ts";
import { measurementAggregates } from "./measurements.ts";
import { outageAggregates } from "./outages.ts";
import { requestAggregates } from "./requests.ts";
import { ticketAggregates } from "./tickets.ts";

/** The per-record work over the records `collect` kept in memory. */
export const streamingRecordWork: RecordWork = {
  aggregates(ctx: Context, objective: BundleObjective, period: Period): WindowAggregates {
    switch (aggregatesKind(objective)) {
      case "outages":
        return outageAggregates(ctx, objective, serviceOf(ctx, objective), period);
      case "tickets":
        return ticketAggregates(ctx, serviceOf(ctx, objective), objective.support!, period);
      case "measurements":
        return measurementAggregates(ctx, metricOf(ctx, objective), period);
      case null:
        throw new BundleProblemError(`objective ${objective.name}: nothing to measure from records`);
    }
  },
  requests: requestAggregates,
  coverage(ctx: Context, metric: string, start: number, end: number, intervalMs: number): SampleCoverage {
    const filled = new Uint8Array(Math.ceil((end - start) / intervalMs));
    const store = ctx.data.measurements.get(metric);
    let samples = 0;
    for (let i = 0; i < (store?.length ?? 0); i++) {
      const at = store!.at[i];
      if (at < start || at >= end) continue;
      samples++;
      filled[Math.floor((at - start) / intervalMs)] = 1;
    }
    const runs: SampleCoverage["filled"] = [];
    for (let i = 0; i < filled.length; ) {
      if (!filled[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < filled.length && filled[j]) j++;
      runs.push({ from: i, to: j });
      i = j;
    }
    return { samples, filled: runs };
  },
};
