import type Decimal from "decimal.js";
import type { Context } from "./context.ts";
import { creditFor } from "./credits.ts";
import { Dec, moneyString } from "./decimal.ts";
import { bonusFor } from "./incentives.ts";
import { evaluateObjective } from "./objectives.ts";
import type { ObjectiveOutcome } from "./outcome.ts";
import { reportWindows } from "./plan.ts";
import type {
  ActionReport,
  BonusCheckReport,
  BonusReport,
  CreditReport,
  EvaluationReport,
  MoneyReport,
  ObjectiveReport,
  TerminationReport,
} from "./report-types.ts";
import { addDuration } from "./schedule.ts";
import { terminationFor } from "./termination.ts";
import { formatInstant } from "./time.ts";
import { type Period, windowReport } from "./windows.ts";

/** Several windows ending in one month (weekly objectives): one entry, met when every window is. */
function combine(outcomes: ObjectiveOutcome[]): ObjectiveReport {
  if (outcomes.length === 1) return outcomes[0].report;
  const first = outcomes[0].report;
  const last = outcomes[outcomes.length - 1].report;
  return {
    ...first,
    window: {
      ...first.window,
      label: `${first.window.label}..${last.window.label}`,
      end: last.window.end,
      endLocal: last.window.endLocal,
    },
    met: outcomes.every((o) => o.met),
    value: null,
    breaches: outcomes.reduce((n, o) => n + o.breaches.length, 0),
    breachDetails: outcomes.flatMap((o) => o.report.breachDetails),
    counted: [],
    excluded: [],
    notes: [`${outcomes.length} windows end in this month; each is listed under "windows".`],
    windows: outcomes.map((o) => o.report),
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

  if (ctx.effective !== null && month.end <= ctx.effective)
    notes.push("This month lies before the agreement's effective date.");

  for (const o of ctx.bundle.objectives) {
    const { due, partial } = reportWindows(ctx, o, month);
    if (partial) {
      objectives.push(evaluateObjective(ctx, o, partial, true).report);
      continue;
    }
    const outcomes = due.map((p) => evaluateObjective(ctx, o, p));
    objectives.push(combine(outcomes));
    for (const w of due) {
      for (const r of ctx.bundle.remedies.filter((x) => x.objective === o.name)) {
        const credit = creditFor(ctx, r, w);
        if (credit) credits.push(credit.report);
        const t = terminationFor(ctx, r, w);
        if (t) terminationRights.push(t);
      }
      for (const inc of ctx.bundle.incentives.filter((x) => x.objective === o.name)) {
        const b = bonusFor(ctx, inc, w);
        if (b.report) bonuses.push(b.report);
        bonusChecks.push(...b.checks);
      }
    }
    for (const outcome of outcomes) {
      for (const r of ctx.bundle.remedies.filter((x) => x.objective === o.name)) {
        for (const act of r.actions) {
          for (const b of outcome.breaches) {
            const dueAt = act.within
              ? formatInstant(addDuration(b.at, act.within, ctx.zone, ctx.businessCalendar))
              : null;
            actions.push({
              remedy: r.name,
              objective: o.name,
              description: act.description,
              due: dueAt,
              breach: b.detail,
            });
          }
        }
      }
    }
  }

  const deadlines = credits
    .filter((c) => c.claimDeadline !== null && (c.amount === null || !new Dec(c.amount).isZero()))
    .map((c) => c.claimDeadline!)
    .sort();
  const stats = ctx.data.stats;
  return {
    format: "sla-report/1",
    period: month.label,
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
