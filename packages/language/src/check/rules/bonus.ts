/**
 * Incentives: a bonus must reward service that meets the objective. One whose condition also holds
 * for a value that misses the target (`bonus … when above 99%` for a target of at least 99.9%)
 * pays the provider for a breach (SLA5006).
 */
import { durationLiteralText } from "../../budget/budget.ts";
import { type Decimal, plain, toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import { TierDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { broken, type Dimension, quantityOf, satisfies, textOf } from "./support.ts";
import { type Goal, goalOf } from "./goals.ts";

/** A value that misses the goal and yet satisfies the bonus condition, if there is one. */
function breachedAndEarned(goal: Goal, comparator: Goal["comparator"], threshold: Decimal): Decimal | undefined {
  const t = goal.value;
  const x = threshold;
  const candidates = [t, x, t.plus(x).div(2), (t.greaterThan(x) ? t : x).plus(1), (t.lessThan(x) ? t : x).minus(1)];
  if (goal.dimension === "percentage") candidates.push(toDecimal(0), toDecimal(100));
  for (const v of candidates) {
    if (v.isNegative() || (goal.dimension === "percentage" && v.greaterThan(100))) continue;
    if (!satisfies(v, goal.comparator, t) && satisfies(v, comparator, x)) return v;
  }
  return undefined;
}

function valueText(value: Decimal, dimension: Dimension): string {
  if (dimension === "percentage") return `${plain(value)}%`;
  if (dimension === "duration") return durationLiteralText(value);
  return plain(value);
}

export const bonusRule: Rule = (context) => {
  for (const { uri, declaration: incentive } of context.declarations("incentive")) {
    const forProperty = incentive.properties.find((p) => p.kind === "for" && !broken(context, p));
    const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
    const goal = objective ? goalOf(context, objective) : undefined;
    if (!goal) continue;
    for (const p of incentive.properties) {
      if (p.kind !== "bonus" || broken(context, p) || !p.comparator || !p.threshold) continue;
      const quantity = quantityOf(p.threshold);
      if (!quantity?.value || quantity.dimension !== goal.dimension) continue;
      if (quantity.dimension === "percentage" && quantity.value.greaterThan(100)) continue;
      const example = breachedAndEarned(goal, p.comparator.op, quantity.value);
      if (!example) continue;
      const conditionRange = { start: p.comparator.range.start, end: p.threshold.range.end };
      context.report(
        createDiagnostic(
          TierDiagnostics.bonusWhileBreached,
          {
            condition: `when ${textOf(context, uri, conditionRange)}`,
            objective: goal.objective,
            target: goal.text,
            example: valueText(example, goal.dimension),
          },
          uri,
          p.threshold.range,
          { related: [{ uri: goal.uri, range: goal.literal.range, message: `The target of '${goal.objective}'` }] },
        ),
      );
    }
  }
};
