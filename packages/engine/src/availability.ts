import { decimalText, formatDurationShort, permittedDowntimeSeconds } from "@sla/language/helpers";
import type { OutageAggregates } from "./aggregates.ts";
import type { BundleObjective } from "./bundle.ts";
import { holds, measure, measureString } from "./compare.ts";
import { dec, hoursString } from "./decimal.ts";
import { BundleProblemError } from "./errors.ts";
import type { Breach, Part } from "./outcome.ts";
import { limitMs } from "./records/outages.ts";
import type { DurationReport, IncidentReport } from "./report-types.ts";
import { durationReport, formatDuration, formatInstant } from "./time.ts";
import type { Period } from "./windows.ts";

export { durationReport as duration } from "./time.ts";

/**
 * Availability and outage limits for one window, from its outage aggregates: the budget, the
 * per-incident and total-outage limits, and the availability target.
 */
export function outagePart(
  objective: BundleObjective,
  agg: OutageAggregates,
  period: Period,
  withAvailability: boolean,
): Part {
  const perIncident = objective.maxOutagePerIncident ? limitMs(objective.maxOutagePerIncident.duration) : null;
  const breaches: Breach[] = [];
  const counted: IncidentReport[] = [];
  const notes: string[] = [];
  const { scheduledMs, downtimeMs } = agg;

  for (const inc of agg.incidents) {
    const exceeds = perIncident === null ? null : inc.wholeMs > perIncident;
    if (exceeds && inc.beganHere) {
      breaches.push({
        kind: "per incident",
        at: inc.limitPassedAt ?? inc.end,
        detail: `incident from ${formatInstant(inc.start)} lasted ${formatDuration(inc.wholeMs)}, over the limit of ${objective.maxOutagePerIncident?.duration.text}`,
      });
    }
    counted.push({
      kind: "incident",
      start: formatInstant(inc.start),
      end: formatInstant(inc.end),
      downtime: durationReport(inc.inWindowMs),
      incidentDowntime: durationReport(inc.wholeMs),
      began: inc.began,
      records: inc.records,
      exceedsPerIncidentLimit: exceeds,
    });
    if (exceeds && !inc.beganHere)
      notes.push(
        `The incident from ${formatInstant(inc.start)} began in an earlier window; its per-incident limit is judged there.`,
      );
  }

  const total = objective.maxTotalOutage;
  if (total) {
    const limit = limitMs(total.duration);
    for (const t of agg.totalWindows) {
      if (t.downtimeMs > limit) {
        breaches.push({
          kind: "total outage",
          at: t.limitPassedAt ?? t.end,
          detail: `downtime in ${t.label} was ${formatDuration(t.downtimeMs)}, over the limit of ${total.duration.text} ${total.window.text}`,
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
    excluded: agg.excluded,
    notes,
    scheduled: { ...durationReport(scheduledMs), hours: hoursString(scheduledMs) },
    downtime: durationReport(downtimeMs),
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
