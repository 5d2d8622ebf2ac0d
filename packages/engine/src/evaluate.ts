import type { RuleBundle } from "./bundle.ts";
import { type CollectedData, collect } from "./collect.ts";
import { buildContext, type Context } from "./context.ts";
import type { EventItem } from "./events.ts";
import { planInterest } from "./plan.ts";
import { streamingRecordWork } from "./records/streaming.ts";
import { buildReport } from "./report-json.ts";
import type { EvaluationReport } from "./report-types.ts";
import { validateBundle } from "./validate.ts";
import { earlierEnd, parseAsOf, terminationEnd } from "./term.ts";
import { monthRange, periodContaining } from "./windows.ts";

export interface EvaluateOptions {
  /** The first report month, `YYYY-MM`, in the agreement's time zone. */
  from: string;
  /** The last report month (inclusive); one report when absent. */
  to?: string;
  /** Pass over invalid lines (counted and described in `data`) instead of stopping at the first. */
  skipInvalid?: boolean;
  /**
   * Windows that have not ended by this instant are in progress: a date `YYYY-MM-DD` (the end of
   * that day in the agreement's zone) or an RFC 3339 instant. Without it: `now`, or the latest
   * instant of the data when that is later; without both, every window counts as ended.
   */
  asOf?: string;
  /** The evaluation's clock, epoch ms (the CLI passes the current time). */
  now?: number;
  /** The agreement was terminated on this date (`YYYY-MM-DD`): later windows are outside its term. */
  terminatedOn?: string;
  /**
   * Where the observed data begins when the source knows more than its records say: a Prometheus
   * step without a failure gives no record but is data. Filled while the records are read, and read
   * after them; the earlier of it and the earliest record counts.
   */
  observedFrom?: { readonly earliest: number | null };
}

/**
 * Evaluates the bundle against observed data: one report per calendar month from `from` to `to`.
 * The stream is read once; only records the requested windows (and their look-backs) need are kept.
 * Throws `EventDataError` on the first invalid line unless `skipInvalid`, `BundleProblemError`
 * when the bundle cannot be evaluated (`BundleValidationError`, with the JSON path, when it breaks
 * its schema or the limits), `EvaluationOptionsError` for malformed options.
 */
export async function evaluate(
  bundle: RuleBundle,
  events: AsyncIterable<EventItem> | Iterable<EventItem>,
  options: EvaluateOptions,
): Promise<EvaluationReport[]> {
  const plan = await planEvaluation(bundle, options);
  const data = await collect(events, plan.interest, options.skipInvalid ?? false);
  const ctx: Context = { ...plan.base, ...observed(plan, data, options), records: streamingRecordWork };
  return plan.months.map((m) => buildReport(ctx, m));
}

/** What every engine settles before it reads a record: the validated contract, its months and what they need. */
export interface EvaluationPlan {
  base: ReturnType<typeof buildContext>;
  months: ReturnType<typeof monthRange>;
  interest: ReturnType<typeof planInterest>;
  explicitAsOf: number | null;
}

export async function planEvaluation(bundle: RuleBundle, options: EvaluateOptions): Promise<EvaluationPlan> {
  const built = buildContext(await validateBundle(bundle));
  const base = {
    ...built,
    termEnd: options.terminatedOn
      ? earlierEnd(built.termEnd, terminationEnd(options.terminatedOn, built.zone))
      : built.termEnd,
  };
  const explicitAsOf = options.asOf === undefined ? null : parseAsOf(options.asOf, base.zone);
  const months = monthRange(options.from, options.to, base.zone);
  return { base, months, interest: planInterest(base, months), explicitAsOf };
}

/** What the data read decides: where it starts, and the instant before which windows have ended. */
export function observed(
  plan: EvaluationPlan,
  data: CollectedData,
  options: EvaluateOptions,
): { data: CollectedData; dataFrom: number | null; asOf: number | null } {
  const sourceEarliest = options.observedFrom?.earliest ?? null;
  const earliest =
    data.earliest === null || sourceEarliest === null
      ? (data.earliest ?? sourceEarliest)
      : Math.min(data.earliest, sourceEarliest);
  const dataFrom =
    earliest === null ? null : periodContaining({ period: "calendar month" }, earliest, plan.base.zone).start;
  const asOf =
    plan.explicitAsOf ??
    (options.now === undefined ? null : Math.max(options.now, data.latest ?? Number.NEGATIVE_INFINITY));
  return { data, dataFrom, asOf };
}
