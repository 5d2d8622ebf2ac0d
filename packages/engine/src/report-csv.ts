import type { CreditReport, EvaluationReport, ObjectiveReport } from "./report-types.ts";

/** The columns of `sla evaluate --format csv`, documented in docs/evaluation.md. */
export const REPORT_CSV_COLUMNS = [
  "row",
  "period",
  "objective",
  "service",
  "metric",
  "window",
  "window_start",
  "window_end",
  "status",
  "met",
  "value",
  "unit",
  "comparator",
  "target",
  "breaches",
  "downtime_seconds",
  "budget_seconds",
  "remaining_budget_seconds",
  "remedy",
  "percent",
  "basis",
  "amount",
  "currency",
  "unit_name",
] as const;

type Row = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], string | number | boolean | null>>;

/**
 * The reports as one RFC 4180 table for a spreadsheet: a row per objective and window (an
 * objective's own window, then each window it reports inside it, then for an objective held for
 * each unit each unit's, named in `unit_name`) and a row per credit, CRLF line
 * endings, a cell quoted when it holds a comma, a quote or a line break. Numbers stay the exact
 * decimal text of the JSON report.
 */
export function renderReportCsv(reports: readonly EvaluationReport[]): string {
  const rows: Row[] = [];
  for (const report of reports) {
    for (const objective of report.objectives) {
      rows.push(objectiveRow(report.period, objective));
      for (const window of objective.windows ?? []) rows.push(objectiveRow(report.period, window));
      for (const unit of objective.perUnit ?? []) {
        rows.push(objectiveRow(report.period, unit));
        for (const window of unit.windows ?? [])
          rows.push({ ...objectiveRow(report.period, window), unit_name: unit.unitName });
      }
    }
    for (const credit of report.credits) rows.push(creditRow(report.period, credit));
  }
  const lines = [REPORT_CSV_COLUMNS.join(","), ...rows.map((r) => REPORT_CSV_COLUMNS.map((c) => cell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

function objectiveRow(period: string, o: ObjectiveReport): Row {
  return {
    row: "objective",
    period,
    objective: o.name,
    service: o.service,
    metric: o.metric,
    window: o.window.label,
    window_start: o.window.start,
    window_end: o.window.end,
    status: o.status,
    met: o.met,
    value: o.value,
    unit: o.unit,
    comparator: o.target?.comparator ?? null,
    target: o.target?.value ?? null,
    breaches: o.breaches,
    downtime_seconds: o.downtime?.seconds ?? null,
    budget_seconds: o.budget?.seconds ?? null,
    remaining_budget_seconds: o.remainingBudget?.seconds ?? null,
    unit_name: o.unitName ?? null,
  };
}

function creditRow(period: string, c: CreditReport): Row {
  return {
    row: "credit",
    period,
    objective: c.objective,
    window: c.window,
    breaches: c.breaches,
    remedy: c.remedy,
    percent: c.percent,
    basis: c.basis,
    amount: c.amount,
    currency: c.currency,
    unit_name: c.unitName ?? null,
  };
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
