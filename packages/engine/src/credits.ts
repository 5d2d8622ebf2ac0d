import type Decimal from "decimal.js";
import type { BundleCredit, BundleObjective, BundleRemedy, BundleService } from "./bundle.ts";
import { measureString } from "./compare.ts";
import { type Context, memo } from "./context.ts";
import { commonBasis, conditionText, type Due, duesOf, largestDue, money, partText } from "./credit-tiers.ts";
import { Dec, moneyString, roundMoney, str } from "./decimal.ts";
import { feeIn } from "./fees.ts";
import { evaluateObjective } from "./objectives.ts";
import { capWindows } from "./plan.ts";
import type { CreditReport, TierReport } from "./report-types.ts";
import { addDuration } from "./schedule.ts";
import { formatInstant } from "./time.ts";
import type { Period } from "./windows.ts";

export { conditionText, thresholdMeasure } from "./credit-tiers.ts";

/** A credit with its exact (unrounded) amount, which later windows of the same cap window need. */
export interface CreditOutcome {
  /** Exact amount paid, or null when the service names no fee. */
  exact: Decimal | null;
  /** Percent of the basis paid, after breaches and cap; null for a fixed amount. */
  percent: Decimal | null;
  report: CreditReport;
}

export function serviceOfObjective(ctx: Context, o: BundleObjective): BundleService | undefined {
  return o.service === null ? undefined : ctx.services.get(o.service);
}

/**
 * Tiers are not cumulative unless the remedy says so: the single largest credit whose condition
 * holds applies (with `credits are cumulative`, every one, added together); a `for each breach`
 * credit is multiplied by the window's breaches; the remedy's cap then bounds it, counting what
 * earlier windows of the same cap window already paid; a credit (after the cap) of less than the
 * remedy's `minimum credit` is not paid. A credit is a percentage of a fee or a fixed amount.
 */
export function creditFor(ctx: Context, remedy: BundleRemedy, period: Period): CreditOutcome | null {
  return memo(ctx, `credit|${remedy.name}|${period.start}|${period.end}`, () => {
    const objective = remedy.objective === null ? undefined : ctx.objectives.get(remedy.objective);
    if (objective === undefined || remedy.credits.length === 0) return null;
    const outcome = evaluateObjective(ctx, objective, period);
    const service = serviceOfObjective(ctx, objective);

    const dues = duesOf(ctx, remedy, outcome, service);
    const best = largestDue(dues);
    const parts = remedy.cumulative ? dues : best === null ? [] : [best];
    if (parts.length === 0) return null;

    const basis = commonBasis(parts);
    const fee = basis === null ? null : feeIn(ctx, service, basis, period);
    const fixed = parts.find((p) => "amount" in p.credit)?.credit;
    const currency = fixed && "amount" in fixed ? fixed.amount.currency : (fee?.currency ?? ctx.currency);
    let percent = basis === null ? null : sum(parts.map((p) => p.percent));
    let exact = sum(parts.map((p) => p.amount));
    let capped = false;
    let capReport: CreditReport["cap"] = null;
    const steps: string[] = [];
    if (parts.length === 1) steps.push(partText(parts[0], currency ?? null));
    else {
      const of = (p: Due) => ("amount" in p.credit || basis !== null ? "" : ` of ${p.credit.basis}`);
      const added = parts.map((p) => `${conditionText(p.credit.condition)}: ${partText(p, currency ?? null)}${of(p)}`);
      steps.push(`${added.join(" + ")}${percent === null ? "" : ` = ${str(percent)}%`}`);
    }
    // a fee as charged says whose charges it is, which the report's reader checks against the bill
    const charges = service?.feeCharged && fee ? ` (the charges for ${period.label})` : "";
    if (basis !== null) steps.push(`of ${basis}${charges}${fee ? ` ${money(fee.amount, fee.currency)}` : ""}`);
    if (exact !== null && currency && (basis !== null || parts.length > 1)) steps.push(`= ${money(exact, currency)}`);

    if (remedy.cap) {
      const cap = remedy.cap;
      // a cap on a fee as charged is per calendar month (SLA5014), the month of this window
      const capFee = feeIn(ctx, service, cap.basis, period);
      const prior = capWindows(ctx, objective.window, cap.window, period).filter((p) => p.end < period.end);
      if (exact !== null && capFee !== null) {
        const limit = new Dec(cap.percent).times(capFee.amount).div(100);
        let used = new Dec(0);
        for (const p of prior) used = used.plus(creditFor(ctx, remedy, p)?.exact ?? 0);
        const remaining = Dec.max(0, limit.minus(used));
        capReport = {
          percent: cap.percent,
          basis: cap.basis,
          window: cap.window?.text ?? null,
          remaining: cap.window ? moneyString(remaining, capFee.currency) : null,
        };
        if (exact.gt(remaining)) {
          capped = true;
          exact = remaining;
          percent = fee === null ? null : remaining.times(100).div(fee.amount);
          steps.push(`, capped at ${cap.percent}% of ${cap.basis} ${cap.window?.text ?? ""}`.trimEnd());
          if (prior.length > 0) steps.push(`(${money(used, capFee.currency)} already credited in this cap window)`);
          steps.push(`= ${money(exact, currency ?? capFee.currency)}`);
        }
      } else if (percent !== null && cap.basis === basis) {
        let used = new Dec(0);
        for (const p of prior) used = used.plus(creditFor(ctx, remedy, p)?.percent ?? 0);
        const remaining = Dec.max(0, new Dec(cap.percent).minus(used));
        capReport = {
          percent: cap.percent,
          basis: cap.basis,
          window: cap.window?.text ?? null,
          remaining: cap.window ? `${str(remaining)}%` : null,
        };
        if (percent.gt(remaining)) {
          capped = true;
          percent = remaining;
          steps.push(`, capped at ${cap.percent}% of ${cap.basis}`);
        }
      }
    }

    let minimum: string | undefined;
    if (remedy.minimumCredit && exact !== null && currency) {
      minimum = moneyString(new Dec(remedy.minimumCredit.amount), currency);
      if (roundMoney(exact, currency).lt(remedy.minimumCredit.amount)) {
        steps.push(`, less than the minimum credit of ${currency} ${minimum}: nothing is paid`);
        exact = new Dec(0);
        if (percent !== null) percent = new Dec(0);
      }
    }

    const tiers = parts.map((p) => tierReport(p.credit));
    const [tier] = tiers;
    const breaches = parts.length === 1 ? (parts[0].breaches ?? parts[0].band) : null;
    const claim = remedy.claimWithin
      ? formatInstant(addDuration(period.end, remedy.claimWithin, ctx.zone, ctx.businessCalendar))
      : null;
    const value =
      outcome.measure === null
        ? ""
        : ` (${objective.name} ${measureString(outcome.measure)}${outcome.report.unit === "percent" ? "%" : ""})`;
    const report: CreditReport = {
      remedy: remedy.name,
      title: remedy.title,
      objective: objective.name,
      window: period.label,
      percent: percent === null ? null : str(percent),
      basis,
      amount: exact === null || !currency ? null : moneyString(exact, currency),
      currency: currency ?? null,
      tier,
      ...(remedy.cumulative ? { tiers } : {}),
      breaches,
      ...(parts.length === 1 && parts[0].units ? { units: parts[0].units.count } : {}),
      capped,
      cap: capReport,
      ...(minimum === undefined ? {} : { minimumCredit: minimum }),
      arithmetic: `${parts.length > 1 ? "cumulative" : tier.condition}${breaches === null ? value : ""}: ${steps.join(" ").replaceAll(" ,", ",")}`,
      claimDeadline: claim,
      soleRemedy: remedy.soleRemedy,
    };
    return { exact, percent, report };
  });
}

function tierReport(credit: BundleCredit): TierReport {
  const condition = conditionText(credit.condition);
  const line = credit.source.line;
  return "amount" in credit
    ? { condition, percent: null, basis: null, amount: credit.amount.amount, line }
    : { condition, percent: credit.percent, basis: credit.basis, line };
}

/** The sum, or null when any part is unknown. */
function sum(values: readonly (Decimal | null)[]): Decimal | null {
  let total = new Dec(0);
  for (const v of values) {
    if (v === null) return null;
    total = total.plus(v);
  }
  return total;
}
