/**
 * Helpers shared by the rules (not a rule): what an objective's values are measured in and what it
 * promises, read from the contract model with the rules' care for damaged source (a value near a
 * syntax error is not weighed).
 */
import type { Decimal } from "../../budget/decimal.ts";
import { DIMENSION_WORDS } from "../../model/dimension.ts";
import type { Dimension } from "../../model/types.ts";
import type { Comparator, DurationLiteral, NumberLiteral, PercentageLiteral } from "../../syntax/ast.ts";
import type { DeclarationOf, RuleContext } from "../context.ts";
import { broken, damaged, quantityOf, textOf } from "./support.ts";

/** What an objective's values are measured in, and how to say so, when it is known. */
export function objectiveDimension(
  context: RuleContext,
  objective: DeclarationOf<"objective">,
): { dimension: Dimension; says: string } | undefined {
  if (damaged(context, objective)) return undefined;
  const model = context.model.objectiveOf(objective);
  if (!model?.dimension) return undefined;
  const metric = model.metric;
  if (objective.properties.some((p) => p.kind === "target")) {
    if (!metric?.type || !metric.declaration.name) return undefined;
    return {
      dimension: model.dimension,
      says: `the ${metric.type} metric '${metric.name}' is measured as ${DIMENSION_WORDS[model.dimension]}`,
    };
  }
  return { dimension: model.dimension, says: `'${objective.name?.text}' is met by a share of tickets, a percentage` };
}

/** What the objective promises: `at least 99.9%`, `at most 300 milliseconds`, `at least 95% of tickets`. */
export interface Goal {
  comparator: Comparator;
  value: Decimal;
  dimension: Dimension;
  literal: PercentageLiteral | DurationLiteral | NumberLiteral;
  uri: string;
  text: string;
  objective: string;
}

/** The objective's goal in its metric's dimension, when it can be weighed (readable, in range). */
export function goalOf(
  context: RuleContext,
  objective: { uri: string; declaration: DeclarationOf<"objective"> },
): Goal | undefined {
  const expected = objectiveDimension(context, objective.declaration);
  const name = objective.declaration.name?.text;
  const goal = context.model.objectiveOf(objective.declaration)?.goal;
  if (!expected || !name || !goal || broken(context, goal.property)) return undefined;
  const quantity = quantityOf(goal.literal);
  if (!quantity?.value || quantity.dimension !== expected.dimension) return undefined;
  // A target out of range is reported as such (SLA4001); tiers are not measured against it.
  if (quantity.dimension === "percentage" && quantity.value.greaterThan(100)) return undefined;
  const valueText = textOf(context, objective.uri, goal.literal.range);
  return {
    comparator: goal.comparator,
    value: quantity.value,
    dimension: quantity.dimension,
    literal: goal.literal,
    uri: objective.uri,
    text: goal.tickets ? `${goal.comparator} ${valueText} of tickets` : `${goal.comparator} ${valueText}`,
    objective: name,
  };
}
