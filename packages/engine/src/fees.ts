import type Decimal from "decimal.js";
import { DateTime } from "luxon";
import type { BundleService, FeeBasis } from "./bundle.ts";
import { type Context, memo } from "./context.ts";
import { Dec } from "./decimal.ts";
import { BundleProblemError, ChargeDataError } from "./errors.ts";
import type { Period } from "./windows.ts";

export interface Fee {
  amount: Decimal;
  currency: string;
}

/** The fee a percentage is taken of: the service's own fee when its period matches, else the monthly fee × 3 or × 12. */
export function feeFor(service: BundleService | undefined, basis: FeeBasis): Fee | null {
  if (service === undefined) return null;
  if (service.feeCharged)
    throw new BundleProblemError(
      `service ${service.name}: its fee is as charged, so only a service credit or a cap on credits can be a percentage of it`,
    );
  const own = { "monthly fee": "month", "quarterly fee": "quarter", "annual fee": "year" }[basis];
  if (service.fee !== null && service.fee.period === own)
    return { amount: new Dec(service.fee.amount), currency: service.fee.currency };
  if (service.monthlyFee === null) return null;
  const factor = basis === "monthly fee" ? 1 : basis === "quarterly fee" ? 3 : 12;
  return { amount: new Dec(service.monthlyFee.amount).times(factor), currency: service.monthlyFee.currency };
}

const BASIS_OF = { month: "monthly fee", quarter: "quarterly fee", year: "annual fee" } as const;

/**
 * The fee of a credit or cap paid for `period`: for a service whose fee is as charged, the charges
 * paid for it in that calendar period (the checker's SLA5014 allows no other basis or window), else
 * the stated fee.
 */
export function feeIn(
  ctx: Context,
  service: BundleService | undefined,
  basis: FeeBasis,
  period: Period | null,
): Fee | null {
  if (!service?.feeCharged) return feeFor(service, basis);
  const charged = service.feeCharged.period;
  if (basis !== BASIS_OF[charged] || period === null || period.kind !== `calendar ${charged}`)
    throw new BundleProblemError(
      `service ${service.name}: its fee is as charged per ${charged}, so only a percentage of the ${BASIS_OF[charged]} over a calendar ${charged} can be computed`,
    );
  const charge = chargesOf(ctx).get(`${service.name}|${period.label}`);
  if (charge === undefined)
    throw new ChargeDataError(
      `no charge record for service ${service.name}${ctx.unitName === undefined ? "" : ` and ${service.feeUnit ?? "unit"} ${ctx.unitName}`} in ${period.label}: its fee is as charged, and a credit for that ${charged} is a percentage of it`,
    );
  return charge;
}

const PERIOD_FORMS = { month: /^\d{4}-\d{2}$/, quarter: /^\d{4}-Q\d$/, year: /^\d{4}$/ } as const;
const WRITTEN = { month: "YYYY-MM", quarter: "YYYY-Qn", year: "YYYY" } as const;

/**
 * The charge records summed by service and period (`Name|2026-03`, `Name|2026-Q1`, `Name|2026`, as
 * the service's fee is charged; an `at` is read in the agreement's zone), or as a SQL engine summed
 * them (sql/charges.ts). Charges for a service whose fee is not as charged are not used.
 */
function chargesOf(ctx: Context): Map<string, Fee> {
  return memo(ctx, "charges", () => {
    const summed = ctx.data.chargeSums;
    if (summed !== undefined) {
      const scope = summed.get(ctx.unitName === undefined ? "" : `u:${ctx.unitName}`);
      if (scope?.error) throw new ChargeDataError(scope.error.message);
      const out = new Map<string, Fee>();
      for (const [key, fee] of scope?.sums ?? []) out.set(key, { amount: new Dec(fee.amount), currency: fee.currency });
      return out;
    }
    const sums = new Map<string, Fee & { line: number }>();
    for (const r of ctx.data.charges ?? []) {
      const charged = ctx.services.get(r.service)?.feeCharged?.period;
      if (charged === undefined) continue;
      if (r.period !== null && !PERIOD_FORMS[charged].test(r.period))
        throw new ChargeDataError(
          `line ${r.line}: a charge for service ${r.service} for ${r.period}, but its fee is charged per ${charged}: write the period as ${WRITTEN[charged]}`,
        );
      const label = r.period ?? periodLabel(DateTime.fromMillis(r.at!, { zone: ctx.zone }), charged);
      const key = `${r.service}|${label}`;
      const seen = sums.get(key);
      if (seen === undefined) sums.set(key, { amount: new Dec(r.amount), currency: r.currency, line: r.line });
      else if (seen.currency !== r.currency)
        throw new ChargeDataError(
          `line ${r.line}: a charge for service ${r.service} in ${label} in ${r.currency}, but line ${seen.line} charges it in ${seen.currency}`,
        );
      else seen.amount = seen.amount.plus(r.amount);
    }
    return sums;
  });
}

/** The label the engine's calendar window of that length gives the period holding `t`. */
function periodLabel(t: DateTime, charged: "month" | "quarter" | "year"): string {
  if (charged === "month") return t.toFormat("yyyy-MM");
  return charged === "quarter" ? `${t.year}-Q${t.quarter}` : String(t.year);
}
