/**
 * Time-slice downtime (`downtime per 1 minute when error rate above 5%`). SLA4023: the engine cuts
 * the metric's request records into slices and makes each bad slice an outage of the metric's
 * service, so the form belongs to an availability metric (the only kind whose targets count
 * downtime), its slices must tile every window (a whole number of seconds that divides an hour:
 * every window starts and ends on a local hour), and its threshold must let some slice with
 * requests be downtime and some not; and when the metric's indicator has a slice too, the two must
 * be the same rule, or `--prometheus` and request records would count different downtime.
 */
import { toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { DowntimeSliceProperty, IndicatorProperty } from "../../syntax/ast.ts";
import { ValueDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { damaged, metricTypeOf, seconds } from "./support.ts";

export const downtimeSliceRule: Rule = (context) => {
  for (const { uri, declaration } of context.declarations("metric")) {
    if (damaged(context, declaration)) continue;
    const slice = declaration.properties.find((p): p is DowntimeSliceProperty => p.kind === "downtime slice");
    if (!slice) continue;
    const type = metricTypeOf(context, declaration)?.type ?? "availability";
    const indicator = declaration.properties.find((p): p is IndicatorProperty => p.kind === "indicator");
    const reason = sliceReason(slice, type) ?? disagreement(slice, indicator);
    if (reason)
      context.report(
        createDiagnostic(ValueDiagnostics.downtimeSliceUncountable, { reason: reason.text }, uri, reason.range),
      );
  }
};

function sliceReason(slice: DowntimeSliceProperty, type: string) {
  if (type !== "availability")
    return {
      text: `makes time downtime, which only an availability metric counts, not ${/^[aeiou]/.test(type) ? "an" : "a"} ${type} metric`,
      range: slice.keyword,
    };
  const length = seconds(slice.length);
  if (
    slice.length &&
    length !== undefined &&
    (!length.isInteger() || length.lte(0) || toDecimal(3600).mod(length).gt(0))
  )
    return {
      text: `length must be a whole number of seconds that divides an hour (\`1 minute\`, \`5 minutes\`, \`1 hour\`), so slices line up with every window, not ${slice.length.amount} ${slice.length.unit}`,
      range: slice.length.range,
    };
  const threshold = slice.threshold?.value;
  if (threshold === undefined || !slice.threshold) return undefined;
  const t = toDecimal(threshold);
  if (slice.comparison === "above" && t.gte(100))
    return {
      text: "threshold must be below 100%: no slice has more than all of its requests failed, so none would ever be downtime",
      range: slice.threshold.range,
    };
  if (slice.comparison === "at least" && t.lte(0))
    return {
      text: "threshold must be above 0%: every slice with requests has at least 0% failed, so all of them would be downtime",
      range: slice.threshold.range,
    };
  return undefined;
}

/** The indicator's slice when it is not the same rule as the metric's time-slice downtime. */
function disagreement(slice: DowntimeSliceProperty, indicator: IndicatorProperty | undefined) {
  if (!indicator?.slice || indicator.sliceAbove?.value === undefined) return undefined;
  const [a, b] = [seconds(slice.length), seconds(indicator.slice)];
  const threshold = slice.threshold?.value;
  if (a === undefined || b === undefined || threshold === undefined) return undefined;
  const same =
    a.eq(b) && slice.comparison === "above" && toDecimal(threshold).eq(toDecimal(indicator.sliceAbove.value));
  if (same) return undefined;
  return {
    text: `is not the indicator's \`slice ${indicator.slice.amount} ${indicator.slice.unit} above ${indicator.sliceAbove.value}%\`: \`sla evaluate --prometheus\` and request records would count different downtime; give the same rule, or leave the slice off the indicator (the metric's is used)`,
    range: slice.keyword,
  };
}
