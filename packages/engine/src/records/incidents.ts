import type { BundleObjective, BundleService } from "../bundle.ts";
import { type Context, memo } from "../context.ts";
import { analyseOutages, type OutagePiece } from "./exclusions.ts";
import type { Interval } from "../intervals.ts";
import { objectiveHoursIntervals } from "../schedule.ts";

export interface Incident extends Interval {
  pieces: OutagePiece[];
  /** The incident's downtime: its time inside service hours (and the target's own), across windows. */
  downtime: Interval[];
}

/**
 * Counted outage time that overlaps or touches merges into one incident, whatever the causes; an
 * incident is measured whole even when it crosses a window's edge.
 */
export function incidentsOf(ctx: Context, objective: BundleObjective, service: BundleService): Incident[] {
  return memo(ctx, `incidents|${objective.name}`, () => {
    const pieces = [...analyseOutages(ctx, objective, service).counted].sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
    const out: Incident[] = [];
    for (const p of pieces) {
      const last = out[out.length - 1];
      if (last !== undefined && p.start <= last.end) {
        last.pieces.push(p);
        if (p.end > last.end) last.end = p.end;
      } else out.push({ start: p.start, end: p.end, pieces: [p], downtime: [] });
    }
    for (const inc of out)
      inc.downtime = objectiveHoursIntervals(objective, service.hours, ctx.calendars, inc.start, inc.end);
    return out;
  });
}

/** The instant at which `limit` ms of the given sorted downtime have passed; null if they never do. */
export function instantPassing(downtime: readonly Interval[], limit: number): number | null {
  let left = limit;
  for (const i of downtime) {
    const len = i.end - i.start;
    if (len > left) return i.start + left;
    left -= len;
  }
  return null;
}
