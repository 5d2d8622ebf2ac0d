/**
 * The largest values an agreement's rules may hold, so that evaluating them always ends quickly.
 * One definition for the checker (rules/limits.ts) and the engine, which validates every bundle
 * against the same limits before evaluating it. docs/limits.md states each one.
 *
 * The limits are far beyond any real agreement, and they are what keeps the engine bounded: every
 * duration is stepped through on a calendar (windows, look-backs, business time), so its length in
 * days, not its digits, is what costs.
 */
import { toDecimal } from "../../budget/decimal.ts";
import type { DurationUnit } from "../../syntax/ast.ts";

/** Years a duration the engine steps through may span: support times, windows, claims, look-backs. */
export const MAX_DURATION_YEARS = 10;
/** Years the agreement's term and renewal may span: they are added to a date once, never stepped through. */
export const MAX_TERM_YEARS = 100;
/** Consecutive windows a bonus may ask for (ten years of months). */
export const MAX_CONSECUTIVE_WINDOWS = 120;

/** Where a duration appears: the term and renewal, or anywhere the engine steps through it. */
export type DurationScope = "term" | "span";

/** The longest calendar span of a scope, in days: ten years hold at most three leap days. */
export function maxDays(scope: DurationScope): number {
  const years = scope === "term" ? MAX_TERM_YEARS : MAX_DURATION_YEARS;
  return years * 365 + Math.ceil(years / 4);
}

/** How much a calendar works in a week: the days with working hours, and the minutes. */
export interface WeeklyWorkingTime {
  days: number;
  minutes: number;
}

/** What business time counts on when the agreement names no calendar: Monday to Friday, all day. */
export const MONDAY_TO_FRIDAY: WeeklyWorkingTime = { days: 5, minutes: 5 * 1440 };

/** A week's working time from working spans, `day` 0–6, minutes after midnight (overlaps counted once). */
export function weeklyWorkingTime(spans: Iterable<{ day: number; from: number; to: number }>): WeeklyWorkingTime {
  const minutes = Array.from({ length: 7 }, () => new Uint8Array(1440));
  for (const span of spans)
    for (let m = Math.max(0, span.from); m < Math.min(1440, span.to); m++) minutes[span.day][m] = 1;
  let days = 0;
  let total = 0;
  for (const day of minutes) {
    const worked = day.reduce((sum, bit) => sum + bit, 0);
    if (worked > 0) days++;
    total += worked;
  }
  return { days, minutes: total };
}

const UNIT_SECONDS: Partial<Record<DurationUnit, number>> = {
  millisecond: 0.001,
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 604_800,
};

/** Units whose length varies (28–31 days, leap years, holidays): only whole numbers of them are counted. */
const WHOLE_UNITS: ReadonlySet<DurationUnit> = new Set<DurationUnit>(["month", "year", "business day"]);

/** True for `1.5 months`, `0.5 business days`: a fraction of a unit without a fixed length. */
export function isFractionOfVariableUnit(duration: { amount: string; unit: DurationUnit }): boolean {
  return WHOLE_UNITS.has(duration.unit) && !/^\d+(\.0*)?$/.test(duration.amount);
}

/** Why a duration is beyond the limits; `business` when it is too much of a calendar's working time. */
export type DurationLimitProblem =
  | { kind: "too long"; max: string }
  | { kind: "business"; max: string; weekly: WeeklyWorkingTime };

/**
 * Whether a duration is within the limits. `countsWorkingTime` is true where fixed units count
 * only the calendar's working time (support times `during` a calendar); business days and hours
 * always count on `calendar`.
 */
export function durationLimitProblem(
  duration: { amount: string; unit: DurationUnit },
  scope: DurationScope,
  calendar: WeeklyWorkingTime,
  countsWorkingTime = false,
): DurationLimitProblem | undefined {
  const years = scope === "term" ? MAX_TERM_YEARS : MAX_DURATION_YEARS;
  const max = `${years} years`;
  const amount = toDecimal(duration.amount);
  const weeks = Math.floor(maxDays(scope) / 7);
  const unitSeconds = UNIT_SECONDS[duration.unit];
  if (duration.unit === "month") return amount.gt(years * 12) ? { kind: "too long", max } : undefined;
  if (duration.unit === "year") return amount.gt(years) ? { kind: "too long", max } : undefined;
  if (duration.unit === "business day") {
    return calendar.days === 0 || amount.gt(calendar.days * weeks)
      ? { kind: "business", max, weekly: calendar }
      : undefined;
  }
  const minutes = amount.times(unitSeconds ?? 3600).div(60);
  if (duration.unit === "business hour" || countsWorkingTime) {
    return calendar.minutes === 0 || minutes.gt(calendar.minutes * weeks)
      ? { kind: "business", max, weekly: calendar }
      : undefined;
  }
  return minutes.gt(maxDays(scope) * 1440) ? { kind: "too long", max } : undefined;
}

/** `40 hours a week on 5 days`, `no working hours`: a calendar's week for a message. */
export function describeWeek(weekly: WeeklyWorkingTime): string {
  if (weekly.minutes === 0) return "no working hours";
  const hours = String(Math.round((weekly.minutes / 60) * 100) / 100);
  const plural = (n: number | string, word: string) => `${n} ${word}${Number(n) === 1 ? "" : "s"}`;
  return `${plural(hours, "working hour")} a week on ${plural(weekly.days, "day")}`;
}
