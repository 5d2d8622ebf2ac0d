/** Downtime budgets and exact duration arithmetic, shared by the checker, hovers and the Markdown contract. */
export {
  allowedDowntimeSeconds,
  type DowntimeBudget,
  downtimeBudgets,
  durationLiteralText,
  durationToSeconds,
  formatDurationLong,
  formatDurationShort,
  permittedDowntimeSeconds,
  rollingDays,
  SECONDS_PER_DAY,
  SECONDS_PER_UNIT,
  windowLengthLabel,
  windowLengthsInDays,
  windowPeriodLabel,
} from "./budget.ts";
export { BudgetDecimal, type Decimal, plain as decimalText, toDecimal } from "./decimal.ts";
export {
  type CalendarHours,
  isWorkingDate,
  minutesOfDay,
  type SchedulePeriod,
  type ScheduledWindow,
  scheduledMs,
  scheduledWindows,
  type TimeSpan,
  type WorkingWeek,
  workingSpans,
  workingWeek,
} from "./schedule.ts";
export { type HoursScope, narrowSpans, type RestrictedHours, restrictedSpans } from "./target-hours.ts";
export { billingMonthLabel, billingMonthStart, dayLabel, hourLabel } from "./windows.ts";
export {
  type AgreementTerm,
  downtimeShare,
  referenceSpan,
  type ScheduledBudget,
  scheduledBudgets,
} from "./scheduled-budget.ts";
