import { DateTime, IANAZone } from "luxon";
import { parseInstant } from "../time.ts";

/** An instant in epoch milliseconds, or why the text is not one. */
export type TimeReading = number | { reason: string };

/** Reads the text of a time field. */
export type TimeReader = (text: string) => TimeReading;

export interface LocalTimeOptions {
  /**
   * The IANA zone a time without an offset is read in (the agreement's). Without it such a time is
   * an error, as it always was: the data alone cannot say which instant it means.
   */
  timeZone?: string;
  /**
   * A Luxon format for times without an offset (`dd/MMM/yy h:mm a` for a Jira export); by default
   * `YYYY-MM-DD HH:MM`, with `T` or a space, optional seconds and fraction.
   */
  timeFormat?: string;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const DAY_MS = 86_400_000;
const EXPECTED = "expected RFC 3339, e.g. 2026-03-04T10:00:00Z";

/**
 * RFC 3339 times are read as before. With a zone, a wall-clock time without offset is the instant
 * it names in that zone; a time the clocks skip (a DST gap) or show twice (an overlap) is an error,
 * because guessing would move an outage by an hour.
 */
export function timeReader(options: LocalTimeOptions = {}): TimeReader {
  const { timeZone, timeFormat } = options;
  const zone = timeZone === undefined ? null : IANAZone.create(timeZone);
  if (zone !== null && !zone.isValid) throw new RangeError(`unknown time zone "${timeZone}"`);
  return (text) => {
    const instant = parseInstant(text);
    if (instant !== null) return instant;
    if (zone === null) return { reason: `unparseable time "${clip(text)}" (${EXPECTED})` };
    const wall = timeFormat === undefined ? wallClock(text) : formatted(text, timeFormat);
    if (wall === null) {
      const expected = timeFormat === undefined ? "YYYY-MM-DD HH:MM in the agreement's time zone" : `"${timeFormat}"`;
      return { reason: `unparseable time "${clip(text)}" (${EXPECTED}, or ${expected})` };
    }
    return resolve(wall, zone, text);
  };
}

/** The wall-clock time as if it were UTC, in epoch milliseconds; null when not a real date. */
function wallClock(text: string): number | null {
  const m = LOCAL.exec(text.trim());
  if (m === null) return null;
  const second = m[6] === undefined ? "00" : m[6];
  const fraction = m[7] ?? "";
  return parseInstant(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${second}${fraction}Z`);
}

function formatted(text: string, format: string): number | null {
  const dt = DateTime.fromFormat(text.trim(), format, { zone: "UTC", locale: "en-US" });
  return dt.isValid ? dt.toMillis() : null;
}

/**
 * The instants whose local time in `zone` is `wall`: one normally, none in a gap, two in an
 * overlap. Offsets a day either side cover every transition a zone has (none are closer).
 */
function resolve(wall: number, zone: IANAZone, text: string): TimeReading {
  const offsets = new Set([zone.offset(wall - DAY_MS), zone.offset(wall + DAY_MS)]);
  const instants = [...offsets].map((o) => wall - o * 60_000).filter((t) => zone.offset(t) * 60_000 === wall - t);
  if (instants.length === 1) return instants[0];
  const local = `"${clip(text)}"`;
  if (instants.length === 0)
    return { reason: `${local} does not exist in ${zone.name} (the clocks skip it); give the time with its offset` };
  return {
    reason: `${local} happens twice in ${zone.name} (the clocks go back); give the time with its offset`,
  };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
