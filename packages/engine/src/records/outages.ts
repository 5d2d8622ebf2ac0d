import type { BundleDuration, BundleObjective, BundleService } from "../bundle.ts";
import type { IncidentAggregate, OutageAggregates, TotalOutageAggregate } from "../aggregates.ts";
import type { Context } from "../context.ts";
import { BundleProblemError } from "../errors.ts";
import { clipIntervals, type Interval, mergeIntervals, totalLength } from "../intervals.ts";
import type { ExcludedOutageReport } from "../report-types.ts";
import { fixedMs, objectiveHoursIntervals } from "../schedule.ts";
import { durationReport, formatInstant } from "../time.ts";
import { type Period, periodContaining, periodsEndingWithin } from "../windows.ts";
import { analyseOutages, outsideHours } from "./exclusions.ts";
import { incidentsOf, instantPassing } from "./incidents.ts";

/** A fixed-length outage limit in ms; a calendar length cannot limit an outage. */
export function limitMs(d: BundleDuration): number {
  const ms = fixedMs(d);
  if (ms === null) throw new BundleProblemError(`outage limit "${d.text}" must be a fixed length`);
  return ms;
}

/**
 * The outage figures of one window from the records in memory: scheduled time, the downtime left
 * after exclusions (clipped to service hours and to the window), and the incidents behind it.
 */
export function outageAggregates(
  ctx: Context,
  objective: BundleObjective,
  service: BundleService,
  period: Period,
): OutageAggregates {
  const scheduledMs = totalLength(
    objectiveHoursIntervals(objective, service.hours, ctx.calendars, period.start, period.end),
  );
  const incidents = incidentsOf(ctx, objective, service);
  const perIncident = objective.maxOutagePerIncident ? limitMs(objective.maxOutagePerIncident.duration) : null;
  const counted: IncidentAggregate[] = [];
  const excluded: ExcludedOutageReport[] = [];
  let downtimeMs = 0;

  for (const inc of incidents) {
    if (inc.end <= period.start || inc.start >= period.end) continue;
    const inWindowMs = totalLength(clipIntervals(inc.downtime, period.start, period.end));
    if (inWindowMs === 0) {
      for (const p of inc.pieces) {
        const s = Math.max(p.start, period.start);
        const e = Math.min(p.end, period.end);
        if (e > s) excluded.push(excludedOutage(p.record.line, p.record.cause, s, e, outsideHours(objective)));
      }
      continue;
    }
    downtimeMs += inWindowMs;
    const began = inc.downtime[0].start;
    counted.push({
      start: inc.start,
      end: inc.end,
      inWindowMs,
      wholeMs: totalLength(inc.downtime),
      began: periodContaining(objective.window, began, ctx.zone).label,
      beganHere: began >= period.start && began < period.end,
      limitPassedAt: perIncident === null ? null : instantPassing(inc.downtime, perIncident),
      records: inc.pieces.map((p) => ({
        line: p.record.line,
        cause: p.record.cause,
        start: formatInstant(p.start),
        end: formatInstant(p.end),
        note: p.reason,
      })),
    });
  }

  for (const piece of analyseOutages(ctx, objective, service).excluded) {
    const s = Math.max(piece.start, period.start);
    const e = Math.min(piece.end, period.end);
    if (e > s) excluded.push(excludedOutage(piece.record.line, piece.record.cause, s, e, piece.reason ?? "excluded"));
  }
  excluded.sort((a, b) => a.start.localeCompare(b.start) || a.line - b.line);

  const totalWindows: TotalOutageAggregate[] = [];
  if (objective.maxTotalOutage) {
    const limit = limitMs(objective.maxTotalOutage.duration);
    for (const t of periodsEndingWithin(objective.maxTotalOutage.window, period.start, period.end, ctx.zone)) {
      const down: Interval[] = mergeIntervals(incidents.flatMap((inc) => clipIntervals(inc.downtime, t.start, t.end)));
      totalWindows.push({
        label: t.label,
        end: t.end,
        downtimeMs: totalLength(down),
        limitPassedAt: instantPassing(down, limit),
      });
    }
  }
  return { kind: "outages", scheduledMs, downtimeMs, incidents: counted, excluded, totalWindows };
}

export function excludedOutage(
  line: number,
  cause: string,
  start: number,
  end: number,
  reason: string,
): ExcludedOutageReport {
  return {
    kind: "outage",
    line,
    cause,
    start: formatInstant(start),
    end: formatInstant(end),
    duration: durationReport(end - start),
    reason,
  };
}
