/** What values are measured in: a metric type's dimension, a literal's, and how to say so. */
import type { DurationLiteral, MetricType, NumberLiteral, PercentageLiteral } from "../syntax/ast.ts";
import type { Dimension } from "./types.ts";

const METRIC_DIMENSION: Readonly<Record<MetricType, Dimension>> = {
  availability: "percentage",
  "error rate": "percentage",
  "success rate": "percentage",
  latency: "duration",
  "response time": "duration",
  "resolution time": "duration",
};

export function metricDimension(type: MetricType): Dimension {
  return METRIC_DIMENSION[type];
}

export function literalDimension(value: PercentageLiteral | DurationLiteral | NumberLiteral): Dimension {
  return value.kind === "Percentage" ? "percentage" : value.kind === "Duration" ? "duration" : "number";
}

/** `a percentage`, `a duration`, `a bare number without a unit`: for messages. */
export const DIMENSION_WORDS: Readonly<Record<Dimension, string>> = {
  percentage: "a percentage",
  duration: "a duration",
  number: "a bare number without a unit",
};
