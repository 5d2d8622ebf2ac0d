/**
 * Date-time texts at and past every bound the streaming reader checks (month, day, hour, minute,
 * second, fraction, offset, separators), and a valid quick-form time with every other character at
 * each place: for tests that SQL reads no time the streaming reader refuses (`rfc3339Ms`).
 */
import { parseInstant } from "../../src/time.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Times at and past each bound. */
export function boundTimes(): string[] {
  const texts: string[] = [];
  for (const year of ["0000", "0001", "1900", "2000", "2024", "2026", "9999"])
    for (let month = 0; month <= 13; month++)
      for (const day of [0, 1, 28, 29, 30, 31, 32])
        for (const hour of [0, 23, 24, 25])
          for (const minute of [0, 59, 60])
            for (const second of [0, 59, 60])
              for (const fraction of ["", ".000", ".5", ".123456", ".1234567"])
                texts.push(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}Z`);
  for (const offset of ["+00:00", "-00:00", "+23:59", "+24:00", "+05:60", "-12:00", "+14:00", "+99:99", "z"])
    for (const separator of ["T", "t", " "]) texts.push(`2026-03-01${separator}10:00:00${offset}`);
  return texts;
}

export const QUICK_FORM = "2026-03-01T12:34:56.789Z";

/** The quick form with any character at one place, or one of a few likely ones at two places. */
export function alteredTimes(): string[] {
  const base = QUICK_FORM;
  const characters: string[] = [];
  for (let c = 1; c < 128; c++) characters.push(String.fromCharCode(c));
  characters.push("é", "€", "٣", "𝟙", "\u00a0", "\u2007", "０");
  const texts = new Set<string>();
  for (let p = 0; p < base.length; p++) for (const c of characters) texts.add(base.slice(0, p) + c + base.slice(p + 1));
  // the characters a parser might skip, or take for a sign or a separator
  const few = ["6", "2", " ", "\t", "+", "-", ".", ":", "T", "Z", "/", "0", "9", "e", "_", ",", "\u00a0", "٣"];
  for (let p = 0; p < base.length; p++)
    for (let q = p + 1; q < base.length; q++)
      for (const a of few)
        for (const b of few) texts.add(base.slice(0, p) + a + base.slice(p + 1, q) + b + base.slice(q + 1));
  return [...texts];
}

/** The texts SQL reads otherwise than the streaming reader: as another instant, or where it refuses them. */
export function disagreements(read: Map<string, number | null>): string[] {
  return [...read].filter(([t, ms]) => ms !== null && ms !== parseInstant(t)).map(([t, ms]) => `${t} → ${ms}`);
}
