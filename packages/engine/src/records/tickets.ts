import type { TicketAggregates } from "../aggregates.ts";
import type { BundleDuration, BundleHours, BundleService, BundleSupport } from "../bundle.ts";
import { type Context, calendarFor } from "../context.ts";
import { Dec } from "../decimal.ts";
import { BundleProblemError } from "../errors.ts";
import type { TicketRecord } from "../events.ts";
import type { TicketCheckReport, TicketReport } from "../report-types.ts";
import { addBusinessDays, addDuration, addWorkingTime, businessTimeBetween, fixedMs } from "../schedule.ts";
import { durationReport as duration, formatInstant } from "../time.ts";
import type { Period } from "../windows.ts";

/** The window's tickets of the objective's severity (by time opened), each checked against its targets. */
export function ticketAggregates(
  ctx: Context,
  service: BundleService,
  support: BundleSupport,
  period: Period,
): TicketAggregates {
  const tickets = (ctx.data.tickets.get(service.name) ?? [])
    .filter(
      (t) =>
        (support.severity === null || t.severity === support.severity) &&
        t.opened >= period.start &&
        t.opened < period.end,
    )
    .sort((a, b) => a.opened - b.opened || a.line - b.line);
  return { kind: "tickets", tickets: tickets.map((t) => ticketReport(ctx, t, support)) };
}

function duringText(during: BundleHours): string {
  return during.kind === "24x7" ? "24x7" : during.calendar;
}

/**
 * Whether `at` is within `within` of `opened`, counted the way the contract words it:
 * business hours are working time on the calendar; business days end at the same time of day
 * N working days later; months and years are calendar months; other units are elapsed time, and
 * only working time when `during` names a calendar.
 */
export function checkWithin(
  ctx: Context,
  opened: number,
  at: number | null,
  within: BundleDuration,
  during: BundleHours,
  what: string,
): TicketCheckReport {
  const base = { target: within.text, during: duringText(during) };
  const cal = calendarFor(ctx, during);
  const fixed = fixedMs(within);
  if (within.unit === "business day" || within.unit === "month" || within.unit === "year") {
    const zone = during.kind === "calendar" ? cal.timezone : ctx.zone;
    const deadline =
      within.unit === "business day"
        ? addBusinessDays(cal, opened, wholeDays(within))
        : addDuration(opened, within, zone, cal);
    if (at === null)
      return { ...base, elapsed: null, deadline: formatInstant(deadline), met: false, note: `no ${what} recorded` };
    return { ...base, elapsed: null, deadline: formatInstant(deadline), met: at <= deadline, note: null };
  }
  const working = within.unit === "business hour" || during.kind === "calendar";
  const targetMs = fixed ?? new Dec(within.amount).times(3_600_000).toNumber();
  const deadline = working ? addWorkingTime(cal, opened, targetMs) : opened + targetMs;
  if (at === null)
    return { ...base, elapsed: null, deadline: formatInstant(deadline), met: false, note: `no ${what} recorded` };
  const elapsed = working ? businessTimeBetween(cal, opened, at) : at - opened;
  return {
    ...base,
    elapsed: duration(elapsed),
    deadline: formatInstant(deadline),
    met: elapsed <= targetMs,
    note: working ? `working time on ${cal.name}` : null,
  };
}

function wholeDays(d: BundleDuration): number {
  const n = Number(d.amount);
  if (!Number.isInteger(n)) throw new BundleProblemError(`"${d.text}": only whole business days are supported`);
  return n;
}

export function ticketReport(ctx: Context, t: TicketRecord, support: BundleSupport): TicketReport {
  const response = support.response
    ? checkWithin(ctx, t.opened, t.responded, support.response.within, support.response.during, "response")
    : null;
  const resolution = support.resolution ? resolutionCheck(ctx, t, support.resolution) : null;
  const fromAcknowledgement = support.resolution?.start === "acknowledgement";
  return {
    kind: "ticket",
    line: t.line,
    severity: t.severity,
    opened: formatInstant(t.opened),
    ...(fromAcknowledgement ? { acknowledged: t.acknowledged == null ? null : formatInstant(t.acknowledged) } : {}),
    responded: t.responded === null ? null : formatInstant(t.responded),
    resolved: t.resolved === null ? null : formatInstant(t.resolved),
    response,
    resolution,
    met: (response?.met ?? true) && (resolution?.met ?? true),
  };
}

/**
 * The resolution clock runs from opening, or from acknowledgement when the contract says so; a
 * ticket that needs an acknowledgement and has none is late, whenever it was resolved.
 */
function resolutionCheck(
  ctx: Context,
  t: TicketRecord,
  resolution: NonNullable<BundleSupport["resolution"]>,
): TicketCheckReport {
  const { within, during } = resolution;
  if (resolution.start !== "acknowledgement")
    return checkWithin(ctx, t.opened, t.resolved, within, during, "resolution");
  if (t.acknowledged == null)
    return {
      target: within.text,
      during: duringText(during),
      elapsed: null,
      deadline: null,
      met: false,
      note: "no acknowledgement recorded: the resolution clock starts at acknowledgement, so the ticket is late",
    };
  const check = checkWithin(ctx, t.acknowledged, t.resolved, within, during, "resolution");
  return { ...check, note: check.note === null ? "from acknowledgement" : `from acknowledgement; ${check.note}` };
}
