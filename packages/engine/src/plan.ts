import { DateTime } from "luxon";
import type { BundleDuration, BundleObjective, BundleWindow } from "./bundle.ts";
import type { Interest } from "./collect.ts";
import { atRiskLookback } from "./at-risk.ts";
import type { Context } from "./context.ts";
import type { RequestSlicing } from "./records/request-slices.ts";
import { addBusinessDays, fixedMs } from "./schedule.ts";
import type { RuleBundle } from "./bundle.ts";
import { perUnitInterest } from "./units.ts";
import { type Period, periodContaining, periodsEndingWithin, previousPeriod } from "./windows.ts";

/** The windows of an objective a monthly report shows. */
export interface ReportWindows {
  /** Windows ending within the month: evaluated in full, remedies due in this report. */
  due: Period[];
  /** When none ends in the month (a quarter seen from January): the containing window up to the month's end. */
  partial: Period | null;
}

export function reportWindows(ctx: Pick<Context, "zone">, objective: BundleObjective, month: Period): ReportWindows {
  const due = periodsEndingWithin(objective.window, month.start, month.end, ctx.zone);
  if (due.length > 0) return { due, partial: null };
  const containing = periodContaining(objective.window, month.end - 1, ctx.zone);
  return { due, partial: { ...containing, end: month.end, label: `${containing.label} (to ${month.label})` } };
}

/** `count` consecutive windows ending with `last`, oldest first. */
export function consecutiveWindows(
  ctx: Pick<Context, "zone">,
  window: BundleWindow,
  last: Period,
  count: number,
): Period[] {
  const out = [last];
  while (out.length < count) out.unshift(previousPeriod(window, out[0], ctx.zone));
  return out;
}

/** The instant `d` before `t`, on the calendar of the agreement's zone. */
export function subtractDuration(
  ctx: Pick<Context, "zone" | "businessCalendar">,
  t: number,
  d: BundleDuration,
): number {
  const fixed = fixedMs(d);
  if (fixed !== null) return t - fixed;
  const n = Number(d.amount);
  switch (d.unit) {
    case "month":
      return DateTime.fromMillis(t, { zone: ctx.zone }).minus({ months: n }).toMillis();
    case "year":
      return DateTime.fromMillis(t, { zone: ctx.zone }).minus({ years: n }).toMillis();
    case "business day": {
      // Step back a day at a time until n working days lie between.
      let s = DateTime.fromMillis(t, { zone: ctx.zone });
      while (addBusinessDays(ctx.businessCalendar, s.toMillis(), n) > t) s = s.minus({ days: 1 });
      return s.toMillis();
    }
    default:
      return t - n * 3_600_000;
  }
}

/** The objective's windows ending in the `within` span that ends with `last`: what a termination right counts. */
export function windowsWithin(
  ctx: Pick<Context, "zone" | "businessCalendar">,
  window: BundleWindow,
  last: Period,
  within: BundleDuration,
): Period[] {
  return periodsEndingWithin(window, subtractDuration(ctx, last.end, within), last.end, ctx.zone);
}

/** The objective's windows sharing a cap window with `last`, ending with `last`. */
export function capWindows(
  ctx: Pick<Context, "zone">,
  objectiveWindow: BundleWindow,
  capWindow: BundleWindow | null,
  last: Period,
): Period[] {
  if (capWindow === null) return [last];
  const cap = periodContaining(capWindow, last.end - 1, ctx.zone);
  return periodsEndingWithin(objectiveWindow, cap.start, last.end, ctx.zone).filter((p) => p.end <= last.end);
}

/** With `cap all credits` on the objective's service: its objectives' windows sharing the cap window, up to `last`. */
function serviceCapWindows(ctx: Pick<Context, "zone" | "bundle">, objective: BundleObjective, last: Period) {
  const cap = ctx.bundle.services.find((s) => s.name === objective.service)?.creditCap;
  if (!cap) return [];
  const capPeriod = periodContaining(cap.window, last.end - 1, ctx.zone);
  return ctx.bundle.objectives
    .filter((o) => o.service === objective.service)
    .flatMap((o) =>
      periodsEndingWithin(o.window, capPeriod.start, last.end, ctx.zone).map((period) => ({ objective: o, period })),
    );
}

const OUTAGE_MARGIN_MS = 35 * 86_400_000;

/** Every window the reports will look at, and from that what to keep from the event stream. */
export function planInterest(ctx: Omit<Context, "data" | "dataFrom" | "asOf" | "records">, months: Period[]): Interest {
  const windows: { objective: BundleObjective; period: Period }[] = [];
  const objectives = ctx.bundle.objectives;
  for (const month of months) {
    for (const o of objectives) {
      const { due, partial } = reportWindows(ctx, o, month);
      for (const p of due) windows.push({ objective: o, period: p });
      if (partial) windows.push({ objective: o, period: partial });
      for (const w of due) {
        for (const r of ctx.bundle.remedies.filter((x) => x.objective === o.name)) {
          if (r.termination)
            for (const p of windowsWithin(ctx, o.window, w, r.termination.within))
              windows.push({ objective: o, period: p });
          if (r.cap)
            for (const p of capWindows(ctx, o.window, r.cap.window, w)) windows.push({ objective: o, period: p });
          for (const c of r.credits)
            if (c.condition.kind === "breaches")
              for (const p of capWindows(ctx, o.window, c.condition.window, w))
                windows.push({ objective: o, period: p });
        }
        windows.push(...serviceCapWindows(ctx, o, w));
        for (const inc of ctx.bundle.incentives.filter((x) => x.objective === o.name)) {
          for (const b of inc.bonuses)
            for (const p of consecutiveWindows(ctx, o.window, w, b.consecutiveWindows))
              windows.push({ objective: o, period: p });
          if (inc.cap)
            for (const p of capWindows(ctx, o.window, inc.cap.window, w)) windows.push({ objective: o, period: p });
        }
      }
    }
  }
  for (const month of months) windows.push(...atRiskLookback(ctx, month));
  let start = Math.min(...months.map((m) => m.start));
  let end = Math.max(...months.map((m) => m.end));
  const outageServices = new Set<string>();
  const ticketServices = new Set<string>();
  const metrics = new Set<string>();
  const requestMetrics = new Set<string>();
  for (const { objective: o, period } of windows) {
    start = Math.min(start, period.start);
    end = Math.max(end, period.end);
    // A maintenance allowance is used up from the start of its own window, which may begin earlier.
    for (const e of o.exclusions)
      if (e.allowance) start = Math.min(start, periodContaining(e.allowance.window, period.start, ctx.zone).start);
    if (o.support && o.service) ticketServices.add(o.service);
    else if (o.metricType === "availability" || o.maxOutagePerIncident || o.maxTotalOutage) {
      if (o.service) outageServices.add(o.service);
    } else if (o.metricType === "success rate" && o.metric) requestMetrics.add(o.metric);
    else if (o.metric) metrics.add(o.metric);
  }
  // a measurement plan's coverage is checked from the metric's own samples, whatever its type
  for (const m of ctx.bundle.metrics) if (m.measurementPlan?.interval) metrics.add(m.name);
  // time-slice downtime: the requests of a metric make outages of its service
  const requestSlices: RequestSlicing[] = [];
  for (const m of ctx.bundle.metrics)
    if (m.downtimeSlice && m.service !== null && outageServices.has(m.service))
      requestSlices.push({
        metric: m.name,
        service: m.service,
        lengthMs: fixedMs(m.downtimeSlice.length) ?? 0,
        comparison: m.downtimeSlice.comparison,
        threshold: m.downtimeSlice.threshold,
      });
  return {
    outageServices,
    ticketServices,
    metrics,
    start,
    end,
    outageStart: start - OUTAGE_MARGIN_MS,
    outageEnd: end + OUTAGE_MARGIN_MS,
    declaredServices: new Set(ctx.bundle.services.map((s) => s.name)),
    declaredMetrics: new Set(ctx.bundle.metrics.map((m) => m.name)),
    declaredOutcomes: new Set(ctx.bundle.incentives.flatMap((i) => (i.outcome ? [i.outcome.name] : []))),
    ...(requestSlices.length ? { requestSlices, zone: ctx.zone } : {}),
    ...(requestMetrics.size ? { requestMetrics } : {}),
    ...perUnitField(ctx.bundle),
  };
}

/** What the reader splits by unit, for objectives held `for each` one (absent without any). */
function perUnitField(bundle: RuleBundle): { perUnit?: ReadonlyMap<string, string> } {
  const perUnit = perUnitInterest(bundle);
  return perUnit ? { perUnit } : {};
}
