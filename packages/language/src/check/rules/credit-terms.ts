/**
 * The terms around a remedy's credit tiers (issue 14's credit forms): a `minimum credit` that no
 * credit can reach (SLA5011, warning); a service's `cap all credits` without a fee (SLA5007). What a tier comes to is worked out on the service's fee, as
 * the engine does: the fee of the tier's period, or the fee converted by the months in each period.
 */
import { type Decimal, plain, toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { FeePeriod, MoneyLiteral } from "../../syntax/ast.ts";
import { TierDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { broken, serviceOf, textOf } from "./support.ts";

const MONTHS: Record<FeePeriod, number> = { month: 1, quarter: 3, year: 12 };

const BASIS_WORDS: Record<FeePeriod, string> = { month: "monthly", quarter: "quarterly", year: "annual" };

/** SLA5007: `cap all credits at 50% of monthly fee` on a service that states no fee. */
export const serviceCapFeeRule: Rule = (context) => {
  for (const { uri, declaration: service } of context.declarations("service")) {
    const cap = service.properties.find((p) => p.kind === "cap all credits" && !broken(context, p));
    if (cap?.kind !== "cap all credits" || !cap.basis || !service.name) continue;
    if (service.properties.some((p) => p.kind === "fee")) continue;
    context.report(
      createDiagnostic(
        TierDiagnostics.percentageOfMissingFee,
        { what: "cap on all credits", basis: BASIS_WORDS[cap.basis.period], service: service.name.text },
        uri,
        cap.basis.range,
      ),
    );
  }
};

/** SLA5011: a minimum credit above the most the remedy's credits (and its cap) can come to. */
export const minimumCreditRule: Rule = (context) => {
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    const minimum = remedy.properties.find((p) => p.kind === "minimum credit" && !broken(context, p));
    if (minimum?.kind !== "minimum credit" || !minimum.amount) continue;
    const most = mostPaid(context, remedy, minimum.amount.currency);
    if (most === undefined || !most.lessThan(minimum.amount.amount)) continue;
    context.report(
      createDiagnostic(
        TierDiagnostics.minimumAboveCredits,
        {
          minimum: textOf(context, uri, minimum.amount.range),
          remedy: remedy.name?.text ?? "",
          most: money(minimum.amount.currency, most),
        },
        uri,
        minimum.amount.range,
      ),
    );
  }
};

function money(currency: string, amount: Decimal): string {
  return `${currency} ${plain(amount)}`;
}

/**
 * The most the remedy pays in one window, in `currency`: its largest tier, or all its tiers added
 * when they are cumulative, and no more than its cap. Undefined when that cannot be known: a
 * `for each breach` tier, an amount in another currency, a fee the service does not state.
 */
function mostPaid(context: RuleContext, remedy: DeclarationOf<"remedy">, currency: string): Decimal | undefined {
  if (remedy.properties.some((p) => broken(context, p))) return undefined;
  const fee = feeOf(context, remedy);
  const amountOf = (percentage: string, basis: FeePeriod): Decimal | undefined =>
    fee && fee.money.currency === currency
      ? toDecimal(fee.money.amount).times(MONTHS[basis]).div(MONTHS[fee.period]).times(percentage).div(100)
      : undefined;
  const amounts: Decimal[] = [];
  for (const p of remedy.properties) {
    if (p.kind !== "credit") continue;
    if (!p.condition || p.condition.kind === "each breach") return undefined;
    const amount = p.amount
      ? p.amount.currency === currency
        ? toDecimal(p.amount.amount)
        : undefined
      : p.percentage && p.basis
        ? amountOf(p.percentage.value, p.basis.period)
        : undefined;
    if (amount === undefined) return undefined;
    amounts.push(amount);
  }
  if (amounts.length === 0) return undefined;
  const cumulative = remedy.properties.some((p) => p.kind === "credits cumulative" && p.mode === "cumulative");
  let most = cumulative ? amounts.reduce((a, b) => a.plus(b)) : amounts.reduce((a, b) => (b.greaterThan(a) ? b : a));
  const cap = remedy.properties.find((p) => p.kind === "cap");
  if (cap?.kind === "cap" && cap.percentage && cap.basis) {
    const limit = amountOf(cap.percentage.value, cap.basis.period);
    if (limit?.lessThan(most)) most = limit;
  }
  return most;
}

/** The fee of the service the remedy's objective measures, if it states one. */
function feeOf(
  context: RuleContext,
  remedy: DeclarationOf<"remedy">,
): { money: MoneyLiteral; period: FeePeriod } | undefined {
  const forProperty = remedy.properties.find((p) => p.kind === "for");
  const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
  const service = objective ? serviceOf(context, objective.declaration) : undefined;
  const fee = service?.declaration.properties.find((p) => p.kind === "fee");
  return fee?.kind === "fee" && fee.amount && fee.period ? { money: fee.amount, period: fee.period } : undefined;
}
