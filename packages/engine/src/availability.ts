import type { BundleDuration, BundleObjective, BundleService } from "./bundle.ts";
import { decimalText, formatDurationShort, permittedDowntimeSeconds } from "@sla/language/helpers";
import { holds, measure, measureString } from "./compare.ts";
import type { Context } from "./context.ts";
import { dec, hoursString, secondsString } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import { analyseOutages } from "./exclusions.ts";
import { incidentsOf, instantPassing } from "./incidents.ts";
import { clipIntervals, type Interval, mergeIntervals, totalLength } from "./intervals.ts";
import type { Breach, Part } from "./outcome.ts";
import type { DurationReport, ExcludedOutageReport, IncidentReport } from "./report-types.ts";
import { fixedMs, hoursIntervals } from "./schedule.ts";
import { formatDuration, formatInstant } from "./time.ts";
import { type Period, periodContaining, periodsEndingWithin } from "./windows.ts";

export function duration(ms: number): DurationReport {
  return { seconds: secondsString(ms), text: formatDuration(ms) };
}

function limitMs(d: BundleDuration): number {
  const ms = fixedMs(d);
  if (ms === null) throw new BundleProblemError(`outage limit "${d.text}" must be a fixed length`);
  return ms;
}

/**
 * Availability and outage limits for one window: scheduled time, the downtime left after
 * exclusions (clipped to service hours and to the window), and the incidents behind it.
 */
export function evaluateOutages(
  ctx: Context,
  objective: BundleObjective,
  service: BundleService,
  period: Period,
  withAvailability: boolean,
): Part {
  const scheduled = hoursIntervals(service.hours, ctx.calendars, period.start, period.end);
  const scheduledMs = totalLength(scheduled);
  const incidents = incidentsOf(ctx, objective, service);
  const perIncident = objective.maxOutagePerIncident ? limitMs(objective.maxOutagePerIncident.duration) : null;
  const breaches: Breach[] = [];
  const counted: IncidentReport[] = [];
  const excluded: ExcludedOutageReport[] = [];
  const notes: string[] = [];
  let downtimeMs = 0;

  for (const inc of incidents) {
    if (inc.end <= period.start || inc.start >= period.end) continue;
    const inWindow = totalLength(clipIntervals(inc.downtime, period.start, period.end));
    const whole = totalLength(inc.downtime);
    const records = inc.pieces.map((p) => ({
      line: p.record.line,
      cause: p.record.cause,
      start: formatInstant(p.start),
      end: formatInstant(p.end),
      note: p.reason,
    }));
    if (inWindow === 0) {
      for (const p of inc.pieces) {
        const s = Math.max(p.start, period.start);
        const e = Math.min(p.end, period.end);
        if (e > s) excluded.push(excludedOutage(p.record.line, p.record.cause, s, e, "outside service hours"));
      }
      continue;
    }
    downtimeMs += inWindow;
    const began = inc.downtime[0].start;
    const beganHere = began >= period.start && began < period.end;
    const exceeds = perIncident === null ? null : whole > perIncident;
    if (exceeds && beganHere && perIncident !== null) {
      breaches.push({
        kind: "per incident",
        at: instantPassing(inc.downtime, perIncident) ?? inc.end,
        detail: `incident from ${formatInstant(inc.start)} lasted ${formatDuration(whole)}, over the limit of ${objective.maxOutagePerIncident?.duration.text}`,
      });
    }
    counted.push({
      kind: "incident",
      start: formatInstant(inc.start),
      end: formatInstant(inc.end),
      downtime: duration(inWindow),
      incidentDowntime: duration(whole),
      began: periodContaining(objective.window, began, ctx.zone).label,
      records,
      exceedsPerIncidentLimit: exceeds,
    });
    if (exceeds && !beganHere)
      notes.push(
        `The incident from ${formatInstant(inc.start)} began in an earlier window; its per-incident limit is judged there.`,
      );
  }

  for (const piece of analyseOutages(ctx, objective, service).excluded) {
    const s = Math.max(piece.start, period.start);
    const e = Math.min(piece.end, period.end);
    if (e > s) excluded.push(excludedOutage(piece.record.line, piece.record.cause, s, e, piece.reason ?? "excluded"));
  }
  excluded.sort((a, b) => a.start.localeCompare(b.start) || a.line - b.line);

  if (objective.maxTotalOutage) {
    const total = objective.maxTotalOutage;
    const limit = limitMs(total.duration);
    for (const t of periodsEndingWithin(total.window, period.start, period.end, ctx.zone)) {
      const down: Interval[] = mergeIntervals(incidents.flatMap((inc) => clipIntervals(inc.downtime, t.start, t.end)));
      const sum = totalLength(down);
      if (sum > limit) {
        breaches.push({
          kind: "total outage",
          at: instantPassing(down, limit) ?? t.end,
          detail: `downtime in ${t.label} was ${formatDuration(sum)}, over the limit of ${total.duration.text} ${total.window.text}`,
        });
      }
    }
  }

  const part: Part = {
    met: breaches.length === 0,
    measure: null,
    downtimeMs,
    breaches,
    counted,
    excluded,
    notes,
    scheduled: { ...duration(scheduledMs), hours: hoursString(scheduledMs) },
    downtime: duration(downtimeMs),
  };
  if (objective.maxOutagePerIncident || objective.maxTotalOutage) {
    part.limits = {
      perIncident: objective.maxOutagePerIncident?.duration.text ?? null,
      total: objective.maxTotalOutage
        ? `${objective.maxTotalOutage.duration.text} ${objective.maxTotalOutage.window.text}`
        : null,
    };
  }

  if (withAvailability && objective.target) {
    const target = objective.target;
    if (target.value.kind !== "percentage")
      throw new BundleProblemError(`objective ${objective.name}: an availability target must be a percentage`);
    part.unit = "percent";
    if (target.comparator === "at least" || target.comparator === "above")
      part.budget = permittedDowntime(target.value.value, scheduledMs);
    if (scheduledMs === 0) {
      part.notes.push("No scheduled time in this window: availability is undefined and the objective counts as met.");
    } else {
      const m = measure(dec(scheduledMs - downtimeMs).times(100), scheduledMs);
      part.measure = m;
      if (!holds(m, target.comparator, target.value.value)) {
        part.met = false;
        breaches.unshift({
          kind: "target",
          at: period.end,
          detail: `availability ${measureString(m)}% is not ${target.comparator} ${target.value.text}`,
        });
      }
    }
  }
  return part;
}

/** The downtime a target permits over `scheduledMs` of scheduled time: the language's one budget rule. */
export function permittedDowntime(targetPercent: string, scheduledMs: number): DurationReport {
  const seconds = permittedDowntimeSeconds(targetPercent, dec(scheduledMs).div(1000).toFixed());
  return { seconds: decimalText(seconds), text: formatDurationShort(seconds) };
}

function excludedOutage(line: number, cause: string, start: number, end: number, reason: string): ExcludedOutageReport {
  return {
    kind: "outage",
    line,
    cause,
    start: formatInstant(start),
    end: formatInstant(end),
    duration: duration(end - start),
    reason,
  };
}
