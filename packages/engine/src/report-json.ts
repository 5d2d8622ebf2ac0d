import type Decimal from "decimal.js";
import type { Context } from "./context.ts";
import { atRiskServices, feesAtRiskFor } from "./at-risk.ts";
import { changeOfControlFor } from "./change-of-control.ts";
import { Dec, moneyString } from "./decimal.ts";
import { cappedCredit } from "./service-cap.ts";
import { bonusFor } from "./incentives.ts";
import { measurementPlansFor, plannedMetrics } from "./measurement-plan.ts";
import { windowEntry } from "./objectives.ts";
import { outcomeIncentives, outcomePayFor } from "./outcomes.ts";
import { reportWindows } from "./plan.ts";
import type {
  ActionReport,
  BonusCheckReport,
  BonusReport,
  ChangeOfControlReport,
  CreditReport,
  EvaluationReport,
  MoneyReport,
  ObjectiveReport,
  TerminationReport,
} from "./report-types.ts";
import { addDuration } from "./schedule.ts";
import { terminationFor } from "./termination.ts";
import { formatInstant } from "./time.ts";
import { outsideTerm } from "./term.ts";
import { unknownNames } from "./unknown-names.ts";
import { unitContext, unitsOf } from "./units.ts";
import type { BundleObjective } from "./bundle.ts";
import { UNKNOWN_NAMES_KEPT } from "./collect.ts";
import { type Period, periodContaining, windowReport } from "./windows.ts";

/**
 * Several windows ending in one month (weekly objectives): one entry, breached when any window is,
 * met when every window is, and without a verdict otherwise.
 */
function combine(reports: ObjectiveReport[]): ObjectiveReport {
  if (reports.length === 1) return reports[0];
  const first = reports[0];
  const last = reports[reports.length - 1];
  const met = reports.some((r) => r.met === false) ? false : reports.some((r) => r.met === null) ? null : true;
  const status = reports.some((r) => r.status === "complete")
    ? "complete"
    : reports.some((r) => r.status === "in progress")
      ? "in progress"
      : "outside term";
  return {
    ...first,
    window: {
      ...first.window,
      label: `${first.window.label}..${last.window.label}`,
      end: last.window.end,
      endLocal: last.window.endLocal,
    },
    status,
    met,
    value: null,
    breaches: reports.reduce((n, r) => n + r.breaches, 0),
    breachDetails: reports.flatMap((r) => r.breachDetails),
    counted: [],
    excluded: [],
    notes: [`${reports.length} windows end in this month; each is listed under "windows".`],
    windows: reports,
  };
}

/** Where one objective's remedies, incentives and actions go. */
interface Sink {
  credits: CreditReport[];
  bonuses: BonusReport[];
  bonusChecks: BonusCheckReport[];
  terminationRights: TerminationReport[];
  actions: ActionReport[];
}

/**
 * One objective's entry for the month, its remedies, incentives and actions added to `sink`; with
 * `unit`, each of them names it. Without a sink, the entry alone: no remedy is worked out, so
 * nothing it needs (a unit's charges) is asked of the data.
 */
function objectiveEntry(
  ctx: Context,
  o: BundleObjective,
  month: Period,
  sink: Sink | null,
  unit?: string,
): ObjectiveReport {
  const tag = <T extends object>(x: T): T => (unit === undefined ? x : { ...x, unitName: unit });
  const { due, partial } = reportWindows(ctx, o, month);
  if (partial) {
    const whole = periodContaining(o.window, month.end - 1, ctx.zone);
    return windowEntry(ctx, o, whole, month).report;
  }
  const entries = due.map((p) => windowEntry(ctx, o, p));
  if (sink === null) return combine(entries.map((e) => e.report));
  // Only windows that ended inside the term have a verdict, so only they pay or count.
  const outcomes = entries.flatMap((e) => (e.outcome === null ? [] : [e.outcome]));
  for (const w of outcomes.map((x) => x.period)) {
    for (const r of ctx.bundle.remedies.filter((x) => x.objective === o.name)) {
      const credit = cappedCredit(ctx, r, w);
      if (credit) sink.credits.push(tag(credit.report));
      const t = terminationFor(ctx, r, w);
      if (t) sink.terminationRights.push(tag(t));
    }
    for (const inc of ctx.bundle.incentives.filter((x) => x.objective === o.name)) {
      const b = bonusFor(ctx, inc, w);
      if (b.report) sink.bonuses.push(b.report);
      sink.bonusChecks.push(...b.checks);
    }
  }
  for (const outcome of outcomes) {
    for (const r of ctx.bundle.remedies.filter((x) => x.objective === o.name)) {
      for (const act of r.actions) {
        for (const b of outcome.breaches) {
          const dueAt = act.within
            ? formatInstant(addDuration(b.at, act.within, ctx.zone, ctx.businessCalendar))
            : null;
          sink.actions.push(
            tag({ remedy: r.name, objective: o.name, description: act.description, due: dueAt, breach: b.detail }),
          );
        }
      }
    }
  }
  return combine(entries.map((e) => e.report));
}

/**
 * A per-unit objective's entry: each unit's own under `perUnit` (in code-point order of the units),
 * met when every unit's is, breached when any is, with their breaches added up; no value of its own.
 */
function unitsEntry(ctx: Context, o: BundleObjective, month: Period, sink: Sink): ObjectiveReport {
  const units = unitsOf(ctx, o).map((u) => ({
    ...objectiveEntry(unitContext(ctx, u), o, month, sink, u),
    unitName: u,
  }));
  // what every unit shares (windows, scheduled time, budget), from a unit without records
  const shape = objectiveEntry(unitContext(ctx, ""), o, month, null);
  const met = units.some((r) => r.met === false)
    ? false
    : units.length === 0 || units.some((r) => r.met === null)
      ? null
      : true;
  const { downtime: _d, remainingBudget: _r, tickets: _t, measurements: _m, windows: _w, ...shared } = shape;
  return {
    ...shared,
    met,
    value: null,
    breaches: units.reduce((n, r) => n + r.breaches, 0),
    breachDetails: units.flatMap((r) =>
      r.breachDetails.map((b) => ({ ...b, detail: `${o.forEach} ${r.unitName}: ${b.detail}` })),
    ),
    counted: [],
    excluded: [],
    notes:
      units.length === 0
        ? [`Held for each ${o.forEach}: no record names one, so there is none to evaluate.`]
        : [`Held for each ${o.forEach}: ${units.length} in the data, each listed under "perUnit".`],
    forEach: o.forEach,
    perUnit: units,
  };
}

function total(
  items: { amount: string | null; currency: string | null }[],
  ctx: Context,
  notes: string[],
  what: string,
): MoneyReport {
  const currency = ctx.currency ?? items.find((c) => c.currency)?.currency ?? null;
  let sum: Decimal = new Dec(0);
  for (const c of items) {
    if (c.amount === null) continue;
    if (c.currency !== currency) {
      notes.push(`A ${what} in ${c.currency} is not included in the total in ${currency}.`);
      continue;
    }
    sum = sum.plus(c.amount);
  }
  return { amount: currency ? moneyString(sum, currency) : sum.toFixed(), currency };
}

/** The change-of-control entries, or a note that the records have no provision to be judged by. */
function changeOfControlEntries(
  ctx: Context,
  month: Period,
  notes: string[],
): { changeOfControl?: ChangeOfControlReport[] } {
  const entries = changeOfControlFor(ctx, month);
  if (entries !== undefined) return { changeOfControl: entries };
  const records = ctx.data.changesOfControl?.length ?? 0;
  if (records > 0)
    notes.push(
      `${records} change of control record(s) in the data; the contract has no change-of-control provision to judge them by.`,
    );
  return {};
}

/** Everything one monthly report says, from the memoised evaluations. */
export function buildReport(ctx: Context, month: Period): EvaluationReport {
  const notes: string[] = [];
  const objectives: ObjectiveReport[] = [];
  const credits: CreditReport[] = [];
  const bonuses: BonusReport[] = [];
  const bonusChecks: BonusCheckReport[] = [];
  const terminationRights: TerminationReport[] = [];
  const actions: ActionReport[] = [];
  const a = ctx.bundle.agreement;

  if (ctx.data.unknownOmitted > 0)
    notes.push(
      `${ctx.data.unknownOmitted} more records name services or metrics the contract does not declare, beyond the ${UNKNOWN_NAMES_KEPT} names listed.`,
    );
  const monthOutside = outsideTerm(ctx, month);
  if (monthOutside !== null) notes.push(`This month lies outside the agreement's term: ${monthOutside}.`);

  const sink: Sink = { credits, bonuses, bonusChecks, terminationRights, actions };
  for (const o of ctx.bundle.objectives)
    objectives.push(o.forEach ? unitsEntry(ctx, o, month, sink) : objectiveEntry(ctx, o, month, sink));

  const deadlines = credits
    .filter((c) => c.claimDeadline !== null && (c.amount === null || !new Dec(c.amount).isZero()))
    .map((c) => c.claimDeadline!)
    .sort();
  const stats = ctx.data.stats;
  return {
    format: "sla-report/1",
    period: month.label,
    unknownNames: unknownNames(ctx.bundle, ctx.data.unknown),
    agreement: a ? { name: a.name, title: a.title, timezone: ctx.zone, currency: ctx.currency } : null,
    window: windowReport(month, ctx.zone),
    objectives,
    credits,
    totalCredit: total(credits, ctx, notes, "credit"),
    bonuses,
    bonusChecks,
    totalBonus: total(bonuses, ctx, notes, "bonus"),
    terminationRights,
    actions,
    claimDeadline: deadlines[0] ?? null,
    ...(atRiskServices(ctx).length ? { feesAtRisk: feesAtRiskFor(ctx, month) } : {}),
    ...changeOfControlEntries(ctx, month, notes),
    ...(plannedMetrics(ctx).length ? { measurementPlans: measurementPlansFor(ctx, month) } : {}),
    ...(outcomeIncentives(ctx).length ? { outcomePay: outcomePayFor(ctx, month) } : {}),
    data: {
      lines: stats.lines,
      records: stats.records,
      used: stats.used,
      ignored: stats.ignored,
      skipped: stats.skipped,
      skippedReasons: [...stats.skippedReasons],
      from: ctx.dataFrom === null ? null : formatInstant(ctx.dataFrom),
    },
    notes,
  };
}
