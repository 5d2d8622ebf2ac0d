/**
 * Indicator sources (`indicator prometheus …`): where a metric's data lives, for the exports to
 * monitoring. SLA4019: the form of query must measure what the metric's type is, or an export
 * would watch the wrong quantity (a latency histogram cannot give an availability ratio).
 * SLA4020: a slice (`slice 1 minute above 5%`) turns an availability ratio into downtime, so it
 * belongs to an availability metric, has a fixed length that tiles every window (it divides an
 * hour), and a threshold some slice can pass (below 100%).
 */
import { toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { IndicatorProperty, MetricType } from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { damaged, metricTypeOf, seconds } from "./support.ts";

/** The indicator forms and the metric types each measures. */
const FITS: Record<"ratio" | "histogram", readonly MetricType[]> = {
  ratio: ["availability", "error rate"],
  histogram: ["latency"],
};

export function indicatorForm(indicator: IndicatorProperty): "ratio" | "histogram" | undefined {
  if (indicator.histogram) return "histogram";
  if (indicator.good || indicator.errors) return "ratio";
  return undefined;
}

export const indicatorRule: Rule = (context) => {
  for (const { uri, declaration } of context.declarations("metric")) {
    if (damaged(context, declaration)) continue;
    const indicator = declaration.properties.find((p): p is IndicatorProperty => p.kind === "indicator");
    const form = indicator && indicatorForm(indicator);
    const type = metricTypeOf(context, declaration)?.type;
    const sliceProblem = indicator && type && sliceReason(indicator, type);
    if (sliceProblem)
      context.report(
        createDiagnostic(
          ValueDiagnostics.indicatorSliceUncountable,
          { reason: sliceProblem },
          uri,
          indicator.slice?.range ?? indicator.keyword,
        ),
      );
    if (!indicator || !form || !type || FITS[form].includes(type)) continue;
    const words =
      form === "histogram" ? "A latency histogram" : indicator.good ? "A good/total pair" : "An errors/total pair";
    const fits =
      type === "latency"
        ? 'a latency metric takes `indicator prometheus histogram "…" below 300 milliseconds`'
        : type === "availability" || type === "error rate"
          ? `an ${type} metric takes \`indicator prometheus good "…" total "…"\` or \`errors "…" total "…"\``
          : type === "success rate"
            ? "a success rate metric is counted from `requests` records and takes no indicator"
            : `a ${type} metric is measured from support tickets and takes no indicator`;
    context.report(
      createDiagnostic(ValueDiagnostics.indicatorDoesNotFitMetric, { form: words, type, fits }, uri, indicator.keyword),
    );
  }
};

/** Why a slice cannot be counted, or `undefined` when it can (or the indicator has none). */
function sliceReason(indicator: IndicatorProperty, type: MetricType): string | undefined {
  if (!indicator.slice) return undefined;
  if (type !== "availability")
    return `says when time is downtime, so only an availability metric takes one, not ${type === "error rate" ? "an" : "a"} ${type} metric`;
  const length = seconds(indicator.slice);
  if (!length?.isInteger() || length.lte(0) || toDecimal(3600).mod(length).gt(0))
    return `must be a whole number of seconds that divides an hour (\`1 minute\`, \`5 minutes\`, \`1 hour\`), so slices line up with every window, not ${indicator.slice.amount} ${indicator.slice.unit}`;
  const above = indicator.sliceAbove?.value;
  if (above !== undefined && toDecimal(above).gte(100))
    return `threshold must be below 100%: no slice has more than 100% failed events, so none would ever be downtime`;
  return undefined;
}
