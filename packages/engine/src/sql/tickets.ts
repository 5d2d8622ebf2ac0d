import type { TicketAggregates } from "../aggregates.ts";
import type { Context } from "../context.ts";
import type { EvaluationPlan } from "../evaluate.ts";
import type { TicketRecord } from "../events.ts";
import { ticketReport } from "../records/tickets.ts";
import type { Dialect } from "./dialect.ts";
import type { PlannedWindow } from "./plan-windows.ts";
import { insertRows, type SqlRow } from "./rows.ts";
import { sqlString } from "./source.ts";

/**
 * Per ticket window: the service's tickets of the objective's severity opened in it. Their checks
 * against the response and resolution targets (business time on the calendars) are computed from
 * these rows in TypeScript, by the streaming engine's own code: each ticket is a line of the report.
 */
export function ticketSql(d: Dialect, _plan: EvaluationPlan, windows: PlannedWindow[]): string[] {
  const rows = windows
    .filter((w) => w.kind === "tickets")
    .map((w) => {
      const severity = w.objective.support?.severity ?? null;
      return `(${w.id}, ${sqlString(w.service!.name)}, ${severity === null ? "NULL" : severity}, ${w.period.start}, ${w.period.end})`;
    });
  return [
    ...d.createTemp(
      "sla_t_windows",
      `SELECT 0 AS window_id, CAST('' AS ${d.text}) AS service, CAST(0 AS BIGINT) AS severity, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms WHERE false`,
    ),
    ...insertRows("sla_t_windows", rows),
    ...d.createTemp(
      "sla_t_result",
      `SELECT w.window_id, t.unit, t.line, t.severity, t.opened_ms, t.responded_ms, t.resolved_ms
FROM sla_t_windows w JOIN sla_tickets t ON t.valid AND t.service = w.service
  AND (w.severity IS NULL OR t.severity = w.severity) AND t.opened_ms >= w.start_ms AND t.opened_ms < w.end_ms`,
    ),
  ];
}

const nullable = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function ticketAggregatesFrom(ctx: Context, w: PlannedWindow, rows: SqlRow[]): TicketAggregates {
  const tickets: TicketRecord[] = rows
    .map((r) => ({
      type: "ticket" as const,
      line: Number(r.line),
      service: w.service!.name,
      severity: Number(r.severity),
      opened: Number(r.opened_ms),
      responded: nullable(r.responded_ms),
      resolved: nullable(r.resolved_ms),
    }))
    .sort((a, b) => a.opened - b.opened || a.line - b.line);
  return { kind: "tickets", tickets: tickets.map((t) => ticketReport(ctx, t, w.objective.support!)) };
}
