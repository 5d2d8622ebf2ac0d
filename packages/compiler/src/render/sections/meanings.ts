/** The longer meanings of defined terms: calendars, Business Day and Hour, Service Hours, Monthly Fee. */
import Decimal from "decimal.js";
import type { BundleCalendar } from "../../bundle-types.ts";
import { calendarTerm, type RenderContext } from "../context.ts";
import type { SectionRef } from "../document.ts";
import { join, type Markdown, md, raw } from "../escape.ts";
import { formatDate, formatMoney, listAnd } from "../format.ts";
import { anyDay } from "../phrases.ts";

/** ` (America/New_York time)` when a calendar keeps another zone than the agreement's. */
function zoneNote(ctx: RenderContext, c: BundleCalendar): Markdown {
  return c.timezone === (ctx.bundle.agreement?.timezone ?? "UTC") ? raw("") : md` (${c.timezone} time)`;
}

export function calendarMeaning(ctx: RenderContext, c: BundleCalendar): Markdown {
  const hours = c.hours.map((h) => md`${h.from} to ${h.to} on ${anyDay(h.days).replace(/^any /, "each ")}`);
  const body = hours.length ? join([raw("the hours from "), raw(listAnd(hours.map((h) => h.text)))]) : raw("no hours");
  const holidays = c.holidays.length ? md`, except on ${listAnd(c.holidays.map((d) => formatDate(d)))}` : raw("");
  return md`means ${body}${zoneNote(ctx, c)}${holidays}`;
}

export function businessDayMeaning(calendar: BundleCalendar | undefined): Markdown {
  if (!calendar) return raw("means any day from Monday to Friday");
  const days = [...new Set(calendar.hours.flatMap((h) => h.days))];
  if (days.length === 0) return md`means a day with working hours in ${calendarTerm(calendar)}`;
  const holidays = calendar.holidays.length
    ? md` other than ${listAnd(calendar.holidays.map((d) => formatDate(d)))}`
    : raw("");
  return md`means ${anyDay(days)}${holidays}`;
}

export function businessHourMeaning(ctx: RenderContext, calendar: BundleCalendar | undefined): Markdown {
  const business = ctx.bundle.agreement?.businessCalendar ?? null;
  const elsewhere = ctx.bundle.objectives.some((o) =>
    [o.support?.response, o.support?.resolution].some(
      (t) => t?.during.kind === "calendar" && t.during.calendar !== business && t.within.unit === "business hour",
    ),
  );
  const other = elsewhere
    ? raw("; for a time given during the hours of another calendar, an hour within that calendar's hours")
    : raw("");
  if (calendar && calendar.hours.length === 1) {
    const h = calendar.hours[0];
    return md`means an hour between ${h.from} and ${h.to}${zoneNote(ctx, calendar)} on a Business Day${other}`;
  }
  if (calendar) return md`means an hour within ${calendarTerm(calendar)}${other}`;
  return md`means an hour on a Business Day${other}`;
}

export function serviceHoursMeaning(ctx: RenderContext, hasServices: boolean, ref: SectionRef): Markdown {
  if (ctx.singleService()) {
    const h = ctx.bundle.services[0].hours;
    return h.kind === "24x7"
      ? raw("means every hour of every day")
      : md`means the working hours of ${ctx.calendar(h.calendar)}`;
  }
  return hasServices
    ? md`means, for each service, the hours during which it is provided under clause ${ref("services")}`
    : raw("means, for each service, the hours during which it is provided");
}

type FeePeriod = "month" | "quarter" | "year";

/** Whether every service's fee is the charges of a calendar period of this length (`fee as charged per …`). */
export function allCharged(ctx: RenderContext, period: FeePeriod): boolean {
  return ctx.bundle.services.length > 0 && ctx.bundle.services.every((s) => s.feeCharged?.period === period);
}

/**
 * The fee of a period when services' fees are as charged per that period: the whole meaning when
 * every service's is, else the words that end the meaning of the fixed fee (empty when none is).
 */
export function chargedFeeMeaning(ctx: RenderContext, period: FeePeriod, servicesRef: Markdown): Markdown {
  const when = `in the calendar ${period} for which a Service Credit, or a cap on Service Credits, is calculated`;
  if (ctx.singleService() && allCharged(ctx, period)) {
    const unit = ctx.bundle.services[0].feeUnit;
    const concerned = unit ? md` for the ${unit} concerned` : raw("");
    return md`means the charges paid for the Service${concerned}${servicesRef} ${when}`;
  }
  const units = [
    ...new Set(ctx.bundle.services.flatMap((s) => (s.feeCharged?.period === period && s.feeUnit ? [s.feeUnit] : []))),
  ];
  const perUnit = units.length
    ? md`, and where it is charged for each ${units.join(" or ")}, those for the ${units.join(" or ")} concerned`
    : raw("");
  if (allCharged(ctx, period)) return md`means, for a service, the charges paid for it${servicesRef} ${when}${perUnit}`;
  return ctx.bundle.services.some((s) => s.feeCharged?.period === period)
    ? md`; and where its fee is as charged per ${period}, the charges paid for it ${when}`
    : raw("");
}

export function monthlyFeeMeaning(ctx: RenderContext, servicesRef: Markdown): Markdown {
  if (allCharged(ctx, "month")) return chargedFeeMeaning(ctx, "month", servicesRef);
  if (ctx.singleService()) {
    const s = ctx.bundle.services[0];
    const each = s.feeUnit ? md` for each ${s.feeUnit} of the Service` : raw(" for the Service");
    if (s.fee?.period === "month")
      return md`means the fee of ${formatMoney(s.fee.amount, s.fee.currency)} payable per month${each}${servicesRef}`;
    if (s.fee && s.monthlyFee) {
      const fraction = s.fee.period === "quarter" ? "one third" : "one twelfth";
      const divisor = s.fee.period === "quarter" ? 3 : 12;
      const exact = isExactMonthly(s.monthlyFee.amount, s.fee.amount, divisor);
      const amount = exact ? md` (${formatMoney(s.monthlyFee.amount, s.monthlyFee.currency)})` : raw("");
      return md`means ${fraction} of the fee payable per ${s.fee.period}${each}${amount}${servicesRef}`;
    }
  }
  const charged = chargedFeeMeaning(ctx, "month", servicesRef);
  const units = ctx.bundle.services.some((s) => s.feeUnit)
    ? raw(" (where the fee is stated per unit, the fee of the unit concerned)")
    : raw("");
  return md`means the fee payable for a service for one month${units}${servicesRef}; where its fee is payable per quarter, one third of that fee, and where it is payable per year, one twelfth${charged}`;
}

/** Whether `monthly × divisor = fee` exactly (the compiler rounds a quotient that does not terminate). */
function isExactMonthly(monthly: string, fee: string, divisor: number): boolean {
  try {
    return new Decimal(monthly).times(divisor).eq(new Decimal(fee));
  } catch {
    return false;
  }
}
