/**
 * Measurement plans against the data: each report month (within the term and up to the as-of
 * instant) is cut into slots of the plan's sampling interval from its first instant; a slot with no
 * measurement of the metric is missing, and consecutive missing slots are one gap. The report gives
 * the coverage, the gaps and what the plan says gaps count as; no result changes on account of them.
 */
import type { BundleMeasurementPlan, BundleMetric } from "@sla/bundle";
import type { Context } from "./context.ts";
import { percentString, secondsString } from "./decimal.ts";
import type { MeasurementCoverageReport } from "./report-types.ts";
import { fixedMs } from "./schedule.ts";
import { formatDuration, formatInstant } from "./time.ts";
import { localIso, type Period } from "./windows.ts";

type Planned = BundleMetric & { measurementPlan: BundleMeasurementPlan };

/** Gaps listed one by one; a month of one-second slots could have a million. */
export const GAPS_LISTED = 100;

export function plannedMetrics(ctx: Pick<Context, "bundle">): Planned[] {
  return ctx.bundle.metrics.filter(
    (m): m is Planned => m.measurementPlan !== undefined && m.measurementPlan.interval !== null,
  );
}

function coverage(ctx: Context, m: Planned, month: Period): MeasurementCoverageReport {
  const plan = m.measurementPlan;
  const interval = fixedMs(plan.interval!);
  const start = Math.max(month.start, ctx.effective ?? month.start);
  const end = Math.min(month.end, ctx.asOf ?? month.end, ctx.termEnd?.at ?? month.end);
  const base = {
    metric: m.name,
    interval: plan.interval!.text,
    from: formatInstant(start),
    to: formatInstant(Math.max(start, end)),
    treatment: plan.gaps,
  };
  const empty = {
    ...base,
    expectedSamples: 0,
    slotsWithSamples: 0,
    samples: 0,
    coverage: null,
    gapCount: 0,
    gapTime: { seconds: "0", text: "0s" },
    gaps: [],
  };
  if (interval === null || interval <= 0) return { ...empty, note: "the sampling interval has no fixed length" };
  if (end <= start) return { ...empty, note: "no part of this month lies in the term and before the as-of instant" };
  const slots = Math.ceil((end - start) / interval);
  const { samples, filled } = ctx.records.coverage(ctx, m.name, start, end, interval);
  const gaps: MeasurementCoverageReport["gaps"] = [];
  let gapCount = 0;
  let gapMs = 0;
  let withSamples = 0;
  // the gaps are the runs of slots between the filled runs (and before the first, after the last)
  let i = 0;
  for (const run of [...filled, { from: slots, to: slots }]) {
    withSamples += run.to - run.from;
    const j = run.from;
    if (j <= i) {
      i = run.to;
      continue;
    }
    const from = start + i * interval;
    const to = Math.min(end, start + j * interval);
    gapCount++;
    gapMs += to - from;
    if (gaps.length < GAPS_LISTED)
      gaps.push({
        start: formatInstant(from),
        end: formatInstant(to),
        startLocal: localIso(from, ctx.zone),
        slots: j - i,
        duration: { seconds: secondsString(to - from), text: formatDuration(to - from) },
      });
    i = run.to;
  }
  return {
    ...base,
    expectedSamples: slots,
    slotsWithSamples: withSamples,
    samples,
    coverage: percentString(withSamples, slots),
    gapCount,
    gapTime: { seconds: secondsString(gapMs), text: formatDuration(gapMs) },
    gaps,
    note: gapCount > GAPS_LISTED ? `the first ${GAPS_LISTED} of ${gapCount} gaps are listed` : null,
  };
}

/** The report's `measurementPlans` entries; undefined when no metric states a sampling interval. */
export function measurementPlansFor(ctx: Context, month: Period): MeasurementCoverageReport[] | undefined {
  const planned = plannedMetrics(ctx);
  return planned.length ? planned.map((m) => coverage(ctx, m, month)) : undefined;
}
