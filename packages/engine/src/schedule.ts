import { DateTime } from "luxon";
import type { BundleCalendar, BundleDuration, BundleHours, Weekday } from "./bundle.ts";
import { Dec } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import { type Interval, mergeIntervals, totalLength } from "./intervals.ts";
import { checkZone } from "./windows.ts";

const WEEKDAYS: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** A calendar prepared for repeated lookups. */
export interface Calendar {
  name: string;
  timezone: string;
  /** Per ISO weekday (1 = Monday … 7 = Sunday): working spans in minutes after local midnight. */
  spans: { from: number; to: number }[][];
  holidays: ReadonlySet<string>;
}

function minutes(hhmm: string, calendar: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (m === null || +m[1] > 24 || +m[2] > 59 || (+m[1] === 24 && +m[2] !== 0)) {
    throw new BundleProblemError(`calendar ${calendar}: "${hhmm}" is not a time of day`);
  }
  return +m[1] * 60 + +m[2];
}

export function prepareCalendar(c: BundleCalendar): Calendar {
  const spans: { from: number; to: number }[][] = [[], [], [], [], [], [], [], []];
  for (const h of c.hours) {
    const from = minutes(h.from, c.name);
    const to = minutes(h.to, c.name);
    if (to <= from)
      throw new BundleProblemError(`calendar ${c.name}: the day ends (${h.to}) before it starts (${h.from})`);
    for (const d of h.days) spans[WEEKDAYS.indexOf(d) + 1].push({ from, to });
  }
  return { name: c.name, timezone: checkZone(c.timezone), spans, holidays: new Set(c.holidays) };
}

/**
 * What `business day` means when no calendar is named anywhere: Monday to Friday, all day, in the
 * agreement's zone.
 */
export function defaultBusinessCalendar(zone: string): Calendar {
  const all = [{ from: 0, to: 1440 }];
  return {
    name: "Monday to Friday",
    timezone: zone,
    spans: [[], all, all, all, all, all, [], []],
    holidays: new Set(),
  };
}

function isWorkingDate(cal: Calendar, d: DateTime): boolean {
  return cal.spans[d.weekday].length > 0 && !cal.holidays.has(d.toISODate() ?? "");
}

function atMinute(date: DateTime, minute: number): number {
  // 24:00 is the next day's midnight. Luxon moves a wall-clock time that does not exist (spring
  // forward) to the next valid instant.
  const day = minute >= 1440 ? date.plus({ days: 1 }) : date;
  const m = minute % 1440;
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 },
    { zone: date.zone },
  ).toMillis();
}

/** The calendar's working time inside `[start, end)`, sorted and disjoint. */
export function calendarIntervals(cal: Calendar, start: number, end: number): Interval[] {
  if (end <= start) return [];
  const out: Interval[] = [];
  let day = DateTime.fromMillis(start, { zone: cal.timezone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromMillis(end, { zone: cal.timezone }).startOf("day");
  while (day <= last) {
    if (isWorkingDate(cal, day)) {
      for (const span of cal.spans[day.weekday]) {
        const s = Math.max(atMinute(day, span.from), start);
        const e = Math.min(atMinute(day, span.to), end);
        if (e > s) out.push({ start: s, end: e });
      }
    }
    day = day.plus({ days: 1 });
  }
  return mergeIntervals(out);
}

/** Service hours within `[start, end)`: the whole span for 24x7. */
export function hoursIntervals(
  hours: BundleHours,
  calendars: ReadonlyMap<string, Calendar>,
  start: number,
  end: number,
): Interval[] {
  if (end <= start) return [];
  if (hours.kind === "24x7") return [{ start, end }];
  const cal = calendars.get(hours.calendar);
  if (cal === undefined) throw new BundleProblemError(`unknown calendar "${hours.calendar}"`);
  return calendarIntervals(cal, start, end);
}

export function businessTimeBetween(cal: Calendar, start: number, end: number): number {
  return totalLength(calendarIntervals(cal, start, end));
}

/** The same wall-clock time on the n-th working day after the local date of `from`. */
export function addBusinessDays(cal: Calendar, from: number, n: number): number {
  const t = DateTime.fromMillis(from, { zone: cal.timezone });
  let day = t.startOf("day");
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new BundleProblemError(`calendar ${cal.name} has no working days`);
    day = day.plus({ days: 1 });
    if (isWorkingDate(cal, day)) left--;
  }
  return DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: t.hour,
      minute: t.minute,
      second: t.second,
      millisecond: t.millisecond,
    },
    { zone: cal.timezone },
  ).toMillis();
}

function wholeNumber(d: BundleDuration): number {
  const n = Number(d.amount);
  if (!Number.isInteger(n) || n < 0)
    throw new BundleProblemError(`"${d.text}": only whole numbers of ${d.unit}s are supported`);
  return n;
}

/** Fixed-length durations in ms; null for business units, months and years. */
export function fixedMs(d: BundleDuration): number | null {
  if (d.seconds !== undefined) return new Dec(d.seconds).times(1000).toNumber();
  switch (d.unit) {
    case "millisecond":
      return new Dec(d.amount).toNumber();
    case "second":
      return new Dec(d.amount).times(1000).toNumber();
    case "minute":
      return new Dec(d.amount).times(60_000).toNumber();
    case "hour":
      return new Dec(d.amount).times(3_600_000).toNumber();
    case "day":
      return new Dec(d.amount).times(86_400_000).toNumber();
    case "week":
      return new Dec(d.amount).times(604_800_000).toNumber();
    default:
      return null;
  }
}

/**
 * The instant a duration after `from` ends, for durations counted as plain elapsed time or on the
 * calendar: fixed units elapse, months and years are calendar months in `zone`, business days
 * follow `cal`, business hours count working time on `cal`.
 */
export function addDuration(from: number, d: BundleDuration, zone: string, cal: Calendar): number {
  const fixed = fixedMs(d);
  if (fixed !== null) return from + fixed;
  switch (d.unit) {
    case "month":
      return DateTime.fromMillis(from, { zone })
        .plus({ months: wholeNumber(d) })
        .toMillis();
    case "year":
      return DateTime.fromMillis(from, { zone })
        .plus({ years: wholeNumber(d) })
        .toMillis();
    case "business day":
      return addBusinessDays(cal, from, wholeNumber(d));
    case "business hour":
      return addWorkingTime(cal, from, new Dec(d.amount).times(3_600_000).toNumber());
    default:
      throw new BundleProblemError(`"${d.text}": unsupported duration unit`);
  }
}

/** The earliest instant at which `ms` of working time on `cal` has passed since `from`. */
export function addWorkingTime(cal: Calendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  let left = ms;
  let cursor = from;
  for (let guard = 0; guard < 200; guard++) {
    const chunkEnd = DateTime.fromMillis(cursor, { zone: cal.timezone }).plus({ days: 31 }).toMillis();
    for (const i of calendarIntervals(cal, cursor, chunkEnd)) {
      const len = i.end - i.start;
      if (len >= left) return i.start + left;
      left -= len;
    }
    cursor = chunkEnd;
  }
  throw new BundleProblemError(`calendar ${cal.name} has no working hours`);
}
