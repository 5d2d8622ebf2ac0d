/**
 * `sla export prometheus`: Prometheus rules for every objective whose metric has an indicator —
 * the error ratio recorded over 5m, 30m, 1h, 2h, 6h, 1d, 3d and the objective's period, the error
 * budget remaining over the period, and multi-window multi-burn-rate alerts as the SRE workbook,
 * Sloth and Pyrra write them (page: 14.4× over 1h and 5m, 6× over 6h and 30m; ticket: 3× over 1d
 * and 2h, 1× over 3d and 6h). Thresholds are exact decimals (decimal.js), written into the
 * expressions as text.
 */
import Decimal from "decimal.js";
import { Document } from "yaml";
import type { BundleWindow, RuleBundle } from "@sla/bundle";
import { kebab, type RatioQueries, WINDOW_PLACEHOLDER, type WatchedObjective, watchedObjectives } from "./indicator.ts";

const SHORT_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;

/** A burn rate and its long and short windows; both must burn for the alert to fire. */
const BURN_RATES = [
  { severity: "page", factor: "14.4", long: "1h", short: "5m" },
  { severity: "page", factor: "6", long: "6h", short: "30m" },
  { severity: "ticket", factor: "3", long: "1d", short: "2h" },
  { severity: "ticket", factor: "1", long: "3d", short: "6h" },
] as const;

/**
 * The range of the objective's period. Prometheus ranges have a fixed length, so a calendar month
 * is counted as its last 30 days (a quarter 90, a year 365), as Sloth and Pyrra do.
 */
export function periodRange(window: BundleWindow): string {
  switch (window.period) {
    case "rolling":
      return `${window.days}d`;
    case "calendar month":
    case "billing month":
      return "30d";
    case "calendar day":
      return "1d";
    case "hour":
      return "1h";
    case "calendar quarter":
      return "90d";
    case "calendar year":
      return "365d";
    case "week":
      return "7d";
  }
}

/** The rules file, or `undefined` when no objective has an indicator source. */
export function exportPrometheus(bundle: RuleBundle): string | undefined {
  const watched = watchedObjectives(bundle);
  if (watched.length === 0) return undefined;
  const groups = watched.map(group);
  return new Document({ groups }).toString({ lineWidth: 0 });
}

function group(w: WatchedObjective): object {
  const objective = kebab(w.objective.name);
  const labels = { sla_objective: objective, sla_service: kebab(w.objective.service ?? w.metric.service ?? "service") };
  const selector = `{sla_objective="${objective}"}`;
  const period = periodRange(w.window);
  const budget = new Decimal(1).minus(w.target);
  const ranges = [...new Set<string>([...SHORT_WINDOWS, period])];
  const recordings = ranges.map((range) => ({
    record: `sla:error_ratio:rate${range}`,
    expr: errorRatio(w.queries, range),
    labels,
  }));
  const remaining = {
    record: "sla:error_budget_remaining:ratio",
    expr: `1 - (sla:error_ratio:rate${period}${selector} / ${budget.toString()})`,
    labels,
  };
  const alerts = (["page", "ticket"] as const).map((severity) => ({
    alert: `SLAErrorBudgetBurn${severity === "page" ? "Page" : "Ticket"}`,
    expr: BURN_RATES.filter((b) => b.severity === severity)
      .map((b) => {
        const threshold = budget.times(b.factor).toString();
        return `(sla:error_ratio:rate${b.long}${selector} > ${threshold} and sla:error_ratio:rate${b.short}${selector} > ${threshold})`;
      })
      .join("\nor\n"),
    labels: { ...labels, severity },
    annotations: {
      summary: `${w.objective.title ?? w.objective.name} is burning its error budget ${severity === "page" ? "fast" : "steadily"}`,
      description: `Target ${w.objective.target?.comparator} ${w.objective.target?.value.text} ${w.window.text} (${w.target} of events good); budget ${budget.toString()} over ${period}.`,
    },
  }));
  return { name: `sla-${objective}`, rules: [...recordings, remaining, ...alerts] };
}

/** The share of bad events over a range: `bad / total`, or `1 - good / total`. */
function errorRatio(queries: RatioQueries, range: string): string {
  const at = (query: string) => query.split(WINDOW_PLACEHOLDER).join(range);
  const total = at(queries.total);
  return queries.bad !== undefined ? `(${at(queries.bad)}) / (${total})` : `1 - ((${at(queries.good!)}) / (${total}))`;
}
