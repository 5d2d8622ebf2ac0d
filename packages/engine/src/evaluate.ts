import type { RuleBundle } from "./bundle.ts";
import { collect } from "./collect.ts";
import { buildContext, type Context } from "./context.ts";
import type { EventItem } from "./events.ts";
import { planInterest } from "./plan.ts";
import { buildReport } from "./report-json.ts";
import type { EvaluationReport } from "./report-types.ts";
import { validateBundle } from "./validate.ts";
import { monthRange, periodContaining } from "./windows.ts";

export interface EvaluateOptions {
  /** The first report month, `YYYY-MM`, in the agreement's time zone. */
  from: string;
  /** The last report month (inclusive); one report when absent. */
  to?: string;
  /** Pass over invalid lines (counted and described in `data`) instead of stopping at the first. */
  skipInvalid?: boolean;
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
  const base = buildContext(validateBundle(bundle));
  const months = monthRange(options.from, options.to, base.zone);
  const interest = planInterest(base, months);
  const data = await collect(events, interest, options.skipInvalid ?? false);
  const dataFrom =
    data.earliest === null ? null : periodContaining({ period: "calendar month" }, data.earliest, base.zone).start;
  const ctx: Context = { ...base, data, dataFrom };
  return months.map((m) => buildReport(ctx, m));
}
