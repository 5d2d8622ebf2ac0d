/**
 * Which windows the agreement covers, and which have ended. A window wholly before `effective`,
 * wholly after the end of the term (or after a termination date given to `evaluate`) is outside
 * the term: it gets no attainment verdict, breach or credit. A window that has not ended by the
 * evaluation's as-of instant is in progress: attainment so far, no verdict yet.
 */
import { DateTime } from "luxon";
import type { RuleBundle } from "./bundle.ts";
import type { Context } from "./context.ts";
import { BundleProblemError, EvaluationOptionsError } from "./errors.ts";
import { parseInstant } from "./time.ts";
import type { Period } from "./windows.ts";

/** Where the agreement stops covering windows, and why. */
export interface TermEnd {
  at: number;
  /** `the term ended on 2027-12-31`, `the agreement was terminated on 2026-06-30`. */
  reason: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function lastDay(end: DateTime): string {
  return end.minus({ days: 1 }).toISODate() ?? "";
}

/**
 * The end of a fixed term: `effective` plus `term`, unless the term renews automatically (then it
 * runs until terminated). Null without an effective date or a term.
 */
export function termEndOf(bundle: RuleBundle, zone: string): TermEnd | null {
  const a = bundle.agreement;
  if (!a?.effective || !a.term || a.renewal?.automatic) return null;
  const start = DateTime.fromISO(a.effective, { zone });
  const amount = Number(a.term.amount);
  if (!start.isValid || !Number.isInteger(amount) || amount <= 0) return null;
  const units: Record<string, string> = { day: "days", week: "weeks", month: "months", year: "years" };
  const unit = units[a.term.unit];
  if (unit === undefined) throw new BundleProblemError(`term "${a.term.text}": only days, weeks, months or years`);
  const end = start.plus({ [unit]: amount });
  return { at: end.toMillis(), reason: `the term (${a.term.text} from ${a.effective}) ended on ${lastDay(end)}` };
}

/** `--terminated-on DATE`: the agreement covers nothing after the end of that day. */
export function terminationEnd(date: string, zone: string): TermEnd {
  const d = DateTime.fromISO(date, { zone });
  if (!DATE.test(date) || !d.isValid)
    throw new EvaluationOptionsError(`terminated-on "${date}" is not a date (YYYY-MM-DD)`);
  return { at: d.plus({ days: 1 }).toMillis(), reason: `the agreement was terminated on ${date}` };
}

/** The earlier of two ends. */
export function earlierEnd(a: TermEnd | null, b: TermEnd | null): TermEnd | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.at < a.at ? b : a;
}

/**
 * `--as-of`: a date (the end of that day in the agreement's zone) or an RFC 3339 instant.
 */
export function parseAsOf(text: string, zone: string): number {
  if (DATE.test(text)) {
    const d = DateTime.fromISO(text, { zone });
    if (d.isValid) return d.plus({ days: 1 }).toMillis();
  }
  const t = parseInstant(text);
  if (t === null)
    throw new EvaluationOptionsError(`as-of "${text}" is neither a date (YYYY-MM-DD) nor an RFC 3339 instant`);
  return t;
}

/** Why a window lies outside the agreement's term, or null when the agreement covers it (even in part). */
export function outsideTerm(ctx: Pick<Context, "effective" | "effectiveDate" | "termEnd">, p: Period): string | null {
  if (ctx.effective !== null && p.end <= ctx.effective)
    return `before the agreement took effect (${ctx.effectiveDate})`;
  if (ctx.termEnd !== null && p.start >= ctx.termEnd.at) return `after ${ctx.termEnd.reason}`;
  return null;
}

/** Whether a window has not ended by the as-of instant. */
export function inProgress(ctx: Pick<Context, "asOf">, p: Period): boolean {
  return ctx.asOf !== null && p.end > ctx.asOf;
}
