/**
 * The terms around a remedy's credit tiers (issue 14's credit forms): a `minimum credit` that no
 * credit can reach (SLA5011, warning); a service's `cap all credits` without a fee (SLA5007); a
 * credit per unit of downtime that cannot be counted (SLA5012); a breach band that can never be
 * paid (SLA5013). What a tier comes to is worked out on the service's fee, as
 * the engine does: the fee of the tier's period, or the fee converted by the months in each period.
 */
import { type Decimal, plain, toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { FeePeriod, MoneyLiteral } from "../../syntax/ast.ts";
import { TierDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { someCheckedProperty } from "./literals.ts";
import { broken, metricOf, metricTypeOf, serviceOf, textOf } from "./support.ts";

const MONTHS: Record<FeePeriod, number> = { month: 1, quarter: 3, year: 12 };

const BASIS_WORDS: Record<FeePeriod, string> = { month: "monthly", quarter: "quarterly", year: "annual" };

/** SLA5007: `cap all credits at 50% of monthly fee` on a service that states no fee. */
export const serviceCapFeeRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "cap all credits")) return;
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

/** Units of no fixed length: a month or a business day cannot divide an amount of downtime. */
const VARIABLE_UNITS: ReadonlySet<string> = new Set(["business day", "business hour", "month", "year"]);

/**
 * SLA5012: `for each … of downtime` needs an objective that counts downtime (availability or
 * outage limits), a unit of fixed length, and, `beyond the allowance`, an allowance: an availability
 * target of `at least`/`above` (its budget) or a `max total outage`.
 */
export const downtimeUnitRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "credit", (p) => p.condition?.kind === "each unit")) return;
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    const forProperty = remedy.properties.find((p) => p.kind === "for" && !broken(context, p));
    const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
    if (!objective) continue;
    const metric = metricOf(context, objective.declaration);
    const availability = metric ? metricTypeOf(context, metric.declaration)?.type === "availability" : false;
    const limits = objective.declaration.properties.filter(
      (p) => p.kind === "max total outage" || p.kind === "max outage per incident",
    );
    const target = objective.declaration.properties.find((p) => p.kind === "target");
    const budget =
      availability &&
      target?.kind === "target" &&
      (target.comparator?.op === "at least" || target.comparator?.op === "above");
    const allowance = budget || limits.some((p) => p.kind === "max total outage");
    for (const p of remedy.properties) {
      if (p.kind !== "credit" || broken(context, p) || p.condition?.kind !== "each unit" || !p.condition.unit) continue;
      const reason =
        !availability && limits.length === 0
          ? `'${objective.declaration.name?.text ?? ""}' counts no downtime (it is neither an availability objective nor an outage limit)`
          : VARIABLE_UNITS.has(p.condition.unit.unit)
            ? `${textOf(context, uri, p.condition.unit.range)} has no fixed length; give the unit in minutes, hours, days or weeks`
            : p.condition.beyondAllowance && !allowance
              ? `'${objective.declaration.name?.text ?? ""}' allows no downtime to go beyond (no availability target of \`at least\` or \`above\`, no \`max total outage\`)`
              : undefined;
      if (!reason) continue;
      context.report(
        createDiagnostic(
          TierDiagnostics.downtimeUnitUncountable,
          { condition: textOf(context, uri, p.condition.range), reason },
          uri,
          p.condition.range,
        ),
      );
    }
  }
};

/** The most windows of one kind that can end within one period of another (a week: 5 in a month). */
const MOST_WINDOWS: Record<string, Record<string, number>> = {
  week: { week: 1, "calendar month": 5, "calendar quarter": 14, "calendar year": 53 },
  "calendar month": { "calendar month": 1, "calendar quarter": 3, "calendar year": 12 },
  "calendar quarter": { "calendar quarter": 1, "calendar year": 4 },
  "calendar year": { "calendar year": 1 },
};

/**
 * SLA5013: `when breached N to M times per PERIOD` counts the objective's breached windows ending in
 * the period: it needs at least one breach (`0` would pay when nothing is breached), a range that
 * holds for some count, a period that is a calendar period or a week no shorter than the
 * objective's window, and no more breaches than windows can end in the period.
 */
export const breachBandRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "credit", (p) => p.condition?.kind === "breaches")) return;
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    const forProperty = remedy.properties.find((p) => p.kind === "for" && !broken(context, p));
    const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
    const objectiveWindow = objective && context.model.objectiveOf(objective.declaration)?.window?.period;
    for (const p of remedy.properties) {
      if (p.kind !== "credit" || broken(context, p) || p.condition?.kind !== "breaches") continue;
      const { from, to, window } = p.condition;
      if (!from || !window) continue;
      const least = Number(from.value);
      const most = to ? Number(to.value) : undefined;
      const fits = objectiveWindow ? MOST_WINDOWS[objectiveWindow]?.[window.period] : undefined;
      const reason =
        least < 1
          ? "a band starts at 1 breach at least (no breach is no failure to credit)"
          : most !== undefined && most < least
            ? `${most} is fewer than ${least}`
            : window.period === "rolling"
              ? "a band's period is a calendar month, quarter or year, or a week"
              : objectiveWindow && objectiveWindow !== "rolling" && fits === undefined
                ? `a ${window.period} is shorter than the objective's window (${objectiveWindow})`
                : fits !== undefined && least > fits
                  ? `at most ${fits} of the objective's windows (${objectiveWindow}) end in a ${window.period}`
                  : undefined;
      if (!reason) continue;
      context.report(
        createDiagnostic(
          TierDiagnostics.breachBandUnpayable,
          { condition: textOf(context, uri, p.condition.range), reason },
          uri,
          p.condition.range,
        ),
      );
    }
  }
};

/** SLA5011: a minimum credit above the most the remedy's credits (and its cap) can come to. */
export const minimumCreditRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "minimum credit")) return;
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
    if (p.condition?.kind !== "threshold") return undefined;
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
