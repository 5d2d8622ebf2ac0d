/** Measurement: what each metric is, how outages count, when a service level is breached. */
import type { BundleMetric } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause, lettered, paragraph } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { ordinal } from "../format.ts";
import { defined, titleOf } from "../phrases.ts";
import { measuresDowntime } from "../questions.ts";

/** The section opens with one clause per metric, in the bundle's order (definitions cite them). */
export function measurementSection(ctx: RenderContext): Clause[] {
  const clauses: Clause[] = ctx.bundle.metrics.map((m) => metricClause(ctx, m));
  const objectives = ctx.bundle.objectives;
  if (measuresDowntime(ctx.bundle)) {
    clauses.push(
      clause(
        raw(
          "Outages of a service that overlap or adjoin are one incident. Downtime is counted only within the Service Hours, and an incident that spans two Measurement Periods counts in each for the part that falls in it.",
        ),
      ),
    );
  }
  if (objectives.length) {
    const breaches: Markdown[] = [raw("once in each Measurement Period in which its target is not met")];
    if (objectives.some((o) => o.maxOutagePerIncident)) {
      breaches.push(
        raw(
          "for a limit on the length of an incident, once for each incident that lasts longer than the limit, in the Measurement Period in which the incident began",
        ),
      );
    }
    if (objectives.some((o) => o.maxTotalOutage)) {
      breaches.push(
        raw("for a limit on total Downtime, once in each period in which total Downtime exceeds the limit"),
      );
    }
    if (breaches.length === 1) clauses.push(clause(raw(`A service level is breached ${breaches[0].text}.`)));
    else clauses.push({ blocks: [paragraph(raw("A service level is breached:")), ...lettered(breaches)] });
    clauses.push(
      clause(
        raw(
          'Values are compared with targets exactly, without rounding. A target "at least" or "at most" a value is met by that value; a value "above" or "below" a stated value must differ from it.',
        ),
      ),
    );
  }
  return clauses;
}

function metricClause(ctx: RenderContext, m: BundleMetric): Clause {
  const service = m.service ? ctx.service(m.service) : raw("a service");
  let meaning: Markdown;
  if (m.type === "availability") {
    meaning = md`is the availability of ${service} in a Measurement Period, as a percentage: (Scheduled Time − Downtime) ÷ Scheduled Time × 100, calculated exactly and without rounding. A Measurement Period without Scheduled Time meets every availability target.`;
  } else if (m.type === "success rate") {
    meaning = md`is the share of the requests to ${service} within the Service Hours in a Measurement Period that did not fail, as a percentage: (all requests − failed requests) ÷ all requests × 100, calculated exactly and without rounding. A Measurement Period without requests meets every target on it.`;
  } else {
    const what =
      m.type === "latency"
        ? "the latency measurements"
        : m.type === "error rate"
          ? "the error rate measurements"
          : `the ${m.type} measurements`;
    const unit = m.unit === "percent" ? "as a percentage" : "in milliseconds";
    meaning = m.percentile
      ? md`is the ${ordinal(m.percentile)} percentile of ${what} of ${service} taken within the Service Hours in a Measurement Period, ${unit}, determined by the nearest-rank method: of the n measurements in ascending order, the one at rank ⌈${m.percentile} ÷ 100 × n⌉.`
      : md`is the arithmetic mean of ${what} of ${service} taken within the Service Hours in a Measurement Period, ${unit}.`;
  }
  const measured = m.measuredBy ? md` Method of measurement: ${m.measuredBy}.` : raw("");
  return clause(md`${defined(titleOf(m))} ${meaning}${measured}${sliceSentence(m, service)}`);
}

/** Time-slice downtime: which slices of time count as Downtime, from the requests in them. */
function sliceSentence(m: BundleMetric, service: Markdown): Markdown {
  const slice = m.downtimeSlice;
  if (!slice) return raw("");
  return md` Each period of ${slice.length.text} in which the error rate of the requests to ${service} (the failed requests ÷ all requests × 100) is ${slice.comparison} ${slice.threshold}% is Downtime in full; the periods follow one another from the start of each hour, and a period in which ${service} receives no requests is not Downtime.`;
}
