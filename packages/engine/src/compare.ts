import type Decimal from "decimal.js";
import type { Comparator } from "./bundle.ts";
import { Dec, ratioString } from "./decimal.ts";

/**
 * An objective's value as an exact fraction `num / den` (den > 0): availability is
 * `(scheduled − downtime) × 100 / scheduled`, so comparing it with 99.9 never rounds.
 */
export interface Measure {
  num: Decimal;
  den: Decimal;
}

export function measure(num: Decimal.Value, den: Decimal.Value = 1): Measure {
  return { num: new Dec(num), den: new Dec(den) };
}

/** `value comparator threshold`, exactly: `num ⋚ threshold × den`. */
export function holds(m: Measure, comparator: Comparator, threshold: Decimal.Value): boolean {
  const c = m.num.comparedTo(new Dec(threshold).times(m.den));
  switch (comparator) {
    case "at least":
      return c >= 0;
    case "at most":
      return c <= 0;
    case "above":
      return c > 0;
    case "below":
      return c < 0;
  }
}

export function measureString(m: Measure): string {
  return m.den.eq(1) ? m.num.toFixed() : ratioString(m.num, m.den);
}
