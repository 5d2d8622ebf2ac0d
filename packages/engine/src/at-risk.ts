/**
 * Fees at risk, per service and report month: each critical service level whose window ending in
 * the month fails its minimum (its target without one) costs its allocation of the At-Risk Amount;
 * the month's total is capped at the At-Risk Amount, each failure keeping its share of what is
 * paid; a failure's paid credit is earned back when the service level then meets its expected
 * level (the target) in each of the N windows that follow. Every amount is an exact decimal,
 * rounded to the currency only in the report.
 */
import type Decimal from "decimal.js";
import type { BundleObjective, BundleService } from "./bundle.ts";
import { holds, measureString } from "./compare.ts";
import { type Context, memo } from "./context.ts";
import { thresholdMeasure } from "./credits.ts";
import { Dec, moneyString, str } from "./decimal.ts";
import { feeFor } from "./fees.ts";
import { usableForStreak } from "./incentives.ts";
import { windowEntry } from "./objectives.ts";
import type { ObjectiveOutcome } from "./outcome.ts";
import { consecutiveWindows, reportWindows } from "./plan.ts";
import type { AtRiskFailureReport, AtRiskReport, EarnBackReport, LevelReport } from "./report-types.ts";
import { type Period, periodContaining } from "./windows.ts";

type AtRiskService = BundleService & { feesAtRisk: NonNullable<BundleService["feesAtRisk"]> };

interface Failure {
  objective: BundleObjective;
  period: Period;
  exact: Decimal;
  paid: Decimal;
  report: AtRiskFailureReport;
}

interface MonthOutcome {
  failures: Failure[];
  report: AtRiskReport;
}

export function atRiskServices(ctx: Pick<Context, "bundle">): AtRiskService[] {
  return ctx.bundle.services.filter((s): s is AtRiskService => s.feesAtRisk !== undefined);
}

function levelObjectives(
  ctx: Pick<Context, "bundle">,
  s: BundleService,
  which: "critical" | "keyMeasurement",
): BundleObjective[] {
  return ctx.bundle.objectives.filter((o) => o.service === s.name && o[which] !== undefined);
}

/** The At-Risk Amount of a month, exactly; null when the service states no fee. */
function atRiskAmount(s: AtRiskService): { amount: Decimal; currency: string } | null {
  const fee = feeFor(s, s.feesAtRisk.basis);
  return fee === null
    ? null
    : { amount: new Dec(s.feesAtRisk.percent).times(fee.amount).div(100), currency: fee.currency };
}

/** The complete windows of an objective ending in the month, with their outcomes. */
function judged(ctx: Context, o: BundleObjective, month: Period): ObjectiveOutcome[] {
  return reportWindows(ctx, o, month).due.flatMap((p) => {
    const outcome = windowEntry(ctx, o, p).outcome;
    return outcome === null ? [] : [outcome];
  });
}

/** Whether the window fails the minimum (the target without one), and the value compared. */
function atMinimum(
  o: BundleObjective,
  outcome: ObjectiveOutcome,
): { failed: boolean; level: string; value: string | null } {
  const minimum = o.minimum;
  if (minimum === undefined) {
    const value = outcome.measure === null ? null : measureString(outcome.measure);
    const level = o.target ? `${o.target.comparator} ${o.target.value.text}` : "its service level";
    return { failed: !outcome.met, level, value };
  }
  const m = thresholdMeasure(outcome, minimum.value.kind);
  const level = `${minimum.comparator} ${minimum.value.text}`;
  if (m === null) return { failed: false, level, value: null };
  return { failed: !holds(m, minimum.comparator, minimum.value.value), level, value: measureString(m) };
}

/** What the objective promises: its target, its share of tickets, or its outage limits. */
function expectedText(o: BundleObjective): string | null {
  if (o.target) return `${o.target.comparator} ${o.target.value.text}`;
  if (o.support?.share) return `${o.support.share.comparator} ${o.support.share.percent}% of tickets`;
  const limits = [
    o.maxOutagePerIncident ? `at most ${o.maxOutagePerIncident.duration.text} per incident` : null,
    o.maxTotalOutage ? `at most ${o.maxTotalOutage.duration.text} in total` : null,
  ].filter((x) => x !== null);
  return limits.length ? limits.join("; ") : null;
}

function levelReport(o: BundleObjective, outcome: ObjectiveOutcome): LevelReport {
  const minimum = atMinimum(o, outcome);
  return {
    objective: o.name,
    window: outcome.period.label,
    value: outcome.measure === null ? null : measureString(outcome.measure),
    expected: expectedText(o),
    metExpected: outcome.met,
    minimum: o.minimum ? minimum.level : null,
    metMinimum: !minimum.failed,
  };
}

interface MonthFailures {
  failures: Failure[];
  levels: LevelReport[];
  uncapped: Decimal;
  capped: boolean;
  total: Decimal;
}

/** The failed critical service levels of a month and what each is paid, memoised (earn-back looks back). */
function failuresOf(ctx: Context, s: AtRiskService, month: Period): MonthFailures {
  return memo(ctx, `at-risk|${s.name}|${month.start}`, () => {
    const pool = atRiskAmount(s);
    const currency = pool?.currency ?? ctx.currency;
    const failures: Failure[] = [];
    const levels: LevelReport[] = [];
    for (const o of levelObjectives(ctx, s, "critical")) {
      const allocation = o.critical?.allocation ?? null;
      for (const outcome of judged(ctx, o, month)) {
        const level = levelReport(o, outcome);
        levels.push(level);
        if (level.metMinimum || allocation === null) continue;
        const exact = pool === null ? new Dec(0) : pool.amount.times(allocation).div(100);
        failures.push({
          objective: o,
          period: outcome.period,
          exact,
          paid: exact,
          report: {
            objective: o.name,
            window: outcome.period.label,
            level: atMinimum(o, outcome).level,
            value: level.value,
            allocation,
            amount: currency ? moneyString(exact, currency) : str(exact),
            paid: "",
          },
        });
      }
    }
    const uncapped = failures.reduce((sum, f) => sum.plus(f.exact), new Dec(0));
    const total = pool !== null && uncapped.gt(pool.amount) ? pool.amount : uncapped;
    const capped = !total.eq(uncapped);
    for (const f of failures) {
      // each failure keeps its share of the capped total
      f.paid = capped ? f.exact.times(total).div(uncapped) : f.exact;
      f.report.paid = currency ? moneyString(f.paid, currency) : str(f.paid);
    }
    return { failures, levels, uncapped, capped, total };
  });
}

/** The fees-at-risk report of one service in one report month. */
function monthOutcome(ctx: Context, s: AtRiskService, month: Period): MonthOutcome {
  return memo(ctx, `at-risk-report|${s.name}|${month.start}`, () => {
    const pool = atRiskAmount(s);
    const currency = pool?.currency ?? ctx.currency;
    const { failures, levels, uncapped, capped, total } = failuresOf(ctx, s, month);
    const earnBacks = earnBacksFor(ctx, s, month);
    const earned = earnBacks.reduce((sum, e) => sum.plus(e.exact), new Dec(0));
    const money = (d: Decimal) => (currency ? moneyString(d, currency) : str(d));
    const withCurrency = (d: Decimal) => (currency ? `${currency} ${money(d)}` : money(d));
    const keyMeasurements = levelObjectives(ctx, s, "keyMeasurement").flatMap((o) =>
      judged(ctx, o, month).map((outcome) => levelReport(o, outcome)),
    );
    const arithmetic = failures.length
      ? `${failures.map((f) => `${f.report.allocation}% of ${withCurrency(pool?.amount ?? new Dec(0))} = ${withCurrency(f.exact)}`).join(" + ")}${failures.length > 1 ? ` = ${withCurrency(uncapped)}` : ""}${capped ? `, capped at the At-Risk Amount ${withCurrency(total)}` : ""}`
      : "no critical service level failed its minimum";
    const report: AtRiskReport = {
      service: s.name,
      atRisk: {
        percent: s.feesAtRisk.percent,
        basis: s.feesAtRisk.basis,
        amount: pool === null ? null : money(pool.amount),
        currency: currency ?? null,
      },
      poolMaximum: s.feesAtRisk.poolMaximum,
      criticalLevels: levels,
      failures: failures.map((f) => f.report),
      uncapped: money(uncapped),
      capped,
      credit: money(total),
      arithmetic,
      belowExpected: [...levels, ...keyMeasurements].filter((l) => l.metExpected === false && l.metMinimum),
      earnBacks: earnBacks.map((e) => e.report),
      earnedBack: money(earned),
      net: money(total.minus(earned)),
      keyMeasurements,
    };
    return { failures, report };
  });
}

/** The month (of the agreement's zone) a window ends in: where its credit was paid. */
function monthOf(ctx: Pick<Context, "zone">, p: Pick<Period, "end">): Period {
  return periodContaining({ period: "calendar month" }, p.end - 1, ctx.zone);
}

function earnBacksFor(ctx: Context, s: AtRiskService, month: Period): { exact: Decimal; report: EarnBackReport }[] {
  const n = s.feesAtRisk.earnBackWindows;
  if (n === null) return [];
  const out: { exact: Decimal; report: EarnBackReport }[] = [];
  for (const o of levelObjectives(ctx, s, "critical")) {
    for (const outcome of judged(ctx, o, month)) {
      const [failedWindow, ...following] = consecutiveWindows(ctx, o.window, outcome.period, n + 1);
      const failure = failuresOf(ctx, s, monthOf(ctx, failedWindow)).failures.find(
        (f) => f.objective.name === o.name && f.period.start === failedWindow.start,
      );
      if (failure === undefined) continue;
      const windows = following.map((p) => {
        const unusable = p.end === outcome.period.end ? null : usableForStreak(ctx, p);
        const met = unusable === null ? (windowEntry(ctx, o, p).outcome?.met ?? null) : null;
        return { label: p.label, metExpected: met, note: unusable };
      });
      if (!windows.every((w) => w.metExpected === true)) continue;
      const currency = ctx.currency ?? atRiskAmount(s)?.currency;
      out.push({
        exact: failure.paid,
        report: {
          objective: o.name,
          failedWindow: failedWindow.label,
          amount: currency ? moneyString(failure.paid, currency) : str(failure.paid),
          windows,
        },
      });
    }
  }
  return out;
}

/** The report's `feesAtRisk` entries for a month: one per service with an At-Risk Amount. */
export function feesAtRiskFor(ctx: Context, month: Period): AtRiskReport[] {
  return atRiskServices(ctx).map((s) => monthOutcome(ctx, s, month).report);
}

/**
 * The windows an at-risk month looks at beyond its own, for the evaluation plan: for earn-back,
 * the N windows before each critical window due in the month, and every critical window due in
 * the months those reach (a failure's paid share depends on its month's other failures).
 */
export function atRiskLookback(
  ctx: Pick<Context, "bundle" | "zone">,
  month: Period,
): { objective: BundleObjective; period: Period }[] {
  const out: { objective: BundleObjective; period: Period }[] = [];
  for (const s of atRiskServices(ctx)) {
    const critical = levelObjectives(ctx, s, "critical");
    const n = s.feesAtRisk.earnBackWindows;
    if (n === null) continue;
    let earliest = month.start;
    for (const o of critical)
      for (const p of reportWindows(ctx, o, month).due)
        earliest = Math.min(earliest, consecutiveWindows(ctx, o.window, p, n + 1)[0].start);
    for (let m = monthOf(ctx, { end: earliest + 1 }); m.start < month.start; m = monthOf(ctx, { end: m.end + 1 }))
      for (const o of critical) for (const p of reportWindows(ctx, o, m).due) out.push({ objective: o, period: p });
  }
  return out;
}
