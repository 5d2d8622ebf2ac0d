/**
 * Scheduled time: the part of a span inside a service's hours (24x7 or a calendar), in a time zone
 * with its clock changes. The one computation behind every downtime budget: the checker, hovers,
 * the bundle's `budgets`, the Markdown contract and the engine all count scheduled time here.
 *
 * Luxon answers the time-zone questions (pure JavaScript over `Intl`, so the package still runs in
 * a browser). Working spans are computed a local day at a time.
 */
import { DateTime } from "luxon";
import { WEEKDAYS, type Weekday, type WindowPeriod } from "../syntax/ast.ts";
import { isRestricted, type RestrictedHours, restrictedDayMs, restrictedSpans } from "./target-hours.ts";
import { billingMonthLabel, billingMonthStart, dayLabel, hourLabel } from "./windows.ts";

/** Half-open `[start, end)` in epoch milliseconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** A calendar as the rule bundle states it: working hours per weekday, holidays, its zone. */
export interface CalendarHours {
  timezone: string;
  hours: readonly { days: readonly Weekday[]; from: string; to: string }[];
  holidays: readonly string[];
}

/** A calendar ready for day-by-day lookups. */
export interface WorkingWeek {
  timezone: string;
  /** Per ISO weekday (1 = Monday … 7 = Sunday): working spans in minutes after local midnight. */
  spans: { from: number; to: number }[][];
  holidays: ReadonlySet<string>;
}

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight of `HH:MM` (00:00–24:00), or undefined for anything else. */
export function minutesOfDay(hhmm: string): number | undefined {
  const m = HHMM.exec(hhmm);
  if (m === null || +m[1] > 24 || +m[2] > 59 || (+m[1] === 24 && +m[2] !== 0)) return undefined;
  return +m[1] * 60 + +m[2];
}

/** The calendar's week; hours that are not times of day, or that end before they start, are left out. */
export function workingWeek(calendar: CalendarHours): WorkingWeek {
  const spans: { from: number; to: number }[][] = [[], [], [], [], [], [], [], []];
  for (const h of calendar.hours) {
    const from = minutesOfDay(h.from);
    const to = minutesOfDay(h.to);
    if (from === undefined || to === undefined || to <= from) continue;
    for (const d of h.days) spans[WEEKDAYS.indexOf(d) + 1].push({ from, to });
  }
  return { timezone: calendar.timezone, spans, holidays: new Set(calendar.holidays) };
}

export function isWorkingDate(week: WorkingWeek, day: DateTime): boolean {
  return week.spans[day.weekday].length > 0 && !week.holidays.has(day.toISODate() ?? "");
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

/** The working time of a week inside `[start, end)`, sorted and disjoint. */
export function workingSpans(week: WorkingWeek, start: number, end: number): TimeSpan[] {
  if (end <= start) return [];
  const out: TimeSpan[] = [];
  let day = DateTime.fromMillis(start, { zone: week.timezone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromMillis(end, { zone: week.timezone }).startOf("day");
  while (day <= last) {
    if (isWorkingDate(week, day)) {
      for (const span of week.spans[day.weekday]) {
        const s = Math.max(atMinute(day, span.from), start);
        const e = Math.min(atMinute(day, span.to), end);
        if (e > s) out.push({ start: s, end: e });
      }
    }
    day = day.plus({ days: 1 });
  }
  return mergeSpans(out);
}

function mergeSpans(list: TimeSpan[]): TimeSpan[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TimeSpan[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** Scheduled milliseconds in `[start, end)`: all of it for 24x7 (`undefined`), else the calendar's working time. */
export function scheduledMs(week: WorkingWeek | undefined, start: number, end: number): number {
  if (end <= start) return 0;
  if (week === undefined) return end - start;
  let total = 0;
  for (const s of workingSpans(week, start, end)) total += s.end - s.start;
  return total;
}

/**
 * Scheduled milliseconds of each local day from `first` (a local midnight) on, as prefix sums:
 * `prefix[i]` is the scheduled time of the days before day i. Window sums are then two lookups.
 */
interface DayTable {
  first: DateTime;
  /** ISO date of each day → its index. */
  index: Map<string, number>;
  prefix: number[];
}

const TABLE_LIMIT = 64;
const tables = new Map<string, DayTable>();

function weekKey(week: WorkingWeek | undefined): string {
  return week ? JSON.stringify([week.timezone, week.spans, [...week.holidays]]) : "24x7";
}

function dayTable(
  week: WorkingWeek | RestrictedHours | undefined,
  zone: string,
  from: DateTime,
  days: number,
): DayTable {
  const key = `${zone}|${isRestricted(week) ? `${weekKey(week.base)}|${week.scope}|${weekKey(week.hours)}` : weekKey(week)}|${from.toISODate()}|${days}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const index = new Map<string, number>();
  const prefix = [0];
  const perWeekday = week && !isRestricted(week) ? week.spans.map((spans) => unionMinutes(spans) * 60_000) : [];
  let day = from;
  for (let i = 0; i < days; i++) {
    const next = day.plus({ days: 1 });
    const iso = day.toISODate() ?? "";
    index.set(iso, i);
    const start = day.toMillis();
    const end = next.toMillis();
    let ms: number;
    if (week === undefined) ms = end - start;
    else if (isRestricted(week)) ms = restrictedDayMs(week, zone, day, start, end);
    else if (week.holidays.has(iso)) ms = 0;
    // a day of 24 hours has no clock change: its working time is the length of its spans
    else if (end - start === 86_400_000) ms = perWeekday[day.weekday];
    else ms = scheduledMs(week, start, end);
    prefix.push(prefix[i] + ms);
    day = next;
  }
  index.set(day.toISODate() ?? "", days);
  const table = { first: from, index, prefix };
  if (tables.size >= TABLE_LIMIT) tables.clear();
  tables.set(key, table);
  return table;
}

/** Every clock hour of `[start, end)` (local midnights) with its scheduled time, a day at a time. */
function hourWindows(
  week: WorkingWeek | RestrictedHours | undefined,
  zone: string,
  start: DateTime,
  end: DateTime,
): ScheduledWindow[] {
  const out: ScheduledWindow[] = [];
  for (let day = start; day < end; day = day.plus({ days: 1 })) {
    const dayStart = day.toMillis();
    const dayEnd = day.plus({ days: 1 }).toMillis();
    const spans =
      week === undefined
        ? [{ start: dayStart, end: dayEnd }]
        : isRestricted(week)
          ? restrictedSpans(week, dayStart, dayEnd)
          : workingSpans(week, dayStart, dayEnd);
    // clock hours are real hours from local midnight: a clock change skips or repeats a whole one
    for (let h = dayStart; h < dayEnd; h += 3_600_000) {
      let ms = 0;
      for (const s of spans) ms += Math.max(0, Math.min(s.end, h + 3_600_000) - Math.max(s.start, h));
      // a year holds thousands of hours and only a few labels are read: each is written when asked
      const at = h;
      out.push({
        get label() {
          return hourLabel(DateTime.fromMillis(at, { zone }));
        },
        start: h,
        end: h + 3_600_000,
        days: 0,
        scheduledMs: ms,
      });
    }
  }
  return out;
}

/** Minutes covered by spans within one day (overlapping spans count once). */
function unionMinutes(spans: readonly { from: number; to: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  let total = 0;
  let reach = 0;
  for (const s of sorted) {
    const from = Math.max(s.from, reach);
    if (s.to > from) {
      total += s.to - from;
      reach = s.to;
    }
  }
  return total;
}

/** A window of the agreement: `[start, end)` between local midnights. */
export interface ScheduledWindow {
  /** `2026-03`, `2026-Q1`, `2026`, `2026-W10`, `2026-03 (last 30 days)`, as evaluation reports label them. */
  label: string;
  start: number;
  end: number;
  /** Calendar days in the window. */
  days: number;
  scheduledMs: number;
}

/** The windows a schedule is cut into: the language's window periods. */
export type SchedulePeriod = WindowPeriod;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * Every window of a period that overlaps `[from, to)` (local dates in `zone`), with its scheduled
 * time: calendar periods in the zone, weeks from Monday, rolling windows ending at each month end
 * (as the engine evaluates them), days, clock hours, and billing months from day `startDay`.
 */
export function scheduledWindows(
  week: WorkingWeek | RestrictedHours | undefined,
  zone: string,
  period: SchedulePeriod,
  rollingDays: number | undefined,
  from: string,
  to: string,
  startDay?: number,
): ScheduledWindow[] {
  const start = DateTime.fromISO(from, { zone }).startOf("day");
  const end = DateTime.fromISO(to, { zone }).startOf("day");
  if (!start.isValid || !end.isValid || end <= start) return [];
  if (period === "hour") return hourWindows(week, zone, start, end);
  let first: DateTime;
  let step: (d: DateTime) => DateTime;
  let label: (d: DateTime) => string;
  switch (period) {
    case "calendar month":
    case "rolling":
      first = start.startOf("month");
      step = (d) => d.plus({ months: 1 });
      label = (d) => `${d.year}-${pad(d.month)}`;
      break;
    case "calendar quarter":
      first = start.startOf("quarter");
      step = (d) => d.plus({ months: 3 });
      label = (d) => `${d.year}-Q${d.quarter}`;
      break;
    case "calendar year":
      first = start.startOf("year");
      step = (d) => d.plus({ years: 1 });
      label = (d) => `${d.year}`;
      break;
    case "week":
      first = start.startOf("week");
      step = (d) => d.plus({ weeks: 1 });
      label = (d) => `${d.weekYear}-W${pad(d.weekNumber)}`;
      break;
    case "calendar day":
      first = start;
      step = (d) => d.plus({ days: 1 });
      label = dayLabel;
      break;
    case "billing month":
      if (startDay === undefined || !Number.isInteger(startDay) || startDay < 1 || startDay > 28) return [];
      first = billingMonthStart(start, startDay);
      step = (d) => d.plus({ months: 1 });
      label = billingMonthLabel;
      break;
  }
  if (period === "rolling" && (rollingDays === undefined || rollingDays <= 0)) return [];
  const back = period === "rolling" ? rollingDays! : 0;
  const tableStart = first.minus({ days: back });
  const tableDays = Math.ceil(step(end).diff(tableStart, "days").days) + 2;
  const table = dayTable(week, zone, tableStart, tableDays);
  const at = (d: DateTime) => table.prefix[table.index.get(d.toISODate() ?? "") ?? 0];
  const out: ScheduledWindow[] = [];
  for (let d = first; d < end; d = step(d)) {
    const next = step(d);
    // a rolling window is the `rollingDays` days that end with the month
    const s = period === "rolling" ? next.minus({ days: back }) : d;
    if (next <= start) continue;
    out.push({
      label: period === "rolling" ? `${label(d)} (last ${back} days)` : label(d),
      start: s.toMillis(),
      end: next.toMillis(),
      days: Math.round(next.diff(s, "days").days),
      scheduledMs: at(next) - at(s),
    });
  }
  return out;
}
