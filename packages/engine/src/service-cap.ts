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
import { feeIn } from "./fees.ts";
import { type Period, periodContaining, periodsEndingWithin } from "./windows.ts";

export function cappedCredit(ctx: Context, remedy: BundleRemedy, period: Period): CreditOutcome | null {
  return memo(ctx, `service cap|${remedy.name}|${period.start}|${period.end}`, () => {
    const own = creditFor(ctx, remedy, period);
    const objective = remedy.objective === null ? undefined : ctx.objectives.get(remedy.objective);
    const service = objective && serviceOfObjective(ctx, objective);
    const cap = service?.creditCap;
    if (own === null || own.exact === null || !objective || !service || !cap) return own;
    // a cap on a fee as charged is per calendar month (SLA5014), the month of this window
    const capFee = feeIn(ctx, service, cap.basis, period);
    if (capFee === null) return own;

    const limit = new Dec(cap.percent).times(capFee.amount).div(100);
    const used = earlierCredits(ctx, remedy, period, service.name).reduce(
      (sum, c) => sum.plus(c?.exact ?? 0),
      new Dec(0),
    );
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
 * The credits on the same service that come before this one in its cap window: windows that end
 * earlier, and on the same end, remedies written earlier.
 */
function earlierCredits(ctx: Context, remedy: BundleRemedy, period: Period, service: string): (CreditOutcome | null)[] {
  const cap = ctx.services.get(service)!.creditCap!;
  const capPeriod = periodContaining(cap.window, period.end - 1, ctx.zone);
  const place = ctx.bundle.remedies.indexOf(remedy);
  const out: (CreditOutcome | null)[] = [];
  ctx.bundle.remedies.forEach((r, i) => {
    const o = r.objective === null ? undefined : ctx.objectives.get(r.objective);
    if (!o || o.service !== service || r.credits.length === 0) return;
    for (const p of periodsEndingWithin(o.window, capPeriod.start, period.end, ctx.zone)) {
      if (p.end < period.end || (p.end === period.end && i < place)) out.push(cappedCredit(ctx, r, p));
    }
  });
  return out;
}
