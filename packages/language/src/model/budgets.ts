/**
 * The downtime budgets of an availability target, from the one budget computation of `budget/`:
 * each length of the window for a service scheduled 24x7, the least and the most scheduled window
 * of the term for a service on a calendar.
 */
import { downtimeBudgets, rollingDays } from "../budget/budget.ts";
import { referenceSpan, scheduledBudgets } from "../budget/scheduled-budget.ts";
import type { WindowNode } from "../syntax/ast.ts";
import type { AgreementModel, Budget, Schedule, TargetHours } from "./types.ts";

/**
 * `percent` is the target's exact decimal text; `window` the objective's window (a calendar month
 * when it has none). Empty when the window or the percentage cannot be measured (a rolling window
 * without a length, a percentage outside 0–100, which the checker reports).
 */
export function targetBudgets(
  percent: string,
  window: WindowNode | undefined,
  schedule: Schedule,
  agreement: AgreementModel | undefined,
  hours?: TargetHours,
): Budget[] {
  const period = window?.period ?? "calendar month";
  const days = window ? rollingDays(window) : undefined;
  if (period === "rolling" && days === undefined) return [];
  try {
    if (schedule.kind === "24x7" && hours === undefined) {
      return downtimeBudgets(percent, period, days).map((b) => ({ days: b.days, seconds: b.seconds, text: b.text }));
    }
    const term = agreement?.term;
    const calendar = schedule.kind === "calendar" ? schedule.calendar.hours : undefined;
    const own = hours ? { scope: hours.scope, calendar: hours.calendar.hours } : undefined;
    const span = referenceSpan(
      { effective: agreement?.effective, term: term ? { amount: term.amount, unit: term.unit } : undefined },
      [...(calendar?.holidays ?? []), ...(own?.calendar.holidays ?? [])],
    );
    const startDay = window?.startDay ? Number(window.startDay.value) : undefined;
    const zone = agreement?.timezone ?? "UTC";
    return scheduledBudgets(percent, period, days, calendar, zone, span, own, startDay).map((b) => ({
      days: b.days,
      seconds: b.seconds,
      text: b.text,
      window: b.window,
      scheduled: b.scheduled,
    }));
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}
