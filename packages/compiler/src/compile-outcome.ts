/** Outcome-based pay on an incentive as a bundle field; optional, so incentives without it compile as before. */
import type { BundleIncentive, BundleTargetValue, BundleWindow, Source } from "@sla/bundle";
import {
  type IncentiveDeclaration,
  type Position,
  propertiesOf,
  propertyOf,
  type TargetValue,
  type WindowNode,
} from "@sla/language";

const BASIS = { month: "monthly fee", quarter: "quarterly fee", year: "annual fee" } as const;

export interface OutcomeHelpers {
  source(position: Position): Source;
  targetValue(value: TargetValue | undefined): BundleTargetValue | null;
  window(node: WindowNode | undefined): BundleWindow | null;
  ref(identifier: IncentiveDeclaration["name"]): string | null;
}

type Share = Extract<IncentiveDeclaration["properties"][number], { kind: "gain share" | "pain share" }>;

function bands(shares: Share[], h: OutcomeHelpers): NonNullable<BundleIncentive["outcome"]>["gainShare"] {
  return shares.flatMap((p) => {
    const value = h.targetValue(p.threshold);
    if (!p.percentage || !p.basis || !p.comparator || !value) return [];
    const boundValue = h.targetValue(p.bound);
    const bound =
      p.boundComparator && boundValue ? { bound: { comparator: p.boundComparator.op, value: boundValue } } : {};
    return [
      {
        percent: p.percentage.value,
        basis: BASIS[p.basis.period],
        comparator: p.comparator.op,
        value,
        ...bound,
        source: h.source(p.range.start),
      },
    ];
  });
}

export function outcomeOf(d: IncentiveDeclaration, h: OutcomeHelpers): Pick<BundleIncentive, "outcome"> {
  const outcome = propertyOf(d, "outcome");
  const window = h.window(outcome?.window);
  if (!outcome?.name || !window) return {};
  return {
    outcome: {
      name: outcome.name.text,
      description: outcome.description?.value ?? null,
      window,
      service: h.ref(propertyOf(d, "service")?.service),
      gainShare: bands(propertiesOf(d, "gain share"), h),
      painShare: bands(propertiesOf(d, "pain share"), h),
      source: h.source(outcome.range.start),
    },
  };
}
