/**
 * A service's `cap all credits at P% of FEE per WINDOW`: the credits of every remedy on the
 * service's objectives, each already within its own cap and minimum, together pay no more than P%
 * of the fee in each cap window. Credits take what is left of the cap in order: by the end of
 * their window, then by the remedy's place in the contract; a credit that would exceed it is cut to
 * what is left (and a later one gets nothing).
 */
import type { BundleRemedy } from "./bundle.ts";
import { type Context, memo } from "./context.ts";
import { money } from "./credit-tiers.ts";
import { type CreditOutcome, creditFor, serviceOfObjective } from "./credits.ts";
import { Dec, moneyString, str } from "./decimal.ts";
import { type Fee, feeIn } from "./fees.ts";
import { unitContext, unitsOf, unitsOfService } from "./units.ts";
import type Decimal from "decimal.js";
import type { BundleService, FeeBasis } from "./bundle.ts";
import { type Period, periodContaining, periodsEndingWithin } from "./windows.ts";

export function cappedCredit(ctx: Context, remedy: BundleRemedy, period: Period): CreditOutcome | null {
  return memo(ctx, `service cap|${remedy.name}|${period.start}|${period.end}`, () => {
    const own = creditFor(ctx, remedy, period);
    const objective = remedy.objective === null ? undefined : ctx.objectives.get(remedy.objective);
    const service = objective && serviceOfObjective(ctx, objective);
    const cap = service?.creditCap;
    if (own === null || own.exact === null || !objective || !service || !cap) return own;
    // a cap on a fee as charged is per calendar month (SLA5014), the month of this window
    const capFee = serviceFee(ctx, service, cap.basis, period);
    if (capFee === null) return own;

    const limit = new Dec(cap.percent).times(capFee.amount).div(100);
    const used = usedBefore(ctx, remedy, period, service.name, limit);
    const remaining = Dec.max(0, limit.minus(used));
    const report = {
      ...own.report,
      serviceCap: {
        percent: cap.percent,
        basis: cap.basis,
        window: cap.window.text,
        remaining: moneyString(remaining, capFee.currency),
      },
    };
    if (!own.exact.gt(remaining)) return { ...own, report };

    const currency = own.report.currency ?? capFee.currency;
    // a unit's percentage is of its own fee
    const fee = own.report.basis === null ? null : feeIn(ctx, service, own.report.basis, period);
    const percent = fee === null ? null : remaining.times(100).div(fee.amount);
    const already = used.isZero() ? "" : ` (${money(used, capFee.currency)} already credited for ${service.name})`;
    return {
      exact: remaining,
      percent,
      report: {
        ...report,
        percent: percent === null ? null : str(percent),
        amount: moneyString(remaining, currency),
        capped: true,
        arithmetic: `${own.report.arithmetic}, all credits for ${service.name} capped at ${cap.percent}% of ${cap.basis} ${cap.window.text}${already} = ${money(remaining, currency)}`,
      },
    };
  });
}

/**
 * What the credits on the same service that come before this one in its cap window paid: windows
 * that end earlier, and on the same end, remedies written earlier, and for a per-unit objective's
 * remedy, units before this one in code-point order. Worked out once per service, cap window and
 * window end, in that order, so that thousands of units cost one pass each.
 */
function usedBefore(ctx: Context, remedy: BundleRemedy, period: Period, service: string, limit: Decimal): Decimal {
  const whole = ctx.unitOf ?? ctx;
  const cap = ctx.services.get(service)!.creditCap!;
  const capPeriod = periodContaining(cap.window, period.end - 1, ctx.zone);
  const ledger = memo(whole, `service cap ledger|${service}|${capPeriod.start}|${period.end}`, () => {
    const items: { end: number; place: number; unit: string; remedy: BundleRemedy; period: Period; ctx: Context }[] =
      [];
    whole.bundle.remedies.forEach((r, place) => {
      const o = r.objective === null ? undefined : whole.objectives.get(r.objective);
      if (!o || o.service !== service || r.credits.length === 0) return;
      const contexts = o.forEach ? unitsOf(whole, o).map((u) => unitContext(whole, u)) : [whole];
      for (const p of periodsEndingWithin(o.window, capPeriod.start, period.end, whole.zone))
        for (const c of contexts)
          items.push({ end: p.end, place, unit: c.unitName ?? "", remedy: r, period: p, ctx: c });
    });
    items.sort((a, b) => a.end - b.end || a.place - b.place || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
    const before = new Map<string, Decimal>();
    let used = new Dec(0);
    for (const item of items) {
      before.set(ledgerKey(item.remedy, item.period, item.ctx.unitName), used);
      const own = creditFor(item.ctx, item.remedy, item.period)?.exact ?? null;
      if (own !== null) used = used.plus(Dec.min(own, Dec.max(0, limit.minus(used))));
    }
    return before;
  });
  return ledger.get(ledgerKey(remedy, period, ctx.unitName)) ?? new Dec(0);
}

function ledgerKey(remedy: BundleRemedy, period: Period, unit: string | undefined): string {
  return `${remedy.name}|${period.start}|${period.end}|${unit ?? ""}`;
}

/**
 * The fee a cap on all of a service's credits is a percentage of: for a fee per unit, the sum of
 * the units' fees (each unit's fee times the units evaluated, or every unit's charges).
 */
function serviceFee(ctx: Context, service: BundleService, basis: FeeBasis, period: Period): Fee | null {
  const whole = ctx.unitOf ?? ctx;
  const fee = feeIn(whole, service, basis, period);
  if (fee === null || !service.feeUnit || service.feeCharged) return fee;
  return { ...fee, amount: fee.amount.times(unitsOfService(whole, service.name).length) };
}
