/**
 * Measurement plans (SLA7008): the engine checks coverage by cutting each month into slots of the
 * sampling interval, so the interval needs a fixed length, and one of at least a second keeps a
 * month to at most 2.7 million slots.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import { AtRiskDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { broken, seconds, textOf } from "./support.ts";

export const samplingIntervalRule: Rule = (context) => {
  for (const { uri, declaration: metric } of context.declarations("metric")) {
    for (const p of metric.properties) {
      if (p.kind !== "sample" || broken(context, p) || !p.interval || p.interval.recovered) continue;
      const length = seconds(p.interval);
      const reason =
        length === undefined ? "has no fixed length" : length.lessThan(1) ? "is shorter than a second" : undefined;
      if (reason === undefined || length?.isZero()) continue;
      context.report(
        createDiagnostic(
          AtRiskDiagnostics.samplingIntervalUnfit,
          { interval: textOf(context, uri, p.interval.range), reason },
          uri,
          p.interval.range,
        ),
      );
    }
  }
};
