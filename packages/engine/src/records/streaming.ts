import type { RecordWork, WindowAggregates } from "../aggregates.ts";
import type { BundleObjective } from "../bundle.ts";
import { type Context, metricOf, serviceOf } from "../context.ts";
import { BundleProblemError } from "../errors.ts";
import { aggregatesKind } from "../objective-kind.ts";
import type { Period } from "../windows.ts";
import { measurementAggregates } from "./measurements.ts";
import { outageAggregates } from "./outages.ts";
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
};
