/** A metric's Measurement Plan as a bundle field; optional, so metrics without one compile as before. */
import type { BundleDuration, BundleMetric, Source } from "@sla/bundle";
import { type DurationLiteral, type MetricDeclaration, type Position, propertyOf } from "@sla/language";

export function measurementPlanOf(
  d: MetricDeclaration,
  source: (position: Position) => Source,
  duration: (literal: DurationLiteral | undefined) => BundleDuration | null,
): Pick<BundleMetric, "measurementPlan"> {
  const measurer = propertyOf(d, "measurer");
  const dataSource = propertyOf(d, "data source");
  const sample = propertyOf(d, "sample");
  const gaps = propertyOf(d, "gaps");
  const first = [measurer, dataSource, sample, gaps]
    .filter((p) => p !== undefined)
    .sort((a, b) => a.range.start.offset - b.range.start.offset)[0];
  if (first === undefined) return {};
  return {
    measurementPlan: {
      measurer: measurer?.party ?? null,
      dataSource: dataSource?.value?.value ?? null,
      interval: duration(sample?.interval),
      method: sample?.method?.value ?? null,
      gaps: gaps?.treatment?.value ?? null,
      source: source(first.range.start),
    },
  };
}
