/**
 * Numbers, dates and durations for people, as plain text (the caller escapes): `GBP 12,000.00`,
 * `99.95%`, `1 January 2026`, `21 minutes 36 seconds`. Anything that does not have the expected
 * shape (a bundle can come from any JSON file) is returned as it is, for the caller to escape.
 */
import { MONTH_NAMES, windowLengthLabel } from "@sla/language";
import { decimalText, formatDurationLong, toDecimal } from "@sla/language";
import { type BundleDuration, type BundleWindow, type FeeBasis, groupDigits } from "@sla/bundle";

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

// Money is formatted in @sla/bundle, shared with the engine's service report.
export { formatMoney, groupDigits, minorUnits } from "@sla/bundle";

export function formatPercent(value: string): string {
  return `${value}%`;
}

/** `2026-01-01` → `1 January 2026`. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** `a, b and c` (or `a, b or c`). */
export function listAnd(items: string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** Exact seconds in words (`21 minutes 36 seconds`), else the fallback text. */
export function formatSeconds(seconds: string, fallback: string): string {
  if (!DECIMAL.test(seconds)) return fallback;
  try {
    return formatDurationLong(seconds);
  } catch {
    return fallback;
  }
}

/**
 * A contract duration as written, with business units as the defined terms they are in the
 * document: `5 Business Days`, `2 Business Hours`, `15 minutes`.
 */
export function formatDuration(duration: BundleDuration): string {
  return duration.text.replace(
    /\bbusiness (day|hour)/g,
    (_, unit: string) => `Business ${unit[0].toUpperCase()}${unit.slice(1)}`,
  );
}

/** `5 Business Days'` / `1 day's`: the possessive before "notice". */
export function possessive(duration: BundleDuration): string {
  const text = formatDuration(duration);
  return text.endsWith("s") ? `${text}'` : `${text}'s`;
}

/**
 * The measurement period as a noun: `calendar month`, `week`, and for a rolling window (evaluated
 * at the end of each calendar month over the days before) `period of 30 days ending at the end of a
 * calendar month`.
 */
export function windowNoun(window: BundleWindow): string {
  if (window.period === "rolling") {
    const days = window.days ?? 0;
    return `period of ${days} ${days === 1 ? "day" : "days"} ending at the end of a calendar month`;
  }
  if (window.period === "billing month")
    return `billing month beginning on the ${ordinal(String(window.startDay ?? 1))} day of a calendar month`;
  return window.period;
}

/** `calendar months`, `weeks`, `periods of 30 days ending at the end of a calendar month`. */
export function pluralWindowNoun(window: BundleWindow): string {
  const noun = windowNoun(window);
  if (noun.startsWith("period of ")) return noun.replace(/^period/, "periods");
  if (noun.startsWith("billing month ")) return noun.replace(/^billing month/, "billing months");
  return `${noun}s`;
}

/** `per calendar month`, `per week`, `per period of 30 days ending at the end of a calendar month`. */
export function perWindow(window: BundleWindow): string {
  return `per ${windowNoun(window)}`;
}

/** `in a calendar month`, `in a week`, `in a period of 30 days ending …`. */
export function inWindow(window: BundleWindow): string {
  return `in a ${windowNoun(window)}`;
}

/** `28-day month`, `91-day quarter`, `366-day year`, `week`, `30 days`. */
export function windowLength(window: BundleWindow, days: number): string {
  // a contract says "30 days" where a message says "30-day rolling window"
  if (window.period === "rolling") return `${days} ${days === 1 ? "day" : "days"}`;
  return windowLengthLabel(window.period, days);
}

/** `the Monthly Fee`, `the Quarterly Fee`, `the Annual Fee`. */
export function basisTerm(basis: FeeBasis): string {
  return basis === "monthly fee" ? "Monthly Fee" : basis === "quarterly fee" ? "Quarterly Fee" : "Annual Fee";
}

export function capitalise(text: string): string {
  return text.length ? text[0].toUpperCase() + text.slice(1) : text;
}

/** `1st`, `2nd`, `95th`, `99.9th`. */
export function ordinal(value: string): string {
  if (!/^\d+$/.test(value)) return `${value}th`;
  const n = Number(value);
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`;
  return `${value}${{ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th"}`;
}

/** A window as evaluation labels it, for people: `2026-02` → `February 2026`, `2026-Q1` → `Q1 2026`. */
export function windowLabelText(label: string): string {
  const day = (iso: string) => {
    const [y, m, d] = iso.split("-");
    return `${Number(d)} ${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
  };
  const billing = /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(label);
  if (billing) return `${day(billing[1])} to ${day(billing[2])}`;
  const hour = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})([+-]\d{2}:\d{2}|Z)$/.exec(label);
  if (hour) return `the hour from ${hour[2]} (UTC${hour[3] === "Z" ? "" : hour[3]}) on ${day(hour[1])}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return day(label);
  const month = /^(\d{4})-(\d{2})(.*)$/.exec(label);
  if (month) return `${MONTH_NAMES[Number(month[2]) - 1] ?? month[2]} ${month[1]}${month[3]}`;
  const quarter = /^(\d{4})-Q(\d)$/.exec(label);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) return `week ${Number(week[2])} of ${week[1]}`;
  return label;
}

/** Exact decimal seconds as whole or decimal hours: `1411200` → `392 hours`. */
export function formatHours(seconds: string): string {
  const text = decimalText(toDecimal(seconds).div(3600));
  return `${groupDigits(text)} ${text === "1" ? "hour" : "hours"}`;
}
