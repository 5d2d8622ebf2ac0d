import type Decimal from "decimal.js";
import type { BundleCredit, BundleObjective, BundleRemedy, BundleService } from "./bundle.ts";
import { holds, type Measure, measure, measureString } from "./compare.ts";
import { type Context, memo } from "./context.ts";
import { Dec, moneyString, str } from "./decimal.ts";
import { feeFor } from "./fees.ts";
import { evaluateObjective } from "./objectives.ts";
import type { ObjectiveOutcome } from "./outcome.ts";
import { capWindows } from "./plan.ts";
import type { CreditReport, TierReport } from "./report-types.ts";
import { addDuration } from "./schedule.ts";
import { formatInstant } from "./time.ts";
import type { Period } from "./windows.ts";

/** A credit with its exact (unrounded) amount, which later windows of the same cap window need. */
export interface CreditOutcome {
  /** Exact amount paid, or null when the service names no fee. */
  exact: Decimal | null;
  /** Percent of the basis paid, after breaches and cap; null for a fixed amount. */
  percent: Decimal | null;
  report: CreditReport;
}

/** The value a threshold of this kind is compared with: a percentage, a duration (ms) or a plain number. */
export function thresholdMeasure(
  outcome: ObjectiveOutcome,
  kind: "percentage" | "duration" | "number",
): Measure | null {
  const unit = outcome.report.unit;
  if (kind === "percentage") return unit === "percent" ? outcome.measure : null;
  if (kind === "duration") {
    if (unit === "millisecond") return outcome.measure;
    return outcome.downtimeMs === null ? null : measure(outcome.downtimeMs);
  }
  return outcome.measure;
}

export function conditionText(c: BundleCredit["condition"]): string {
  if (c.kind === "each breach") return "for each breach";
  const band = c.bound ? ` but ${c.bound.comparator} ${c.bound.value.text}` : "";
  return `${c.comparator} ${c.value.text}${band}`;
}

function money(amount: Decimal, currency: string): string {
  return `${currency} ${moneyString(amount, currency)}`;
}

export function serviceOfObjective(ctx: Context, o: BundleObjective): BundleService | undefined {
  return o.service === null ? undefined : ctx.services.get(o.service);
}

/** What one tier would pay in a window, before the cap. */
interface Due {
  credit: BundleCredit;
  /** Percent of the credit's basis; null for a fixed amount. */
  percent: Decimal | null;
  /** Exact amount, or null when the credit is a percentage of a fee the service does not name. */
  amount: Decimal | null;
  breaches: number | null;
}

/** The tier's size once: its percent (of its basis) or its fixed amount, and the fee behind a percent. */
function sizeOf(credit: BundleCredit, service: BundleService | undefined) {
  if ("amount" in credit) return { percent: null, amount: new Dec(credit.amount.amount), fee: null };
  const fee = feeFor(service, credit.basis);
  const percent = new Dec(credit.percent);
  return { percent, amount: fee === null ? null : percent.times(fee.amount).div(100), fee };
}

/** The tier's condition against the window's outcome: null when it does not hold, else how many times it pays. */
function timesDue(credit: BundleCredit, outcome: ObjectiveOutcome): { times: number; breaches: number | null } | null {
  if (credit.condition.kind === "each breach") {
    const breaches = outcome.breaches.length;
    return breaches === 0 ? null : { times: breaches, breaches };
  }
  const m = thresholdMeasure(outcome, credit.condition.value.kind);
  if (m === null || !holds(m, credit.condition.comparator, credit.condition.value.value)) return null;
  // A band's bounds are of one kind (the checker's SLA4xxx), so one measure serves both.
  const { bound } = credit.condition;
  if (bound && !holds(m, bound.comparator, bound.value.value)) return null;
  return { times: 1, breaches: null };
}

/** By amount when both are known, else by percent (a fixed amount with no fee to weigh it against wins). */
function larger(a: Due, b: Due | null): boolean {
  if (b === null) return true;
  if (a.amount !== null && b.amount !== null) return a.amount.gt(b.amount);
  if (a.percent !== null && b.percent !== null) return a.percent.gt(b.percent);
  return a.amount !== null;
}

/** How a tier's figure is written in the arithmetic: `10%` or `USD 500.00`. */
function sizeText(credit: BundleCredit): string {
  return "amount" in credit ? money(new Dec(credit.amount.amount), credit.amount.currency) : `${credit.percent}%`;
}

/**
 * Tiers are not cumulative: the single largest credit whose condition holds applies; a `for each
 * breach` credit is multiplied by the window's breaches; the remedy's cap then bounds it, counting
 * what earlier windows of the same cap window already paid. A credit is a percentage of a fee or a
 * fixed amount.
 */
export function creditFor(ctx: Context, remedy: BundleRemedy, period: Period): CreditOutcome | null {
  return memo(ctx, `credit|${remedy.name}|${period.start}|${period.end}`, () => {
    const objective = remedy.objective === null ? undefined : ctx.objectives.get(remedy.objective);
    if (objective === undefined || remedy.credits.length === 0) return null;
    const outcome = evaluateObjective(ctx, objective, period);
    const service = serviceOfObjective(ctx, objective);

    let best: Due | null = null;
    for (const credit of remedy.credits) {
      const due = timesDue(credit, outcome);
      if (due === null) continue;
      const size = sizeOf(credit, service);
      const candidate: Due = {
        credit,
        percent: size.percent?.times(due.times) ?? null,
        amount: size.amount?.times(due.times) ?? null,
        breaches: due.breaches,
      };
      if (larger(candidate, best)) best = candidate;
    }
    if (best === null) return null;

    const { credit, breaches } = best;
    const fee = "amount" in credit ? null : feeFor(service, credit.basis);
    const currency = "amount" in credit ? credit.amount.currency : (fee?.currency ?? ctx.currency);
    let percent = best.percent;
    let exact = best.amount;
    let capped = false;
    let capReport: CreditReport["cap"] = null;
    const steps: string[] = [];
    const size = sizeText(credit);
    const total = percent === null ? (exact === null ? "" : money(exact, currency!)) : `${str(percent)}%`;
    steps.push(breaches === null ? size : `${size} × ${breaches} breach${breaches === 1 ? "" : "es"} = ${total}`);
    if (!("amount" in credit)) {
      steps.push(`of ${credit.basis}${fee ? ` ${money(fee.amount, fee.currency)}` : ""}`);
      if (exact !== null && currency) steps.push(`= ${money(exact, currency)}`);
    }

    if (remedy.cap) {
      const cap = remedy.cap;
      const capFee = feeFor(service, cap.basis);
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
      } else if (percent !== null && !("amount" in credit) && cap.basis === credit.basis) {
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

    const tier: TierReport =
      "amount" in credit
        ? {
            condition: conditionText(credit.condition),
            percent: null,
            basis: null,
            amount: credit.amount.amount,
            line: credit.source.line,
          }
        : {
            condition: conditionText(credit.condition),
            percent: credit.percent,
            basis: credit.basis,
            line: credit.source.line,
          };
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
      basis: "amount" in credit ? null : credit.basis,
      amount: exact === null || !currency ? null : moneyString(exact, currency),
      currency: currency ?? null,
      tier,
      breaches,
      capped,
      cap: capReport,
      arithmetic: `${tier.condition}${breaches === null ? value : ""}: ${steps.join(" ").replace(" ,", ",")}`,
      claimDeadline: claim,
      soleRemedy: remedy.soleRemedy,
    };
    return { exact, percent, report };
  });
}
