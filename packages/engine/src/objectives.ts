import { formatDurationShort } from "@sla/language/helpers";
import { outagePart, permittedDowntime } from "./availability.ts";
import type { BundleObjective } from "./bundle.ts";
import { measureString } from "./compare.ts";
import { type Context, memo, metricOf, serviceOf } from "./context.ts";
import { measurementPart } from "./latency.ts";
import { kindOf } from "./objective-kind.ts";
import type { ObjectiveOutcome, Part } from "./outcome.ts";
import { Dec } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import { totalLength } from "./intervals.ts";
import type { ObjectiveReport, WindowStatus } from "./report-types.ts";
import { objectiveHoursIntervals } from "./schedule.ts";
import { successRatePart } from "./success-rate.ts";
import { supportPart } from "./support.ts";
import { outsideTerm } from "./term.ts";
import { formatInstant } from "./time.ts";
import { type Period, windowReport } from "./windows.ts";

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
    if (kind === "success rate") {
      const metric = metricOf(ctx, objective);
      if (!ctx.records.requests)
        throw new BundleProblemError(`objective ${objective.name}: this engine does not count request records`);
      part = successRatePart(objective, metric, ctx.records.requests(ctx, metric, period), period);
    } else if (kind === "none") {
      part = {
        met: true,
        measure: null,
        downtimeMs: null,
        breaches: [],
        counted: [],
        excluded: [],
        notes: ["This objective states no rule the engine can evaluate from observed data."],
      };
    } else {
      const agg = ctx.records.aggregates(ctx, objective, period);
      switch (agg.kind) {
        case "outages":
          part = outagePart(objective, agg, period, kind !== "outage limits");
          break;
        case "tickets":
          part = supportPart(objective.support!, agg, period);
          break;
        case "measurements":
          part = measurementPart(objective, metricOf(ctx, objective), agg, period);
          break;
      }
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
      status: "complete",
      met: part.met,
      value: part.measure === null ? null : measureString(part.measure),
      unit: part.unit ?? null,
      target,
      breaches: part.breaches.length,
      breachDetails: part.breaches.map((b) => ({ kind: b.kind, at: formatInstant(b.at), detail: b.detail })),
      ...(part.scheduled && { scheduled: part.scheduled }),
      ...(part.downtime && { downtime: part.downtime }),
      ...(part.budget && { budget: part.budget }),
      ...(part.limits && { limits: part.limits }),
      ...(part.tickets && { tickets: part.tickets }),
      ...(part.measurements && { measurements: part.measurements }),
      ...(part.requests && { requests: part.requests }),
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

/**
 * The report entry of one window of an objective, as a monthly report shows it: outside the term
 * (no evaluation), in progress (evaluated up to the as-of instant or the report month's end,
 * without a verdict), or complete. `upTo` is the end of the report's month for a window that ends
 * after it.
 */
export function windowEntry(
  ctx: Context,
  objective: BundleObjective,
  period: Period,
  upTo?: Period,
): { status: WindowStatus; report: ObjectiveReport; outcome: ObjectiveOutcome | null } {
  const outside = outsideTerm(ctx, period);
  if (outside !== null) {
    const note = `This window lies outside the agreement's term: ${outside}. It has no verdict, breach or credit.`;
    return { status: "outside term", report: unevaluated(ctx, objective, period, "outside term", note), outcome: null };
  }
  const end = Math.min(period.end, upTo?.end ?? period.end, ctx.asOf ?? Number.POSITIVE_INFINITY);
  if (end >= period.end) {
    const outcome = evaluateObjective(ctx, objective, period);
    return { status: "complete", report: outcome.report, outcome };
  }
  const byMonth = upTo !== undefined && end === upTo.end;
  const soFar = {
    ...period,
    end: Math.max(end, period.start),
    label: `${period.label} (to ${byMonth ? upTo.label : "date"})`,
  };
  const evaluated = end > period.start ? evaluateObjective(ctx, objective, soFar, true).report : undefined;
  const report: ObjectiveReport = {
    ...(evaluated ?? unevaluated(ctx, objective, period, "in progress", "")),
    window: { ...windowReport(soFar, ctx.zone), due: false, partial: true },
    status: "in progress",
    met: null,
    breaches: 0,
    breachDetails: [],
  };
  const whole = wholeWindowBudget(ctx, objective, period);
  if (whole !== undefined) {
    report.budget = whole;
    const left = new Dec(whole.seconds).minus(report.downtime?.seconds ?? "0");
    report.remainingBudget = { seconds: left.toFixed(), text: formatDurationShort(left.toFixed()) };
  }
  report.notes = [
    `In progress: this ${objective.window.period} window ends ${formatInstant(period.end)}, after ${byMonth ? "the report's month" : `the evaluation's as-of time ${formatInstant(end)}`}; attainment so far, no verdict, breach or credit yet.`,
    ...(evaluated?.notes ?? []).filter((n) => !n.startsWith("Evaluated to date")),
  ];
  return { status: "in progress", report, outcome: null };
}

/** A window's entry without an evaluation. */
function unevaluated(
  ctx: Context,
  objective: BundleObjective,
  period: Period,
  status: WindowStatus,
  note: string,
): ObjectiveReport {
  return {
    name: objective.name,
    title: objective.title,
    kind: kindOf(objective),
    service: objective.service,
    metric: objective.metric,
    window: { ...windowReport(period, ctx.zone), due: false, partial: false },
    status,
    met: null,
    value: null,
    unit: null,
    target: objective.target
      ? {
          comparator: objective.target.comparator,
          value: objective.target.value.value,
          text: objective.target.value.text,
        }
      : null,
    breaches: 0,
    breachDetails: [],
    counted: [],
    excluded: [],
    notes: note ? [note] : [],
  };
}

/** The budget of the whole window, for a window in progress: on the whole window's scheduled time. */
function wholeWindowBudget(ctx: Context, objective: BundleObjective, period: Period) {
  const target = objective.target;
  if (objective.metricType !== "availability" || target === null || target.value.kind !== "percentage")
    return undefined;
  if (target.comparator !== "at least" && target.comparator !== "above") return undefined;
  const service = serviceOf(ctx, objective);
  const scheduled = totalLength(
    objectiveHoursIntervals(objective, service.hours, ctx.calendars, period.start, period.end),
  );
  return permittedDowntime(target.value.value, scheduled);
}
