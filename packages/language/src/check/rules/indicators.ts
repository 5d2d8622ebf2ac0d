/**
 * Indicator sources (`indicator prometheus …`): where a metric's data lives, for the exports to
 * monitoring. SLA4019: the form of query must measure what the metric's type is, or an export
 * would watch the wrong quantity (a latency histogram cannot give an availability ratio).
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { IndicatorProperty, MetricType } from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { damaged, metricTypeOf } from "./support.ts";

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
    if (!indicator || !form || !type || FITS[form].includes(type)) continue;
    const words =
      form === "histogram" ? "A latency histogram" : indicator.good ? "A good/total pair" : "An errors/total pair";
    const fits =
      type === "latency"
        ? 'a latency metric takes `indicator prometheus histogram "…" below 300 milliseconds`'
        : type === "availability" || type === "error rate"
          ? `an ${type} metric takes \`indicator prometheus good "…" total "…"\` or \`errors "…" total "…"\``
          : `a ${type} metric is measured from support tickets and takes no indicator`;
    context.report(
      createDiagnostic(ValueDiagnostics.indicatorDoesNotFitMetric, { form: words, type, fits }, uri, indicator.keyword),
    );
  }
};
