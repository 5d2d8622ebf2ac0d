/**
 * Outcome-based pay: for each incentive on a business outcome and each of its windows ending in
 * the report month, the share of the window's `outcome` records that met the outcome (an exact
 * fraction), the largest gain-share band and the largest pain-share band that hold, each as a
 * percentage of the service's fee and bounded by the incentive's cap (counting what earlier
 * windows of the cap's window paid), and the net: gain share − pain share.
 */
import type { BundleIncentive, BundleOutcome } from "@sla/bundle";
import type Decimal from "decimal.js";
import { holds, type Measure, measure, measureString } from "./compare.ts";
import { type Context, memo } from "./context.ts";
import { Dec, moneyString, str } from "./decimal.ts";
import { feeFor } from "./fees.ts";
import { capWindows } from "./plan.ts";
import type { OutcomePayReport, OutcomeShareReport } from "./report-types.ts";
import { inProgress, outsideTerm } from "./term.ts";
import { type Period, periodsEndingWithin } from "./windows.ts";

type OutcomeIncentive = BundleIncentive & { outcome: BundleOutcome };
type Band = BundleOutcome["gainShare"][number];

export function outcomeIncentives(ctx: Pick<Context, "bundle">): OutcomeIncentive[] {
  return ctx.bundle.incentives.filter((i): i is OutcomeIncentive => i.outcome !== undefined);
}

function bandText(b: Band): string {
  return `${b.comparator} ${b.value.text}${b.bound ? ` but ${b.bound.comparator} ${b.bound.value.text}` : ""}`;
}

function inBand(m: Measure, b: Band): boolean {
  return (
    holds(m, b.comparator, b.value.value) &&
    (b.bound === undefined || holds(m, b.bound.comparator, b.bound.value.value))
  );
}

interface Share {
  exact: Decimal;
  report: OutcomeShareReport;
}

/** The largest band that holds, paid as a share of the fee and bounded by the cap. */
function share(
  ctx: Context,
  i: OutcomeIncentive,
  period: Period,
  m: Measure,
  which: "gainShare" | "painShare",
): Share | null {
  const service = i.outcome.service === null ? undefined : ctx.services.get(i.outcome.service);
  let best: { band: Band; amount: Decimal } | null = null;
  for (const band of i.outcome[which]) {
    const fee = feeFor(service, band.basis);
    if (fee === null || !inBand(m, band)) continue;
    const amount = new Dec(band.percent).times(fee.amount).div(100);
    if (best === null || amount.gt(best.amount)) best = { band, amount };
  }
  if (best === null) return null;
  const currency = feeFor(service, best.band.basis)!.currency;
  let exact = best.amount;
  let capped = false;
  const cap = i.cap;
  const capFee = cap ? feeFor(service, cap.basis) : null;
  if (cap && capFee) {
    let used = new Dec(0);
    for (const p of capWindows(ctx, i.outcome.window, cap.window, period).filter((x) => x.end < period.end))
      used = used.plus(windowPay(ctx, i, p)?.[which]?.exact ?? 0);
    const remaining = Dec.max(0, new Dec(cap.percent).times(capFee.amount).div(100).minus(used));
    if (exact.gt(remaining)) {
      exact = remaining;
      capped = true;
    }
  }
  return {
    exact,
    report: {
      band: bandText(best.band),
      percent: best.band.percent,
      basis: best.band.basis,
      amount: moneyString(exact, currency),
      currency,
      capped,
      line: best.band.source.line,
    },
  };
}

interface WindowPay {
  gainShare: Share | null;
  painShare: Share | null;
  report: OutcomePayReport;
}

function windowPay(ctx: Context, i: OutcomeIncentive, period: Period): WindowPay | null {
  return memo(ctx, `outcome|${i.name}|${period.start}|${period.end}`, () => {
    const base = { incentive: i.name, outcome: i.outcome.name, window: period.label };
    const none = (status: OutcomePayReport["status"], note: string): WindowPay => ({
      gainShare: null,
      painShare: null,
      report: {
        ...base,
        status,
        records: 0,
        met: 0,
        value: null,
        gainShare: null,
        painShare: null,
        net: null,
        note,
      },
    });
    const outside = outsideTerm(ctx, period);
    if (outside !== null) return none("outside term", `This window lies outside the agreement's term: ${outside}.`);
    if (inProgress(ctx, period)) return none("in progress", "This window has not ended: no gain or pain share yet.");
    const records = (ctx.data.outcomes?.get(i.outcome.name) ?? []).filter(
      (r) => r.at >= period.start && r.at < period.end,
    );
    const met = records.filter((r) => r.met).length;
    if (records.length === 0) return none("complete", "No outcome records in this window: no gain or pain share.");
    const m = measure(new Dec(met).times(100), records.length);
    const gainShare = share(ctx, i, period, m, "gainShare");
    const painShare = share(ctx, i, period, m, "painShare");
    const currency = gainShare?.report.currency ?? painShare?.report.currency ?? ctx.currency;
    const net = new Dec(gainShare?.exact ?? 0).minus(painShare?.exact ?? 0);
    return {
      gainShare,
      painShare,
      report: {
        ...base,
        status: "complete",
        records: records.length,
        met,
        value: measureString(m),
        gainShare: gainShare?.report ?? null,
        painShare: painShare?.report ?? null,
        net: currency ? moneyString(net, currency) : str(net),
        note: null,
      },
    };
  });
}

/** The report's `outcomePay` entries; undefined when no incentive is on a business outcome. */
export function outcomePayFor(ctx: Context, month: Period): OutcomePayReport[] | undefined {
  const incentives = outcomeIncentives(ctx);
  if (incentives.length === 0) return undefined;
  return incentives.flatMap((i) =>
    periodsEndingWithin(i.outcome.window, month.start, month.end, ctx.zone).map((p) => windowPay(ctx, i, p)!.report),
  );
}
