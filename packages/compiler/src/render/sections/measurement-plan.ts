/**
 * The Measurement Plan schedule: for each metric with a plan, who measures it, with what tool or
 * data source, how often and how it is sampled, and what gaps in the samples count as.
 */
import type { BundleMeasurementPlan, BundleMetric } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause, table } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { formatDuration } from "../format.ts";
import { DASH, titleOf } from "../phrases.ts";

type Planned = BundleMetric & { measurementPlan: BundleMeasurementPlan };

function measurer(ctx: RenderContext, p: BundleMeasurementPlan): Markdown {
  if (p.measurer === "provider") return ctx.theProvider();
  if (p.measurer === "customer") return ctx.theCustomer();
  if (p.measurer === "independent") return raw("an independent party appointed by the Parties");
  return DASH;
}

export function measurementPlanSection(ctx: RenderContext): Clause[] {
  const planned = ctx.bundle.metrics.filter((m): m is Planned => m.measurementPlan !== undefined);
  if (planned.length === 0) return [];
  const clauses: Clause[] = [
    clause(
      raw("Each metric below is measured as this Measurement Plan sets out:"),
      table(
        [
          raw("Metric"),
          raw("Measured by"),
          raw("Tool or data source"),
          raw("Frequency"),
          raw("Sampling method"),
          raw("Gaps"),
        ],
        planned.map((m) => {
          const p = m.measurementPlan;
          const cell = (text: string | null) => (text === null ? DASH : md`${text}`);
          return [
            md`${titleOf(m)}`,
            measurer(ctx, p),
            cell(p.dataSource),
            p.interval ? md`every ${formatDuration(p.interval)}` : DASH,
            cell(p.method),
            cell(p.gaps),
          ];
        }),
      ),
    ),
  ];
  if (planned.some((m) => m.measurementPlan.interval)) {
    clauses.push(
      clause(
        raw(
          "A gap is a period of at least one sampling interval, counted from the start of each calendar month, in which no sample was taken. Gaps are reported with the service report and treated as the Gaps column says.",
        ),
      ),
    );
  }
  return clauses;
}
