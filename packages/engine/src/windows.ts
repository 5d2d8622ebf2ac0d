import { hoursString, secondsString } from "./decimal.ts";
import type { WindowReport } from "./report-types.ts";
import { formatInstant } from "./time.ts";
import { billingMonthLabel, billingMonthStart, dayLabel, hourLabel } from "@sla/language/helpers";
import { DateTime, IANAZone } from "luxon";
import type { BundleWindow, WindowPeriod } from "./bundle.ts";
import { BundleProblemError, EvaluationOptionsError } from "./errors.ts";

/** One evaluation window, `[start, end)` in epoch ms, as calendar periods of the agreement's zone. */
export interface Period {
  kind: WindowPeriod;
  start: number;
  end: number;
  /**
   * `2026-03`, `2026-Q1`, `2026`, `2026-W10`, `2026-03 (last 30 days)`, `2026-03-14`,
   * `2026-03-14T09:00+00:00`, `2026-02-15 to 2026-03-14`.
   */
  label: string;
}

export function checkZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) throw new BundleProblemError(`unknown time zone "${zone}"`);
  return zone;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(text: string): { year: number; month: number } {
  const m = MONTH.exec(text);
  if (m === null) throw new EvaluationOptionsError(`period "${text}" is not a month in the form YYYY-MM`);
  return { year: +m[1], month: +m[2] };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function monthPeriod(year: number, month: number, zone: string): Period {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return {
    kind: "calendar month",
    start: start.toMillis(),
    end: start.plus({ months: 1 }).toMillis(),
    label: `${year}-${pad(month)}`,
  };
}

/** The report months from `from` to `to` inclusive. */
export function monthRange(from: string, to: string | undefined, zone: string): Period[] {
  const a = parseMonth(from);
  const b = parseMonth(to ?? from);
  const first = a.year * 12 + a.month - 1;
  const last = b.year * 12 + b.month - 1;
  if (last < first) throw new EvaluationOptionsError(`"to" (${to}) is before "from" (${from})`);
  if (last - first > 1200) throw new EvaluationOptionsError("a range of more than 100 years is not supported");
  const out: Period[] = [];
  for (let i = first; i <= last; i++) out.push(monthPeriod(Math.floor(i / 12), (i % 12) + 1, zone));
  return out;
}

/**
 * Rolling windows are anchored to month ends: `per rolling 30 days` is evaluated, in a monthly
 * report, over the 30 days that end when the month ends.
 */
function rollingEndingAt(month: Period, days: number, zone: string): Period {
  const end = DateTime.fromMillis(month.end, { zone });
  return {
    kind: "rolling",
    start: end.minus({ days }).toMillis(),
    end: month.end,
    label: `${month.label} (last ${days} days)`,
  };
}

export function periodContaining(
  window: Pick<BundleWindow, "period" | "days" | "startDay">,
  instant: number,
  zone: string,
): Period {
  const t = DateTime.fromMillis(instant, { zone });
  switch (window.period) {
    case "calendar month":
      return monthPeriod(t.year, t.month, zone);
    case "calendar quarter": {
      const start = t.startOf("quarter");
      return {
        kind: window.period,
        start: start.toMillis(),
        end: start.plus({ months: 3 }).toMillis(),
        label: `${start.year}-Q${start.quarter}`,
      };
    }
    case "calendar year": {
      const start = t.startOf("year");
      return {
        kind: window.period,
        start: start.toMillis(),
        end: start.plus({ years: 1 }).toMillis(),
        label: `${start.year}`,
      };
    }
    case "week": {
      const start = t.startOf("week");
      return {
        kind: window.period,
        start: start.toMillis(),
        end: start.plus({ weeks: 1 }).toMillis(),
        label: `${start.weekYear}-W${pad(start.weekNumber)}`,
      };
    }
    case "calendar day": {
      const start = t.startOf("day");
      return {
        kind: window.period,
        start: start.toMillis(),
        end: start.plus({ days: 1 }).toMillis(),
        label: dayLabel(start),
      };
    }
    case "hour": {
      // a real hour: the repeated hour of a clock change is a window of its own
      const start = instant - ((((instant - t.startOf("day").toMillis()) % HOUR_MS) + HOUR_MS) % HOUR_MS);
      return {
        kind: window.period,
        start,
        end: start + HOUR_MS,
        label: hourLabel(DateTime.fromMillis(start, { zone })),
      };
    }
    case "billing month": {
      const start = billingMonthStart(t, startDayOf(window));
      return {
        kind: window.period,
        start: start.toMillis(),
        end: start.plus({ months: 1 }).toMillis(),
        label: billingMonthLabel(start),
      };
    }
    case "rolling":
      return rollingEndingAt(monthPeriod(t.year, t.month, zone), rollingDays(window), zone);
  }
}

const HOUR_MS = 3_600_000;

function startDayOf(window: Pick<BundleWindow, "startDay">): number {
  const day = window.startDay;
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > 28)
    throw new BundleProblemError("a billing month needs a start day from 1 to 28");
  return day;
}

function rollingDays(window: Pick<BundleWindow, "days">): number {
  const days = window.days;
  if (days === undefined || !Number.isInteger(days) || days < 1)
    throw new BundleProblemError("a rolling window needs a whole number of days");
  return days;
}

/** The windows of `window`'s kind that end within `(start, end]`: the ones a report for that span is due for. */
export function periodsEndingWithin(
  window: Pick<BundleWindow, "period" | "days" | "startDay">,
  start: number,
  end: number,
  zone: string,
): Period[] {
  const out: Period[] = [];
  let p = periodContaining(window, start, zone);
  if (window.period === "rolling") {
    // One rolling window per month end inside the span.
    let month = periodContaining({ period: "calendar month" }, start, zone);
    while (month.end <= end) {
      out.push(rollingEndingAt(month, rollingDays(window), zone));
      month = periodContaining({ period: "calendar month" }, month.end, zone);
    }
    return out;
  }
  while (p.end <= end) {
    out.push(p);
    p = periodContaining(window, p.end, zone);
  }
  return out;
}

/** The window before `p` (for rolling windows: the one ending at the previous month end). */
export function previousPeriod(
  window: Pick<BundleWindow, "period" | "days" | "startDay">,
  p: Period,
  zone: string,
): Period {
  if (window.period === "rolling") {
    const prevMonth = periodContaining({ period: "calendar month" }, p.end - 1, zone);
    return rollingEndingAt(
      periodContaining({ period: "calendar month" }, prevMonth.start - 1, zone),
      rollingDays(window),
      zone,
    );
  }
  return periodContaining(window, p.start - 1, zone);
}

export function localIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? "";
}

export function windowReport(p: Period, zone: string): WindowReport {
  return {
    label: p.label,
    period: p.kind,
    start: formatInstant(p.start),
    end: formatInstant(p.end),
    startLocal: localIso(p.start, zone),
    endLocal: localIso(p.end, zone),
    timezone: zone,
    hours: hoursString(p.end - p.start),
    seconds: secondsString(p.end - p.start),
  };
}
