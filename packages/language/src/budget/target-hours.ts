/**
 * Scheduled time of a target with its own hours (`during SupportHours`, `outside SupportHours`):
 * the service's hours (all of them for 24x7) inside the calendar's working time, or outside it.
 * The budgets and the engine both narrow scheduled time this way.
 */
import type { DateTime } from "luxon";
import { type TimeSpan, type WorkingWeek, workingSpans } from "./schedule.ts";

export type HoursScope = "during" | "outside";

/** A service's hours narrowed by a target's own: `base` undefined is 24x7. */
export interface RestrictedHours {
  readonly base: WorkingWeek | undefined;
  readonly scope: HoursScope;
  readonly hours: WorkingWeek;
}

export function isRestricted(week: WorkingWeek | RestrictedHours | undefined): week is RestrictedHours {
  return week !== undefined && "scope" in week;
}

/** `base` inside (`during`) or outside `hours`; both sorted and disjoint, as is the result. */
export function narrowSpans(base: readonly TimeSpan[], hours: readonly TimeSpan[], scope: HoursScope): TimeSpan[] {
  const out: TimeSpan[] = [];
  let j = 0;
  for (const b of base) {
    let cursor = b.start;
    while (j < hours.length && hours[j].end <= b.start) j++;
    for (let k = j; k < hours.length && hours[k].start < b.end; k++) {
      const s = Math.max(b.start, hours[k].start);
      const e = Math.min(b.end, hours[k].end);
      if (scope === "during") out.push({ start: s, end: e });
      else {
        if (s > cursor) out.push({ start: cursor, end: s });
        cursor = Math.max(cursor, e);
      }
    }
    if (scope === "outside" && cursor < b.end) out.push({ start: cursor, end: b.end });
  }
  return out.filter((s) => s.end > s.start);
}

/** The narrowed scheduled time inside `[start, end)`. */
export function restrictedSpans(h: RestrictedHours, start: number, end: number): TimeSpan[] {
  if (end <= start) return [];
  const base = h.base ? workingSpans(h.base, start, end) : [{ start, end }];
  return narrowSpans(base, workingSpans(h.hours, start, end), h.scope);
}

const DAY_MS = 86_400_000;

/** Minute spans of a working day, merged (undefined: the whole day, 24x7). */
function daySpans(week: WorkingWeek | undefined, day: DateTime, iso: string): TimeSpan[] {
  if (week === undefined) return [{ start: 0, end: 1440 }];
  if (week.holidays.has(iso)) return [];
  const sorted = [...week.spans[day.weekday]].sort((a, b) => a.from - b.from);
  const out: TimeSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.from <= last.end) last.end = Math.max(last.end, s.to);
    else out.push({ start: s.from, end: s.to });
  }
  return out;
}

/**
 * Scheduled milliseconds of one local day `[start, end)` of `zone`: on a day of 24 hours whose
 * calendars keep the same zone, from the weekday's minutes; around a clock change, from instants.
 */
export function restrictedDayMs(h: RestrictedHours, zone: string, day: DateTime, start: number, end: number): number {
  const iso = day.toISODate() ?? "";
  const sameZone = (h.base === undefined || h.base.timezone === zone) && h.hours.timezone === zone;
  const spans =
    end - start === DAY_MS && sameZone
      ? narrowSpans(daySpans(h.base, day, iso), daySpans(h.hours, day, iso), h.scope).map((s) => ({
          start: s.start * 60_000,
          end: s.end * 60_000,
        }))
      : restrictedSpans(h, start, end);
  let total = 0;
  for (const s of spans) total += s.end - s.start;
  return total;
}
