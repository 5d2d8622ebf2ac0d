/**
 * Downtime budgets of a service whose hours follow a calendar: the scheduled time of each window
 * differs (weekends, holidays, clock changes), so the budget is stated as the rule "(Scheduled Time
 * in the window) × (100 − p)%" and the least and the most it comes to over the reference span.
 */
import { DateTime } from "luxon";
import type { DurationUnit } from "../syntax/ast.ts";
import { formatDurationShort, permittedDowntimeSeconds } from "./budget.ts";
import { plain, toDecimal } from "./decimal.ts";
import { type CalendarHours, type SchedulePeriod, scheduledWindows, workingWeek } from "./schedule.ts";
import type { HoursScope } from "./target-hours.ts";

/** The budget of one window on scheduled time. */
export interface ScheduledBudget {
  /** The window: `2026-02`. */
  window: string;
  /** Calendar days in the window. */
  days: number;
  /** Scheduled time in exact decimal seconds. */
  scheduled: string;
  /** Permitted downtime in exact decimal seconds. */
  seconds: string;
  /** The same, short: `23m 31.2s`. */
  text: string;
}

export interface AgreementTerm {
  /** `YYYY-MM-DD`. */
  effective?: string;
  term?: { amount: string; unit: DurationUnit };
}

/** Windows counted when the contract has no effective date: one 28-year cycle of weekdays and leap years. */
const CYCLE = { from: "2001-01-01", to: "2029-01-01" };
const MAX_YEARS = 10;

/**
 * The span whose windows a budget range covers: the term from the effective date (12 months when
 * no term is given, at most 10 years); without an effective date, a full 28-year cycle widened to
 * the years of the calendar's holidays.
 */
export function referenceSpan(term: AgreementTerm, holidays: readonly string[]): { from: string; to: string } {
  const start = term.effective ? DateTime.fromISO(term.effective, { zone: "UTC" }) : undefined;
  if (start?.isValid) {
    const units: Partial<Record<DurationUnit, string>> = { day: "days", week: "weeks", month: "months", year: "years" };
    const unit = term.term ? units[term.term.unit] : undefined;
    const amount = term.term ? Number(term.term.amount) : Number.NaN;
    let end = unit && amount > 0 ? start.plus({ [unit]: amount }) : start.plus({ months: 12 });
    if (end > start.plus({ years: MAX_YEARS })) end = start.plus({ years: MAX_YEARS });
    return { from: start.toISODate() ?? CYCLE.from, to: end.toISODate() ?? CYCLE.to };
  }
  const years = holidays.map((h) => Number(h.slice(0, 4))).filter((y) => Number.isInteger(y) && y > 1900 && y < 3000);
  const first = Math.min(2001, ...years);
  const last = Math.max(2028, ...years);
  return { from: `${first}-01-01`, to: `${last + 1}-01-01` };
}

/**
 * The least and the most downtime a target permits over the windows of the reference span, for a
 * service on `calendar` (undefined: 24x7), narrowed to a target's own hours when it has them (one
 * entry when every window has the same scheduled time; none when the span has no window).
 */
export function scheduledBudgets(
  targetPercent: string,
  period: SchedulePeriod,
  rollingDays: number | undefined,
  calendar: CalendarHours | undefined,
  zone: string,
  span: { from: string; to: string },
  targetHours?: { scope: HoursScope; calendar: CalendarHours },
  startDay?: number,
): ScheduledBudget[] {
  const base = calendar ? workingWeek(calendar) : undefined;
  const week = targetHours ? { base, scope: targetHours.scope, hours: workingWeek(targetHours.calendar) } : base;
  const windows = scheduledWindows(week, zone, period, rollingDays, span.from, span.to, startDay);
  if (windows.length === 0) return [];
  let least = windows[0];
  let most = windows[0];
  for (const w of windows) {
    if (w.scheduledMs < least.scheduledMs) least = w;
    if (w.scheduledMs > most.scheduledMs) most = w;
  }
  const budget = (w: (typeof windows)[number]): ScheduledBudget => {
    const scheduled = toDecimal(w.scheduledMs).div(1000);
    const seconds = permittedDowntimeSeconds(targetPercent, scheduled);
    return {
      window: w.label,
      days: w.days,
      scheduled: plain(scheduled),
      seconds: plain(seconds),
      text: formatDurationShort(seconds),
    };
  };
  return least.scheduledMs === most.scheduledMs ? [budget(least)] : [budget(least), budget(most)];
}

/** `0.1%` for a 99.9% target: the share of scheduled time that may be Downtime. */
export function downtimeShare(targetPercent: string): string {
  return `${plain(toDecimal(100).minus(targetPercent))}%`;
}
