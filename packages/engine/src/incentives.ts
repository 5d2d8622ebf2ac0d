import type Decimal from "decimal.js";
import type { BundleIncentive } from "./bundle.ts";
import { holds, measureString } from "./compare.ts";
import { type Context, memo } from "./context.ts";
import { thresholdMeasure, serviceOfObjective } from "./credits.ts";
import { Dec, moneyString, str } from "./decimal.ts";
import { feeFor } from "./fees.ts";
import { evaluateObjective } from "./objectives.ts";
import { capWindows, consecutiveWindows } from "./plan.ts";
import type { BonusCheckReport, BonusReport } from "./report-types.ts";
import { inProgress, outsideTerm } from "./term.ts";
import type { Period } from "./windows.ts";

export interface BonusOutcome {
  exact: Decimal | null;
  report: BonusReport | null;
  checks: BonusCheckReport[];
}

/**
 * Whether a window can count towards a streak: it must lie inside the agreement and inside the
 * observed data. A window before the data begins would look perfect (no outages recorded), so it
 * breaks a streak rather than completing one.
 */
export function usableForStreak(ctx: Context, p: Period): string | null {
  const outside = outsideTerm(ctx, p);
  if (outside !== null) return outside;
  if (inProgress(ctx, p)) return "in progress";
  if (ctx.dataFrom === null || p.start < ctx.dataFrom) return "no observed data for this window";
  return null;
}

/** Like credits: the single largest bonus whose condition held for its consecutive windows, then the cap. */
export function bonusFor(ctx: Context, incentive: BundleIncentive, period: Period): BonusOutcome {
  return memo(ctx, `bonus|${incentive.name}|${period.start}|${period.end}`, () => {
    const objective = incentive.objective === null ? undefined : ctx.objectives.get(incentive.objective);
    if (objective === undefined) return { exact: null, report: null, checks: [] };
    const service = serviceOfObjective(ctx, objective);
    const checks: BonusCheckReport[] = [];
    let best: {
      bonus: BundleIncentive["bonuses"][number];
      amount: Decimal | null;
      windows: BonusReport["windows"];
    } | null = null;
    for (const bonus of incentive.bonuses) {
      const condition = `${bonus.comparator} ${bonus.value.text}${bonus.consecutiveWindows > 1 ? ` for ${bonus.consecutiveWindows} consecutive windows` : ""}`;
      const windows = consecutiveWindows(ctx, objective.window, period, bonus.consecutiveWindows).map((p) => {
        const unusable = p.end === period.end ? null : usableForStreak(ctx, p);
        if (unusable !== null) return { label: p.label, value: null, holds: null, note: unusable };
        const outcome = evaluateObjective(ctx, objective, p);
        const m = thresholdMeasure(outcome, bonus.value.kind);
        return {
          label: p.label,
          value: m === null ? null : measureString(m),
          holds: m === null ? null : holds(m, bonus.comparator, bonus.value.value),
          note: m === null ? "no value in this window" : null,
        };
      });
      const earned = windows.every((w) => w.holds === true);
      checks.push({
        incentive: incentive.name,
        objective: objective.name,
        window: period.label,
        condition,
        earned,
        windows,
      });
      if (!earned) continue;
      const fee = feeFor(service, bonus.basis);
      const amount = fee === null ? null : new Dec(bonus.percent).times(fee.amount).div(100);
      const larger =
        best === null ||
        (amount !== null && best.amount !== null
          ? amount.gt(best.amount)
          : new Dec(bonus.percent).gt(best.bonus.percent));
      if (larger) best = { bonus, amount, windows: windows.map((w) => ({ label: w.label, value: w.value })) };
    }
    if (best === null) return { exact: null, report: null, checks };

    const { bonus } = best;
    const fee = feeFor(service, bonus.basis);
    let exact = best.amount;
    let percent = new Dec(bonus.percent);
    let capped = false;
    let arithmetic = `${bonus.percent}% of ${bonus.basis}${fee ? ` ${fee.currency} ${moneyString(fee.amount, fee.currency)}` : ""}`;
    if (exact !== null && fee !== null) arithmetic += ` = ${fee.currency} ${moneyString(exact, fee.currency)}`;
    const cap = incentive.cap;
    const capFee = cap ? feeFor(service, cap.basis) : null;
    if (cap && capFee && exact !== null && fee !== null) {
      let used = new Dec(0);
      for (const p of capWindows(ctx, objective.window, cap.window, period).filter((x) => x.end < period.end)) {
        used = used.plus(bonusFor(ctx, incentive, p).exact ?? 0);
      }
      const remaining = Dec.max(0, new Dec(cap.percent).times(capFee.amount).div(100).minus(used));
      if (exact.gt(remaining)) {
        capped = true;
        exact = remaining;
        percent = remaining.times(100).div(fee.amount);
        arithmetic += `, capped at ${cap.percent}% of ${cap.basis} = ${fee.currency} ${moneyString(exact, fee.currency)}`;
      }
    }
    const report: BonusReport = {
      incentive: incentive.name,
      title: incentive.title,
      objective: objective.name,
      window: period.label,
      percent: str(percent),
      basis: bonus.basis,
      amount: exact === null || fee === null ? null : moneyString(exact, fee.currency),
      currency: fee?.currency ?? ctx.currency,
      condition: `${bonus.comparator} ${bonus.value.text} for ${bonus.consecutiveWindows} consecutive window${bonus.consecutiveWindows === 1 ? "" : "s"}`,
      windows: best.windows,
      capped,
      arithmetic,
    };
    return { exact, report, checks };
  });
}
