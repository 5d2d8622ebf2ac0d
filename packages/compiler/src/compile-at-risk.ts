/**
 * The fees-at-risk terms of a service and an objective, as bundle fields. Optional fields, so a
 * contract without them compiles to the same bundle as before.
 */
import type { BundleDuration, BundleObjective, BundleService, BundleTargetValue, Source } from "@sla/bundle";
import {
  type DurationLiteral,
  type ObjectiveDeclaration,
  propertyOf,
  type ServiceDeclaration,
  type TargetValue,
} from "@sla/language";

const BASIS = { month: "monthly fee", quarter: "quarterly fee", year: "annual fee" } as const;

export interface AtRiskHelpers {
  source(position: { line: number; column: number }): Source;
  targetValue(value: TargetValue | undefined): BundleTargetValue | null;
  duration(literal: DurationLiteral | undefined): BundleDuration | null;
}

export function serviceFeesAtRisk(d: ServiceDeclaration, h: AtRiskHelpers): Pick<BundleService, "feesAtRisk"> {
  const atRisk = propertyOf(d, "at risk");
  if (!atRisk?.percentage || !atRisk.basis) return {};
  const pool = propertyOf(d, "pool maximum");
  const earnBack = propertyOf(d, "earn back");
  return {
    feesAtRisk: {
      percent: atRisk.percentage.value,
      basis: BASIS[atRisk.basis.period],
      poolMaximum: pool?.percentage?.value ?? null,
      earnBackWindows: earnBack?.windows ? Number(earnBack.windows.value) : null,
      source: h.source(atRisk.range.start),
    },
  };
}

export function objectiveFeesAtRisk(
  d: ObjectiveDeclaration,
  h: AtRiskHelpers,
): Pick<BundleObjective, "critical" | "minimum" | "keyMeasurement"> {
  const out: Pick<BundleObjective, "critical" | "minimum" | "keyMeasurement"> = {};
  const critical = propertyOf(d, "critical");
  if (critical)
    out.critical = { allocation: critical.allocation?.value ?? null, source: h.source(critical.range.start) };
  const minimum = propertyOf(d, "minimum");
  const value = h.targetValue(minimum?.value);
  if (minimum?.comparator && value)
    out.minimum = { comparator: minimum.comparator.op, value, source: h.source(minimum.range.start) };
  const key = propertyOf(d, "key measurement");
  if (key) out.keyMeasurement = { promotionNotice: h.duration(key.promotionNotice), source: h.source(key.range.start) };
  return out;
}
