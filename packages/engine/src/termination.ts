import type { BundleRemedy } from "./bundle.ts";
import type { Context } from "./context.ts";
import { evaluateObjective } from "./objectives.ts";
import { windowsWithin } from "./plan.ts";
import type { TerminationReport } from "./report-types.ts";
import { addDuration } from "./schedule.ts";
import { inProgress, outsideTerm } from "./term.ts";
import { formatInstant } from "./time.ts";
import type { Period } from "./windows.ts";

/**
 * `terminate when breached N times within M months`: the breached windows of the remedy's objective
 * among those ending in the M months that end with this window. Windows before the agreement or
 * wholly before the observed data are listed but cannot count as breached.
 */
export function terminationFor(ctx: Context, remedy: BundleRemedy, period: Period): TerminationReport | null {
  const rule = remedy.termination;
  const objective = remedy.objective === null ? undefined : ctx.objectives.get(remedy.objective);
  if (rule === null || objective === undefined) return null;
  const windows = windowsWithin(ctx, objective.window, period, rule.within).map((p) => {
    const outside = outsideTerm(ctx, p);
    if (outside !== null) return { label: p.label, met: null, note: outside };
    if (inProgress(ctx, p)) return { label: p.label, met: null, note: "in progress" };
    if (p.end !== period.end && (ctx.dataFrom === null || p.end <= ctx.dataFrom))
      return { label: p.label, met: null, note: "no observed data" };
    return { label: p.label, met: evaluateObjective(ctx, objective, p).met, note: null };
  });
  const breaches = windows.filter((w) => w.met === false).length;
  const exercisable = breaches >= rule.breaches;
  // the right arises when this window ends, and `exercise within` runs from there (as an action's due time)
  const exerciseBy =
    exercisable && remedy.exerciseWithin
      ? { exerciseBy: formatInstant(addDuration(period.end, remedy.exerciseWithin, ctx.zone, ctx.businessCalendar)) }
      : {};
  return {
    remedy: remedy.name,
    title: remedy.title,
    objective: objective.name,
    breaches,
    required: rule.breaches,
    within: rule.within.text,
    windows,
    exercisable,
    notice: remedy.notice?.text ?? null,
    ...exerciseBy,
  };
}
