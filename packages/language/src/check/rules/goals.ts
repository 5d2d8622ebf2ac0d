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
): { readonly dimension: Dimension; readonly says: string } | undefined {
  if (damaged(context, objective)) return undefined;
  const model = context.model.objectiveOf(objective);
  if (!model?.dimension) return undefined;
  const metric = model.metric;
  if (objective.properties.some((p) => p.kind === "target")) {
    if (!metric?.type || !metric.declaration.name) return undefined;
    return new MeasuredIn(model.dimension, metric, undefined);
  }
  return new MeasuredIn(model.dimension, undefined, objective.name?.text);
}

/**
 * An objective's dimension, and how to say so: the words are written only when a diagnostic needs
 * them (most objectives are asked and never reported). A class, so every answer shares one shape.
 */
class MeasuredIn {
  constructor(
    readonly dimension: Dimension,
    private readonly metric: { readonly type?: string; readonly name: string } | undefined,
    private readonly objective: string | undefined,
  ) {}

  get says(): string {
    return this.metric
      ? `the ${this.metric.type} metric '${this.metric.name}' is measured as ${DIMENSION_WORDS[this.dimension]}`
      : `'${this.objective}' is met by a share of tickets, a percentage`;
  }
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
  return new WeighedGoal(
    context,
    goal.comparator,
    quantity.value,
    quantity.dimension,
    goal.literal,
    objective.uri,
    name,
    goal.tickets,
  );
}

/** A goal whose words (`text`) are written only when a diagnostic needs them. */
class WeighedGoal implements Goal {
  constructor(
    private readonly context: RuleContext,
    readonly comparator: Comparator,
    readonly value: Decimal,
    readonly dimension: Dimension,
    readonly literal: PercentageLiteral | DurationLiteral | NumberLiteral,
    readonly uri: string,
    readonly objective: string,
    private readonly tickets: boolean,
  ) {}

  get text(): string {
    const valueText = textOf(this.context, this.uri, this.literal.range);
    return this.tickets ? `${this.comparator} ${valueText} of tickets` : `${this.comparator} ${valueText}`;
  }
}
