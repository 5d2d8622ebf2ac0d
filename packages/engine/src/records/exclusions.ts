import type { BundleExclusion, BundleObjective, BundleService } from "../bundle.ts";
import { type Context, memo } from "../context.ts";
import { BundleProblemError } from "../errors.ts";
import type { OutageRecord } from "../events.ts";
import { type Interval, intersectIntervals, mergeIntervals, subtractIntervals } from "../intervals.ts";
import { addDuration, fixedMs, objectiveHoursIntervals } from "../schedule.ts";
import { formatDuration, formatInstant } from "../time.ts";
import { periodContaining } from "../windows.ts";

/** A part of one outage record, with why it counts or why it does not. */
export interface OutagePiece extends Interval {
  record: OutageRecord;
  /** Counted pieces: a note for a person when the cause is not plain `unplanned`. Excluded pieces: the reason. */
  reason: string | null;
}

export interface OutageAnalysis {
  /** Pieces that stay downtime (before clipping to service hours and to a window). */
  counted: OutagePiece[];
  /** Pieces removed by an exclusion, minus any time a counted piece covers anyway. */
  excluded: OutagePiece[];
}

export const CAUSE_TEXT = { customer: "customer caused", "force majeure": "force majeure" } as const;

/**
 * Classifies every outage of the objective's service over the whole range read. Done once per
 * objective (its exclusions may differ from a sibling's) because a maintenance allowance is used
 * up in order of start across its own window, which need not be the objective's window.
 */
export function analyseOutages(ctx: Context, objective: BundleObjective, service: BundleService): OutageAnalysis {
  return memo(ctx, `outages|${objective.name}`, () => {
    const records = [...(ctx.data.outages.get(service.name) ?? [])].sort(
      (a, b) => a.start - b.start || a.line - b.line,
    );
    const excludes = (cause: "customer" | "force majeure") => objective.exclusions.some((e) => e.cause === cause);
    const maintenanceRules = objective.exclusions.filter((e) => e.cause === "maintenance");

    const counted: OutagePiece[] = [];
    const excluded: OutagePiece[] = [];
    const qualifying: { record: OutageRecord; rules: BundleExclusion[] }[] = [];

    for (const r of records) {
      if (r.end <= r.start) continue;
      if (r.cause === "unplanned") counted.push({ start: r.start, end: r.end, record: r, reason: null });
      else if (r.cause === "customer" || r.cause === "force majeure") {
        const text = CAUSE_TEXT[r.cause];
        if (excludes(r.cause)) excluded.push({ start: r.start, end: r.end, record: r, reason: `${text}: excluded` });
        else
          counted.push({
            start: r.start,
            end: r.end,
            record: r,
            reason: `${text}, but this objective does not exclude it`,
          });
      } else {
        const rules = maintenanceRules.filter((e) => noticeGiven(ctx, e, r));
        if (rules.length > 0) qualifying.push({ record: r, rules });
        else counted.push({ start: r.start, end: r.end, record: r, reason: lateReason(maintenanceRules, r) });
      }
    }

    // Time already down for another reason (or covered by late maintenance) is not maintenance the
    // allowance has to excuse: the allowance measures only what maintenance actually removes.
    let covered = mergeIntervals([...counted, ...excluded]);
    const used: AllowanceUse = new Map();
    for (const { record: r, rules } of qualifying) {
      const own: Interval[] = [{ start: r.start, end: r.end }];
      const scheduled = objectiveHoursIntervals(objective, service.hours, ctx.calendars, r.start, r.end);
      const inHours = intersectIntervals(own, scheduled);
      for (const piece of subtractIntervals(own, inHours))
        excluded.push({ ...piece, record: r, reason: `maintenance ${outsideHours(objective)}` });
      const candidate = subtractIntervals(inHours, covered);
      for (const piece of candidate) allocate(ctx, piece, r, rules, used, counted, excluded);
      covered = mergeIntervals([...covered, ...inHours]);
    }

    const countedUnion = mergeIntervals(counted);
    const shown: OutagePiece[] = [];
    for (const e of excluded) {
      for (const rest of subtractIntervals([e], countedUnion))
        shown.push({ ...rest, record: e.record, reason: e.reason });
    }
    counted.sort((a, b) => a.start - b.start || a.record.line - b.record.line);
    shown.sort((a, b) => a.start - b.start || a.record.line - b.record.line);
    return { counted, excluded: shown };
  });
}

/** Why time down counts for none of an objective's windows. */
export function outsideHours(objective: Pick<BundleObjective, "hours">): string {
  if (objective.hours === undefined) return "outside service hours";
  return `outside the service level's hours (${objective.hours.scope} ${objective.hours.calendar})`;
}

/** Allowance used so far, per maintenance exclusion and per allowance window (by its start). */
type AllowanceUse = Map<BundleExclusion, Map<number, number>>;

/** Hands out allowance, earliest time first, from each qualifying rule in turn; the rest stays downtime. */
function allocate(
  ctx: Context,
  piece: Interval,
  r: OutageRecord,
  rules: BundleExclusion[],
  used: AllowanceUse,
  counted: OutagePiece[],
  excluded: OutagePiece[],
): void {
  let rest: Interval[] = [piece];
  for (const rule of rules) {
    const next: Interval[] = [];
    for (const p of rest) {
      if (rule.allowance === null) {
        excluded.push({ ...p, record: r, reason: `${announcedText(r, rule)}; no allowance limit` });
        continue;
      }
      const limit = fixedMs(rule.allowance.duration);
      if (limit === null)
        throw new BundleProblemError(`maintenance allowance "${rule.allowance.duration.text}" must be a fixed length`);
      let cursor = p.start;
      while (cursor < p.end) {
        const w = periodContaining(rule.allowance.window, cursor, ctx.zone);
        const segEnd = Math.min(p.end, w.end);
        let perWindow = used.get(rule);
        if (perWindow === undefined) {
          perWindow = new Map();
          used.set(rule, perWindow);
        }
        const already = perWindow.get(w.start) ?? 0;
        const room = Math.max(0, limit - already);
        const take = Math.min(room, segEnd - cursor);
        const allowance = `${rule.allowance.duration.text} ${rule.allowance.window.text}`;
        if (take > 0) {
          perWindow.set(w.start, already + take);
          const left = `, ${formatDuration(limit - already - take)} left in ${w.label}`;
          excluded.push({
            start: cursor,
            end: cursor + take,
            record: r,
            reason: `${announcedText(r, rule)}; within the allowance of ${allowance}${left}`,
          });
        }
        if (cursor + take < segEnd) next.push({ start: cursor + take, end: segEnd });
        cursor = segEnd;
      }
    }
    rest = next;
  }
  for (const p of rest) {
    const rule = rules[rules.length - 1];
    const allowance =
      rule.allowance === null ? "" : ` of ${rule.allowance.duration.text} ${rule.allowance.window.text}`;
    counted.push({ ...p, record: r, reason: `maintenance over the allowance${allowance}` });
  }
}

function noticeGiven(ctx: Context, rule: BundleExclusion, r: OutageRecord): boolean {
  if (rule.notice === null) return true;
  if (r.announced === null) return false;
  return addDuration(r.announced, rule.notice, ctx.zone, ctx.businessCalendar) <= r.start;
}

export function announcedText(r: OutageRecord, rule: BundleExclusion): string {
  if (r.announced === null) return "maintenance (no notice required)";
  const ahead = formatDuration(r.start - r.announced);
  return `maintenance announced ${formatInstant(r.announced)}, ${ahead} before its start${rule.notice ? ` (notice ${rule.notice.text})` : ""}`;
}

export function lateReason(rules: BundleExclusion[], r: OutageRecord): string {
  if (rules.length === 0) return "maintenance, but this objective does not exclude maintenance";
  const notice = rules
    .map((e) => e.notice?.text)
    .filter(Boolean)
    .join(" or ");
  if (r.announced === null) return `maintenance without a recorded announcement (notice ${notice} required)`;
  const ahead = r.start - r.announced;
  const when = ahead >= 0 ? `${formatDuration(ahead)} before its start` : `${formatDuration(-ahead)} after its start`;
  return `maintenance announced late: ${formatInstant(r.announced)}, ${when} (notice ${notice} required)`;
}
