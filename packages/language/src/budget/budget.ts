/**
 * Downtime budgets: what an availability target allows in each possible length of its window.
 * Everything is exact decimal arithmetic (decimal.js), never binary floating point: 99.95% of a
 * 28-day month is exactly 1209.6 seconds, printed "20m 9.6s".
 */
import type { DurationUnit, WindowNode, WindowPeriod } from "../syntax/ast.ts";
import { type Decimal, plain, toDecimal } from "./decimal.ts";

export const SECONDS_PER_DAY = 86_400;

/** Entries kept by each of the module's memo tables before they start again. */
const CACHE_LIMIT = 4096;

/**
 * Seconds in one unit of each duration unit with a fixed length. Business units depend on a
 * calendar and months and years on which month or year, so they have none.
 */
export const SECONDS_PER_UNIT: Readonly<Partial<Record<DurationUnit, string>>> = {
  millisecond: "0.001",
  second: "1",
  minute: "60",
  hour: "3600",
  day: "86400",
  week: "604800",
};

/**
 * Every length, in days, that a window of the given period can have, shortest first: a calendar
 * month (and a billing month) 28–31, a quarter 90–92, a year 365 or 366, a week 7, a day 1, a
 * rolling window its own length. An hour is no whole number of days: it has none (`[]`), as has a
 * rolling window without a positive length.
 */
export function windowLengthsInDays(period: WindowPeriod, rollingDays?: number): number[] {
  switch (period) {
    case "calendar month":
    case "billing month":
      return [28, 29, 30, 31];
    case "calendar day":
      return [1];
    case "hour":
      return [];
    case "calendar quarter":
      return [90, 91, 92];
    case "calendar year":
      return [365, 366];
    case "week":
      return [7];
    case "rolling":
      return rollingDays !== undefined && Number.isFinite(rollingDays) && rollingDays > 0 ? [rollingDays] : [];
  }
}

/** Parses an exact decimal percentage in 0–100; throws a RangeError for anything else. */
function percent(targetPercent: string | Decimal): Decimal {
  let p: Decimal;
  try {
    p = toDecimal(targetPercent);
  } catch {
    throw new RangeError(`not a decimal percentage: '${String(targetPercent)}'`);
  }
  if (!p.isFinite() || p.isNegative() || p.greaterThan(100)) {
    throw new RangeError(`a percentage must lie between 0 and 100, got '${String(targetPercent)}'`);
  }
  return p;
}

/**
 * The downtime an availability target allows in a window of `days` days, in seconds, exactly:
 * (100 − p) / 100 × days × 86,400. `targetPercent` is the exact decimal text of the percentage
 * (`"99.95"`); it must lie in 0–100 (RangeError otherwise).
 */
export function allowedDowntimeSeconds(targetPercent: string | Decimal, days: number | Decimal): Decimal {
  // A contract repeats a few targets many times; decimals are immutable, so each is computed once.
  const key = typeof targetPercent === "string" && typeof days === "number" ? `${targetPercent}|${days}` : undefined;
  const cached = key === undefined ? undefined : budgetCache.get(key);
  if (cached) return cached;
  const result = computeAllowedDowntime(targetPercent, days);
  if (key !== undefined) {
    if (budgetCache.size >= CACHE_LIMIT) budgetCache.clear();
    budgetCache.set(key, result);
  }
  return result;
}

const budgetCache = new Map<string, Decimal>();

function computeAllowedDowntime(targetPercent: string | Decimal, days: number | Decimal): Decimal {
  const d = toDecimal(days);
  if (!d.isFinite() || d.isNegative()) throw new RangeError(`a window length must be a non-negative number of days`);
  return permittedDowntimeSeconds(targetPercent, d.times(SECONDS_PER_DAY));
}

/**
 * The one budget rule: the downtime an availability target permits in a window is its scheduled
 * time × (100 − p) / 100, in exact seconds. For a 24x7 service the scheduled time is the window's
 * whole length; for a service on a calendar, only the calendar's working time (see schedule.ts).
 */
export function permittedDowntimeSeconds(targetPercent: string | Decimal, scheduledSeconds: Decimal | string): Decimal {
  const p = percent(targetPercent);
  const scheduled = toDecimal(scheduledSeconds);
  if (!scheduled.isFinite() || scheduled.isNegative()) throw new RangeError("scheduled time must not be negative");
  // dividing by 100 is exact in decimal
  return toDecimal(100).minus(p).times(scheduled).div(100);
}

export interface DowntimeBudget {
  /** The window's length in days (0 for an hour). */
  days: number;
  /** The allowed downtime in exact decimal seconds: `"1209.6"`. */
  seconds: string;
  /** The same, short: `"20m 9.6s"`. */
  text: string;
}

/** The allowed downtime for every length the window can have, shortest window first. */
export function downtimeBudgets(
  targetPercent: string | Decimal,
  period: WindowPeriod,
  rollingDays?: number,
): DowntimeBudget[] {
  if (period === "hour") {
    const seconds = permittedDowntimeSeconds(targetPercent, "3600");
    return [{ days: 0, seconds: plain(seconds), text: formatDurationShort(seconds) }];
  }
  return windowLengthsInDays(period, rollingDays).map((days) => {
    const seconds = allowedDowntimeSeconds(targetPercent, days);
    return { days, seconds: plain(seconds), text: formatDurationShort(seconds) };
  });
}

/**
 * How a window of a given length is named in messages and hovers: "28-day month", "91-day quarter",
 * "366-day year", "week", "30-day rolling window".
 */
export function windowLengthLabel(period: WindowPeriod, days: number): string {
  switch (period) {
    case "calendar month":
      return `${days}-day month`;
    case "billing month":
      return `${days}-day billing month`;
    case "calendar day":
      return "day";
    case "hour":
      return "hour";
    case "calendar quarter":
      return `${days}-day quarter`;
    case "calendar year":
      return `${days}-day year`;
    case "week":
      return "week";
    case "rolling":
      return `${days}-day rolling window`;
  }
}

/** The window as the contract words it: "calendar month", "week", "rolling 30 days". */
export function windowPeriodLabel(period: WindowPeriod, rollingDays?: number): string {
  if (period !== "rolling") return period;
  return rollingDays === undefined ? "rolling window" : `rolling ${rollingDays} ${rollingDays === 1 ? "day" : "days"}`;
}

/**
 * A duration in exact seconds, or `undefined` for units without a fixed length (business days and
 * hours, months, years) and for text that is not a decimal number.
 */
export function durationToSeconds(amount: string, unit: DurationUnit): Decimal | undefined {
  const factor = SECONDS_PER_UNIT[unit];
  if (factor === undefined) return undefined;
  // Decimals are immutable, so the few distinct durations of a contract are converted once (kept
  // by unit, then amount: no key text is built per question, and the checker asks one per duration)
  let byAmount = secondsCache.get(unit);
  if (byAmount === undefined) {
    byAmount = new Map();
    secondsCache.set(unit, byAmount);
  }
  const cached = byAmount.get(amount);
  if (cached !== undefined || byAmount.has(amount)) return cached;
  let value: Decimal | undefined;
  try {
    value = toDecimal(amount.replace(/,/g, ""));
    value = value.isFinite() ? value.times(factor) : undefined;
  } catch {
    value = undefined;
  }
  if (byAmount.size >= CACHE_LIMIT) byAmount.clear();
  byAmount.set(amount, value);
  return value;
}

const secondsCache = new Map<DurationUnit, Map<string, Decimal | undefined>>();

interface DurationParts {
  negative: boolean;
  days: Decimal;
  hours: Decimal;
  minutes: Decimal;
  /** Seconds with any exact fraction: `19.2`. */
  seconds: Decimal;
}

function split(seconds: Decimal | string | number): DurationParts {
  const total = toDecimal(seconds);
  if (!total.isFinite()) throw new RangeError(`not a finite number of seconds: '${String(seconds)}'`);
  const negative = total.isNegative() && !total.isZero();
  let rest = total.abs();
  const days = rest.divToInt(SECONDS_PER_DAY);
  rest = rest.minus(days.times(SECONDS_PER_DAY));
  const hours = rest.divToInt(3600);
  rest = rest.minus(hours.times(3600));
  const minutes = rest.divToInt(60);
  rest = rest.minus(minutes.times(60));
  return { negative, days, hours, minutes, seconds: rest };
}

/**
 * A number of seconds, short: "21m 36s", "40m 19.2s", "8h 45m 36s", "1d 2h", "0s". Parts that are
 * zero are left out; seconds keep their exact decimal fraction.
 */
export function formatDurationShort(seconds: Decimal | string | number): string {
  const parts = split(seconds);
  const out: string[] = [];
  if (!parts.days.isZero()) out.push(`${plain(parts.days)}d`);
  if (!parts.hours.isZero()) out.push(`${plain(parts.hours)}h`);
  if (!parts.minutes.isZero()) out.push(`${plain(parts.minutes)}m`);
  if (!parts.seconds.isZero()) out.push(`${plain(parts.seconds)}s`);
  if (out.length === 0) return "0s";
  return (parts.negative ? "-" : "") + out.join(" ");
}

function unit(amount: Decimal, word: string): string {
  const text = plain(amount);
  return `${text} ${word}${text === "1" ? "" : "s"}`;
}

/**
 * A number of seconds in words: "21 minutes 36 seconds", "1 hour", "40 minutes 19.2 seconds",
 * "1 day 2 hours", "0 seconds".
 */
export function formatDurationLong(seconds: Decimal | string | number): string {
  const parts = split(seconds);
  const out: string[] = [];
  if (!parts.days.isZero()) out.push(unit(parts.days, "day"));
  if (!parts.hours.isZero()) out.push(unit(parts.hours, "hour"));
  if (!parts.minutes.isZero()) out.push(unit(parts.minutes, "minute"));
  if (!parts.seconds.isZero()) out.push(unit(parts.seconds, "second"));
  if (out.length === 0) return "0 seconds";
  return (parts.negative ? "-" : "") + out.join(" ");
}

/**
 * A number of seconds as a duration literal of the language, in the largest unit that divides it
 * into a short exact decimal: 3600 → "1 hour", 2419.2 → "40.32 minutes", 0.25 → "250 milliseconds".
 */
export function durationLiteralText(seconds: Decimal | string | number): string {
  const total = toDecimal(seconds);
  const units: [string, number][] = [
    ["week", 604_800],
    ["day", 86_400],
    ["hour", 3600],
    ["minute", 60],
    ["second", 1],
  ];
  const word = (amount: Decimal, name: string) => {
    const text = plain(amount);
    return `${text} ${name}${text === "1" ? "" : "s"}`;
  };
  for (const [name, size] of units) {
    const amount = total.div(size);
    if (amount.isInteger() && !amount.isZero()) return word(amount, name);
  }
  for (const [name, size] of units.slice(2)) {
    const amount = total.div(size);
    if (amount.times(10_000).isInteger() && amount.greaterThanOrEqualTo(1)) return word(amount, name);
  }
  const millis = total.times(1000);
  return millis.isInteger() || total.lessThan(1) ? word(millis, "millisecond") : word(total, "second");
}

/**
 * A rolling window's length in whole days (`per rolling 30 days`, `per rolling 2 weeks`,
 * `per rolling 48 hours`); undefined when it is not a whole, positive number of days.
 */
export function rollingDays(window: WindowNode): number | undefined {
  if (window.period !== "rolling" || !window.length) return undefined;
  const seconds = durationToSeconds(window.length.amount, window.length.unit);
  if (seconds === undefined) return undefined;
  const days = seconds.div(SECONDS_PER_DAY);
  return days.isInteger() && days.gt(0) ? days.toNumber() : undefined;
}
