/**
 * The registry of checking rules, run in this order after binding: each a named function of one
 * family module (brief §3). The name is what an internal error (SLA9001) reports when a rule throws.
 */
import type { Rule } from "../context.ts";
import { allocationRule, atRiskServiceRule, earnBackRule, minimumRule } from "./at-risk.ts";
import { samplingIntervalRule } from "./measurement-plan.ts";
import { outcomePayRule } from "./outcome-pay.ts";
import { bonusRule } from "./bonus.ts";
import { objectiveKindsRule, outageBudgetRule, supportTimesRule, terminationRule } from "./consistency.ts";
import { indicatorRule } from "./indicators.ts";
import { downtimeSliceRule } from "./downtime-slices.ts";
import { masterTermsRule, partyLabelsRule } from "./framing.ts";
import { chargedFeeRule } from "./charged-fee.ts";
import { perUnitFeeRule, perUnitObjectiveRule } from "./per-unit.ts";
import { breachBandRule, downtimeUnitRule, minimumCreditRule, serviceCapFeeRule } from "./credit-terms.ts";
import { consecutiveLimitRule, durationLimitsRule, outageLimitUnitsRule } from "./limits.ts";
import {
  agreementRule,
  duplicatePropertyRule,
  qualifiedPropertyRule,
  requiredPropertyRule,
  serviceRolesRule,
} from "./structure.ts";
import { undefinedTermRule, unusedDefinitionRule } from "./terms.ts";
import { bandsRule, capsRule, feeExistsRule, tiersRule } from "./tiers.ts";
import {
  currencyRule,
  datesAndTimesRule,
  durationsRule,
  percentagesRule,
  rollingWindowsRule,
  billingMonthsRule,
  targetDimensionRule,
  targetHoursRule,
  thresholdDimensionRule,
  timeZoneRule,
  wholeCountsRule,
} from "./values.ts";

export interface NamedRule {
  /** Stable across builds (object keys survive minification; function names may not). */
  readonly name: string;
  readonly check: Rule;
}

function named(rules: Record<string, Rule>): readonly NamedRule[] {
  return Object.freeze(Object.entries(rules).map(([name, check]) => Object.freeze({ name, check })));
}

export const RULES: readonly NamedRule[] = named({
  agreementRule,
  serviceRolesRule,
  masterTermsRule,
  partyLabelsRule,
  unusedDefinitionRule,
  undefinedTermRule,
  duplicatePropertyRule,
  requiredPropertyRule,
  qualifiedPropertyRule,
  percentagesRule,
  datesAndTimesRule,
  durationsRule,
  currencyRule,
  rollingWindowsRule,
  billingMonthsRule,
  wholeCountsRule,
  timeZoneRule,
  targetDimensionRule,
  targetHoursRule,
  thresholdDimensionRule,
  durationLimitsRule,
  outageLimitUnitsRule,
  consecutiveLimitRule,
  indicatorRule,
  downtimeSliceRule,
  feeExistsRule,
  tiersRule,
  minimumCreditRule,
  serviceCapFeeRule,
  chargedFeeRule,
  perUnitFeeRule,
  perUnitObjectiveRule,
  downtimeUnitRule,
  breachBandRule,
  bandsRule,
  capsRule,
  bonusRule,
  outageBudgetRule,
  supportTimesRule,
  objectiveKindsRule,
  terminationRule,
  allocationRule,
  atRiskServiceRule,
  minimumRule,
  earnBackRule,
  samplingIntervalRule,
  outcomePayRule,
});
