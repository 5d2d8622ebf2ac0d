/**
 * The windows that are not calendar periods of their own name, shared by the budgets and the
 * engine so both cut and label them alike: calendar days, clock hours, and billing months that
 * begin on a given day of the month. All in the agreement's zone, with its clock changes.
 */
import type { DateTime } from "luxon";

/** `2026-03-14`. */
export function dayLabel(day: DateTime): string {
  return day.toISODate() ?? "";
}

/** `2026-03-29T03:00+01:00`: the hour's local start with its offset, so the repeated hour of a clock change differs. */
export function hourLabel(hour: DateTime): string {
  return hour.toISO({ suppressSeconds: true, suppressMilliseconds: true, includeOffset: true }) ?? "";
}

/** The local midnight starting the billing month (from day `startDay`, 1–28) that contains `t`. */
export function billingMonthStart(t: DateTime, startDay: number): DateTime {
  const thisMonth = t.startOf("month").set({ day: startDay });
  return t < thisMonth ? thisMonth.minus({ months: 1 }) : thisMonth;
}

/** `2026-02-15 to 2026-03-14`: a billing month's first and last days. */
export function billingMonthLabel(start: DateTime): string {
  return `${start.toISODate()} to ${start.plus({ months: 1 }).minus({ days: 1 }).toISODate()}`;
}
