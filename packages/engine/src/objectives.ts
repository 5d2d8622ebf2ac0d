import { evaluateOutages } from "./availability.ts";
import type { BundleObjective } from "./bundle.ts";
import { measureString } from "./compare.ts";
import { type Context, memo, serviceOf } from "./context.ts";
import { BundleProblemError } from "./errors.ts";
import { evaluateMeasurements } from "./latency.ts";
import type { ObjectiveOutcome, Part } from "./outcome.ts";
import type { ObjectiveKind, ObjectiveReport } from "./report-types.ts";
import { evaluateSupport } from "./support.ts";
import { formatInstant } from "./time.ts";
import { type Period, windowReport } from "./windows.ts";

const MEASURED = new Set(["latency", "error rate", "response time", "resolution time"]);

function kindOf(o: BundleObjective): ObjectiveKind {
  const limits = o.maxOutagePerIncident !== null || o.maxTotalOutage !== null;
  if (o.support !== null) return "support";
  if (o.target !== null && o.metricType === "availability")
    return limits ? "availability and outage limits" : "availability";
  if (limits) return "outage limits";
  if (o.target !== null && o.metricType !== null && MEASURED.has(o.metricType)) return "measurement";
  return "none";
}

/** One objective over one window; memoised, since remedies and look-backs ask for the same windows. */
export function evaluateObjective(
  ctx: Context,
  objective: BundleObjective,
  period: Period,
  partial = false,
): ObjectiveOutcome {
  return memo(ctx, `objective|${objective.name}|${period.start}|${period.end}`, () => {
    const kind = kindOf(objective);
    let part: Part;
    switch (kind) {
      case "availability":
      case "outage limits":
      case "availability and outage limits":
        part = evaluateOutages(ctx, objective, serviceOf(ctx, objective), period, kind !== "outage limits");
        break;
      case "support":
        part = evaluateSupport(ctx, serviceOf(ctx, objective), objective.support!, period);
        break;
      case "measurement": {
        const metric = objective.metric === null ? undefined : ctx.metrics.get(objective.metric);
        if (metric === undefined)
          throw new BundleProblemError(`objective ${objective.name}: unknown metric "${objective.metric}"`);
        part = evaluateMeasurements(ctx, objective, metric, period);
        break;
      }
      case "none":
        part = {
          met: true,
          measure: null,
          downtimeMs: null,
          breaches: [],
          counted: [],
          excluded: [],
          notes: ["This objective states no rule the engine can evaluate from observed data."],
        };
        break;
    }
    const target =
      part.target ??
      (objective.target
        ? {
            comparator: objective.target.comparator,
            value: objective.target.value.value,
            text: objective.target.value.text,
          }
        : null);
    const report: ObjectiveReport = {
      name: objective.name,
      title: objective.title,
      kind,
      service: objective.service,
      metric: objective.metric,
      window: { ...windowReport(period, ctx.zone), due: !partial, partial },
      met: part.met,
      value: part.measure === null ? null : measureString(part.measure),
      unit: part.unit ?? null,
      target,
      breaches: part.breaches.length,
      breachDetails: part.breaches.map((b) => ({ kind: b.kind, at: formatInstant(b.at), detail: b.detail })),
      ...(part.scheduled && { scheduled: part.scheduled }),
      ...(part.downtime && { downtime: part.downtime }),
      ...(part.limits && { limits: part.limits }),
      ...(part.tickets && { tickets: part.tickets }),
      ...(part.measurements && { measurements: part.measurements }),
      counted: part.counted,
      excluded: part.excluded,
      notes: part.notes,
    };
    if (partial)
      report.notes.unshift(
        `Evaluated to date: this ${objective.window.period} window ends after the report's month, so no remedy is due yet.`,
      );
    return {
      objective,
      period,
      met: part.met,
      measure: part.measure,
      downtimeMs: part.downtimeMs,
      breaches: part.breaches,
      report,
    };
  });
}
