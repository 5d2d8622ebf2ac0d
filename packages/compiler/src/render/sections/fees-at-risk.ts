/**
 * Fees at Risk: as an outsourcing schedule writes it — the pool table (the At-Risk Amount of each
 * service and the pool available for allocation), the allocation table of the Critical Service
 * Levels with their expected and minimum levels, the credit and its monthly cap, trend and
 * corrective action at the expected level, the earn-back clause, and the Key Measurements.
 */
import { formatMoney } from "@sla/bundle";
import Decimal from "decimal.js";
import type { BundleFeesAtRisk, BundleObjective, BundleService } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause, headed, table } from "../document.ts";
import { join, type Markdown, md, raw } from "../escape.ts";
import {
  basisTerm,
  formatDuration,
  formatPercent,
  perWindow,
  pluralWindowNoun,
  possessive,
  windowNoun,
} from "../format.ts";
import { DASH, targetText, titleOf } from "../phrases.ts";

type AtRiskService = BundleService & { feesAtRisk: BundleFeesAtRisk };

/** The services with an At-Risk Amount: the section is present when there is one. */
export function atRiskServices(ctx: RenderContext): AtRiskService[] {
  return ctx.bundle.services.filter((s): s is AtRiskService => s.feesAtRisk !== undefined);
}

const FACTOR = { "monthly fee": 1, "quarterly fee": 3, "annual fee": 12 } as const;

/** The At-Risk Amount in money, when the service states its fee. */
export function atRiskAmount(s: AtRiskService): { amount: Decimal; currency: string } | null {
  if (s.monthlyFee === null) return null;
  const fee = new Decimal(s.monthlyFee.amount).times(FACTOR[s.feesAtRisk.basis]);
  return { amount: fee.times(s.feesAtRisk.percent).div(100), currency: s.monthlyFee.currency };
}

function money(value: { amount: Decimal; currency: string } | null): Markdown {
  return value === null ? DASH : md`${formatMoney(value.amount.toFixed(), value.currency)}`;
}

function objectivesOf(ctx: RenderContext, s: BundleService, which: "critical" | "keyMeasurement"): BundleObjective[] {
  return ctx.bundle.objectives.filter((o) => o.service === s.name && o[which] !== undefined);
}

function allocated(ctx: RenderContext, s: BundleService): Decimal {
  return objectivesOf(ctx, s, "critical").reduce((sum, o) => sum.plus(o.critical?.allocation ?? 0), new Decimal(0));
}

/** What the objective promises, in the words of the Service Levels table. */
function levelText(o: BundleObjective): Markdown {
  const parts: Markdown[] = [];
  if (o.target) parts.push(targetText(o.target.comparator, o.target.value));
  if (o.maxOutagePerIncident)
    parts.push(md`no incident of Downtime longer than ${formatDuration(o.maxOutagePerIncident.duration)}`);
  if (o.maxTotalOutage)
    parts.push(
      md`total Downtime of at most ${formatDuration(o.maxTotalOutage.duration)} ${perWindow(o.maxTotalOutage.window)}`,
    );
  if (o.support?.share)
    parts.push(md`${o.support.share.comparator} ${formatPercent(o.support.share.percent)} of tickets`);
  return parts.length ? join(parts, "; ") : DASH;
}

function minimumText(o: BundleObjective): Markdown {
  if (o.minimum) return targetText(o.minimum.comparator, o.minimum.value);
  return levelText(o);
}

export function feesAtRiskSection(ctx: RenderContext): Clause[] {
  const services = atRiskServices(ctx);
  if (services.length === 0) return [];
  const customer = ctx.theCustomer();
  const provider = ctx.theProvider();
  const clauses: Clause[] = [];

  clauses.push(
    headed(
      raw("At-Risk Amount"),
      md`The ${raw("**At-Risk Amount**")} for a service is the percentage of its fee set out below, in each calendar month. The Critical Service Levels of a service are allocated shares of its At-Risk Amount; their allocations shall not exceed in total its ${raw("**Pool Percentage Available for Allocation**")}.`,
      table(
        [
          raw("Service"),
          raw("At-risk percentage"),
          raw("At-Risk Amount per month"),
          raw("Pool Percentage Available for Allocation"),
          raw("Allocated"),
        ],
        services.map((s) => [
          ctx.service(s.name),
          md`${formatPercent(s.feesAtRisk.percent)} of the ${basisTerm(s.feesAtRisk.basis)}`,
          money(atRiskAmount(s)),
          s.feesAtRisk.poolMaximum === null ? DASH : md`${formatPercent(s.feesAtRisk.poolMaximum)}`,
          md`${formatPercent(allocated(ctx, s).toFixed())}`,
        ]),
      ),
    ),
  );

  const critical = services.flatMap((s) => objectivesOf(ctx, s, "critical").map((o) => ({ s, o })));
  if (critical.length > 0) {
    clauses.push(
      headed(
        raw("Critical Service Levels"),
        md`Each of the following is a ${raw("**Critical Service Level**")}. Its ${raw("**Minimum Service Level**")} is the level below which it has failed; its ${raw("**Expected Service Level**")} is the level ${provider} aims to deliver.`,
        table(
          [
            raw("Critical Service Level"),
            raw("Expected Service Level"),
            raw("Minimum Service Level"),
            raw("Allocation"),
            raw("Service Credit"),
          ],
          critical.map(({ s, o }) => {
            const amount = atRiskAmount(s);
            const allocation = o.critical?.allocation ?? null;
            return [
              md`${titleOf(o)}`,
              levelText(o),
              minimumText(o),
              allocation === null ? DASH : md`${formatPercent(allocation)}`,
              amount === null || allocation === null
                ? DASH
                : money({ amount: amount.amount.times(allocation).div(100), currency: amount.currency }),
            ];
          }),
        ),
      ),
      clause(
        md`If a Critical Service Level is not at its Minimum Service Level in a Measurement Period, ${provider} shall credit ${customer} with its Allocation of the At-Risk Amount as a Service Credit. The Service Credits under this clause for the Measurement Periods ending in one calendar month shall not exceed in total the At-Risk Amount for that month, whatever the allocations add up to.`,
      ),
      clause(
        md`If a service level is at its Minimum Service Level but not at its Expected Service Level, no Service Credit is due; ${provider} shall report the shortfall and its trend in the next service report and take corrective action to restore the Expected Service Level.`,
      ),
    );
  }

  const earning = services.filter((s) => s.feesAtRisk.earnBackWindows !== null);
  for (const s of earning) {
    const n = s.feesAtRisk.earnBackWindows!;
    const window = objectivesOf(ctx, s, "critical")[0]?.window;
    const noun = window ? windowNoun(window) : "Measurement Period";
    const nouns = window ? pluralWindowNoun(window) : "Measurement Periods";
    const following =
      n === 1 ? md`the ${noun} that follows` : md`each of the ${String(n)} consecutive ${nouns} that follow`;
    clauses.push(
      headed(
        raw("Earn-back"),
        md`If a Critical Service Level of ${ctx.service(s.name)} for which a Service Credit was due is at its Expected Service Level in ${following} the ${noun} of the failure, ${provider} earns that Service Credit back: ${customer} shall pay it back to ${provider} (or it shall be added to the next invoice) with the report for the last of those ${nouns}.`,
      ),
    );
  }

  const keys = services.flatMap((s) => objectivesOf(ctx, s, "keyMeasurement"));
  if (keys.length > 0) {
    clauses.push(
      headed(
        raw("Key Measurements"),
        md`Each of the following is a ${raw("**Key Measurement**")}: ${provider} measures and reports it against its target, and it carries no Service Credit.`,
        table(
          [raw("Key Measurement"), raw("Target"), raw("Promotion to a Critical Service Level")],
          keys.map((o) => [
            md`${titleOf(o)}`,
            levelText(o),
            o.keyMeasurement?.promotionNotice
              ? md`on ${possessive(o.keyMeasurement.promotionNotice)} notice from ${customer}`
              : raw("by agreement only"),
          ]),
        ),
      ),
    );
    if (keys.some((o) => o.keyMeasurement?.promotionNotice)) {
      clauses.push(
        clause(
          md`Where a Key Measurement may be promoted on notice, ${customer} may by that notice make it a Critical Service Level with an allocation ${customer} names, provided the allocations then do not exceed the Pool Percentage Available for Allocation.`,
        ),
      );
    }
  }
  return clauses;
}
