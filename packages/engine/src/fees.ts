import type Decimal from "decimal.js";
import type { BundleService, FeeBasis } from "./bundle.ts";
import { Dec } from "./decimal.ts";

/** The fee a percentage is taken of: the service's own fee when its period matches, else the monthly fee × 3 or × 12. */
export function feeFor(
  service: BundleService | undefined,
  basis: FeeBasis,
): { amount: Decimal; currency: string } | null {
  if (service === undefined) return null;
  const own = { "monthly fee": "month", "quarterly fee": "quarter", "annual fee": "year" }[basis];
  if (service.fee !== null && service.fee.period === own)
    return { amount: new Dec(service.fee.amount), currency: service.fee.currency };
  if (service.monthlyFee === null) return null;
  const factor = basis === "monthly fee" ? 1 : basis === "quarterly fee" ? 3 : 12;
  return { amount: new Dec(service.monthlyFee.amount).times(factor), currency: service.monthlyFee.currency };
}
