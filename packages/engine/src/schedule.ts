import {
  describeWeek,
  isWorkingDate,
  MAX_DURATION_YEARS,
  maxDays,
  narrowSpans,
  WEEKDAYS,
  type WeeklyWorkingTime,
  weeklyWorkingTime,
  workingSpans,
} from "@sla/language/helpers";
import { DateTime } from "luxon";
import type { BundleCalendar, BundleDuration, BundleHours, BundleObjective } from "./bundle.ts";
import { Dec } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import type { Interval } from "./intervals.ts";
import { formatDuration } from "./time.ts";
import { checkZone } from "./windows.ts";

/** A calendar prepared for repeated lookups: the language's `WorkingWeek` with its name. */
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

/** The calendar's working time inside `[start, end)`: the language's one computation of scheduled time. */
function computeIntervals(cal: Calendar, start: number, end: number): Interval[] {
  return workingSpans(cal, start, end);
}

const DAY_MS = 86_400_000;

/**
 * A calendar's working intervals over a span, with the working time before each, so that every
 * business-time question of a ticket is a binary search. Time-zone arithmetic is the costly part
 * (Luxon computes offsets through Intl), so it is done once per day of the span, not per ticket.
 */
interface WorkingIndex {
  from: number;
  to: number;
  intervals: Interval[];
  /** Working milliseconds in `[from, intervals[i].start)`. */
  before: number[];
}

const indexes = new WeakMap<Calendar, WorkingIndex>();

function indexCovering(cal: Calendar, start: number, end: number): WorkingIndex {
  const cached = indexes.get(cal);
  if (cached && cached.from <= start && cached.to >= end) return cached;
  // grown with a margin, so a stream of tickets rebuilds it a few times rather than once each
  const from = Math.min(start, cached?.from ?? start) - 7 * DAY_MS;
  const to = Math.max(end, cached?.to ?? end) + 92 * DAY_MS;
  const intervals = computeIntervals(cal, from, to);
  const before: number[] = [];
  let total = 0;
  for (const i of intervals) {
    before.push(total);
    total += i.end - i.start;
  }
  const index = { from, to, intervals, before };
  indexes.set(cal, index);
  return index;
}

/** The first interval that ends after `t`. */
function firstEndingAfter(intervals: Interval[], t: number): number {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (intervals[mid].end > t) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Working milliseconds in `[index.from, t)`. */
function workingUntil(index: WorkingIndex, t: number): number {
  const i = firstEndingAfter(index.intervals, t);
  if (i === index.intervals.length) {
    const last = index.intervals.length - 1;
    return last < 0 ? 0 : index.before[last] + index.intervals[last].end - index.intervals[last].start;
  }
  return index.before[i] + Math.max(0, t - index.intervals[i].start);
}

/** The calendar's working time inside `[start, end)`, sorted and disjoint. */
export function calendarIntervals(cal: Calendar, start: number, end: number): Interval[] {
  if (end <= start) return [];
  const index = indexCovering(cal, start, end);
  const out: Interval[] = [];
  for (let i = firstEndingAfter(index.intervals, start); i < index.intervals.length; i++) {
    const interval = index.intervals[i];
    if (interval.start >= end) break;
    out.push({ start: Math.max(interval.start, start), end: Math.min(interval.end, end) });
  }
  return out;
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

/**
 * The scheduled time an objective counts within `[start, end)`: its service's hours, narrowed to
 * the target's own (`during` or `outside` a calendar) when it has them.
 */
export function objectiveHoursIntervals(
  objective: Pick<BundleObjective, "hours">,
  hours: BundleHours,
  calendars: ReadonlyMap<string, Calendar>,
  start: number,
  end: number,
): Interval[] {
  const base = hoursIntervals(hours, calendars, start, end);
  if (objective.hours === undefined) return base;
  const cal = calendars.get(objective.hours.calendar);
  if (cal === undefined) throw new BundleProblemError(`unknown calendar "${objective.hours.calendar}"`);
  return narrowSpans(base, calendarIntervals(cal, start, end), objective.hours.scope);
}

export function businessTimeBetween(cal: Calendar, start: number, end: number): number {
  if (end <= start) return 0;
  const index = indexCovering(cal, start, end);
  return workingUntil(index, end) - workingUntil(index, start);
}

/** The local days of a calendar over a span: where each begins, and whether it is a working day. */
interface DayIndex {
  from: number;
  to: number;
  days: { midnight: number; year: number; month: number; day: number; working: boolean }[];
}

const dayIndexes = new WeakMap<Calendar, DayIndex>();

function dayIndexCovering(cal: Calendar, start: number, end: number): DayIndex {
  const cached = dayIndexes.get(cal);
  if (cached && cached.from <= start && cached.to >= end) return cached;
  const from = Math.min(start, cached?.from ?? start) - 7 * DAY_MS;
  const to = Math.max(end, cached?.to ?? end) + 92 * DAY_MS;
  const days: DayIndex["days"] = [];
  let day = DateTime.fromMillis(from, { zone: cal.timezone }).startOf("day");
  while (day.toMillis() < to) {
    days.push({
      midnight: day.toMillis(),
      year: day.year,
      month: day.month,
      day: day.day,
      working: isWorkingDate(cal, day),
    });
    day = day.plus({ days: 1 });
  }
  const index = { from: days[0]?.midnight ?? from, to, days };
  dayIndexes.set(cal, index);
  return index;
}

/**
 * How far ahead a business-time search looks: the longest span the limits allow, plus a day for
 * each holiday and two weeks for clock changes. Business time that needs longer is refused by the
 * checker and the bundle validation; this bound keeps the engine finite on its own too.
 */
function searchHorizonMs(cal: Calendar): number {
  return (maxDays("span") + cal.holidays.size + 14) * DAY_MS;
}

/** The real reason business time does not pass: the calendar never works, or not enough within the limits. */
function businessTimeTooLong(cal: Calendar, what: string): BundleProblemError {
  const week = calendarWeek(cal);
  if (week.minutes === 0)
    return new BundleProblemError(`calendar ${cal.name} has no working hours: ${what} never pass`);
  return new BundleProblemError(
    `${what} on calendar ${cal.name} (${describeWeek(week)}) take longer than ${MAX_DURATION_YEARS} years to pass, the longest the engine evaluates`,
  );
}

const weeks = new WeakMap<Calendar, WeeklyWorkingTime>();

function calendarWeek(cal: Calendar): WeeklyWorkingTime {
  let week = weeks.get(cal);
  if (week === undefined) {
    week = weeklyWorkingTime(
      cal.spans.flatMap((spans, weekday) => spans.map((s) => ({ day: (weekday + 6) % 7, ...s }))),
    );
    weeks.set(cal, week);
  }
  return week;
}

/** Spans to try, doubling from `first`, the last one the horizon. */
function* growingSpans(first: number, horizon: number): Generator<number> {
  let span = Math.min(first, horizon);
  for (; span < horizon; span *= 2) yield span;
  yield horizon;
}

/** The same wall-clock time on the n-th working day after the local date of `from`. */
export function addBusinessDays(cal: Calendar, from: number, n: number): number {
  if (n > 0 && calendarWeek(cal).days === 0) throw businessTimeTooLong(cal, `${n} business days`);
  for (const span of growingSpans((2 * n + 14) * DAY_MS, searchHorizonMs(cal))) {
    const { days } = dayIndexCovering(cal, from, from + span);
    // the local day of `from`: the last one that begins at or before it
    let low = 0;
    let high = days.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (days[mid].midnight <= from) low = mid;
      else high = mid - 1;
    }
    let i = low;
    let left = n;
    while (left > 0 && ++i < days.length) if (days[i].working) left--;
    if (left > 0) continue;
    const target = days[i];
    // On days of 24 hours (no clock change) the wall-clock time is the time since local midnight,
    // so the answer needs no time-zone arithmetic; around a clock change Luxon decides.
    const fullDay = (k: number) => k + 1 < days.length && days[k + 1].midnight - days[k].midnight === DAY_MS;
    if (fullDay(low) && fullDay(i)) return target.midnight + (from - days[low].midnight);
    const t = DateTime.fromMillis(from, { zone: cal.timezone });
    const time = { hour: t.hour, minute: t.minute, second: t.second, millisecond: t.millisecond };
    return DateTime.fromObject(
      { year: target.year, month: target.month, day: target.day, ...time },
      { zone: cal.timezone },
    ).toMillis();
  }
  throw businessTimeTooLong(cal, `${n} business days`);
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
  if (calendarWeek(cal).minutes === 0) throw businessTimeTooLong(cal, `${formatDuration(ms)} of working time`);
  for (const span of growingSpans(31 * DAY_MS, searchHorizonMs(cal))) {
    const index = indexCovering(cal, from, from + span);
    const target = workingUntil(index, from) + ms;
    const last = index.intervals.length - 1;
    if (last >= 0 && index.before[last] + index.intervals[last].end - index.intervals[last].start >= target) {
      let low = 0;
      let high = last;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (index.before[mid] + index.intervals[mid].end - index.intervals[mid].start >= target) high = mid;
        else low = mid + 1;
      }
      return index.intervals[low].start + (target - index.before[low]);
    }
  }
  throw businessTimeTooLong(cal, `${formatDuration(ms)} of working time`);
}
