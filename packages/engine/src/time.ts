import { secondsString } from "./decimal.ts";
import type { DurationReport } from "./report-types.ts";

// RFC 3339 timestamps carry their own offset, so turning one into an instant is plain arithmetic
// with no time-zone rules; doing it by hand (not through luxon) keeps a million-line file fast.
// Everything that depends on a zone (windows, calendars, business days) goes through luxon.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch milliseconds, or null when the text is not a valid RFC 3339 date-time. Sub-millisecond digits are dropped. */
export function parseInstant(text: string): number | null {
  const m = RFC3339.exec(text);
  if (m === null) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = +m[6];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Second 60 is RFC 3339's leap second; it is taken as the first instant of the next minute.
  if (hour > 23 || minute > 59 || second > 60) return null;
  let ms = 0;
  if (m[7] !== undefined) ms = Math.floor(+`0${m[7]}` * 1000 + 1e-7);
  let offset = 0;
  if (m[8] === undefined) {
    const oh = +m[10];
    const om = +m[11];
    if (oh > 23 || om > 59) return null;
    offset = (oh * 60 + om) * (m[9] === "-" ? -1 : 1);
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offset) * 60 + second) * 1000 +
    Math.min(ms, 999)
  );
}

/** `2026-03-04T10:00:00Z`; milliseconds only when there are some. */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

/** For people: `1h 30m`, `43m 12s`, `2d 3h`, `0s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  const sign = ms < 0 ? "-" : "";
  let rest = Math.abs(ms);
  const days = Math.floor(rest / MS_PER_DAY);
  rest -= days * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (rest) {
    const whole = Math.floor(rest / 1000);
    const frac = rest % 1000;
    parts.push(frac ? `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}s` : `${whole}s`);
  }
  return sign + parts.join(" ");
}

/** A duration as reports show it: exact seconds and text for people. */
export function durationReport(ms: number): DurationReport {
  return { seconds: secondsString(ms), text: formatDuration(ms) };
}
