import { DateTime } from "luxon";
import { feesAtRiskMarkdown } from "./at-risk-markdown.ts";
import { changeOfControlMarkdown } from "./change-of-control-markdown.ts";
import { measurementPlansMarkdown } from "./measurement-plan-markdown.ts";
import { outcomePayMarkdown } from "./outcomes-markdown.ts";
import { Dec } from "./decimal.ts";
import { md, money } from "./markdown-escape.ts";
import type { EvaluationReport, ExcludedItem, ObjectiveReport, TicketCheckReport } from "./report-types.ts";
import { table } from "./markdown-table.ts";

function local(iso: string | null, zone: string): string {
  if (iso === null) return "—";
  const t = DateTime.fromISO(iso, { zone: "utc" }).setZone(zone);
  return t.isValid ? t.toFormat("yyyy-LL-dd HH:mm ZZ") : iso;
}

function yesNo(b: boolean | null): string {
  return b === null ? "—" : b ? "yes" : "no";
}

/** `yes`, `no`, `in progress` or `outside term`. */
function verdict(o: ObjectiveReport): string {
  return o.status === "complete" ? yesNo(o.met) : o.status;
}

function result(o: ObjectiveReport): string {
  if (o.perUnit)
    return `for each ${md(o.forEach)}: ${o.perUnit.filter((u) => u.met === true).length} of ${o.perUnit.length} met`;
  if (o.value === null)
    return o.kind === "outage limits" ? `${o.breaches} breach(es), downtime ${md(o.downtime?.text)}` : "no data";
  return `${md(forPeople(o))}${o.unit === "percent" ? "%" : o.unit === "millisecond" ? " ms" : ""}`;
}

const SHOWN_PLACES = 4;

/**
 * A result with at most four decimals for people (the JSON report keeps every digit). It is
 * rounded away from the target's side, so a value that misses the target never reads as meeting
 * it: 99.89999…% against "at least 99.9%" shows as 99.8999%, not 99.9000%.
 */
function forPeople(o: ObjectiveReport): string {
  const value = new Dec(o.value!);
  if (value.decimalPlaces() <= SHOWN_PLACES) return o.value!;
  const highIsGood = o.target?.comparator === "at least" || o.target?.comparator === "above";
  const shown = value.toDecimalPlaces(SHOWN_PLACES, highIsGood ? Dec.ROUND_DOWN : Dec.ROUND_UP).toFixed(SHOWN_PLACES);
  return `${shown}…`;
}

function targetText(o: ObjectiveReport): string {
  const parts: string[] = [];
  if (o.target) parts.push(`${md(o.target.comparator)} ${md(o.target.text)}`);
  if (o.limits?.perIncident) parts.push(`at most ${md(o.limits.perIncident)} per incident`);
  if (o.limits?.total) parts.push(`at most ${md(o.limits.total)} in total`);
  return parts.join("; ") || "—";
}

function check(c: TicketCheckReport | null, zone: string): string {
  if (c === null) return "—";
  const took = c.elapsed ? `took ${md(c.elapsed.text)}` : c.note ? md(c.note) : "";
  return `${yesNo(c.met)} (${md(c.target)}, ${md(c.during)}${took ? `; ${took}` : ""}; due ${md(local(c.deadline, zone))})`;
}

function excludedRows(items: ExcludedItem[], zone: string): string[][] {
  return items.map((e) =>
    e.kind === "outage"
      ? [
          `line ${e.line}`,
          md(local(e.start, zone)),
          md(local(e.end, zone)),
          md(e.duration.text),
          md(e.cause),
          md(e.reason),
        ]
      : ["—", "—", "—", `${e.count} measurements`, "—", md(e.reason)],
  );
}

function objectiveSection(o: ObjectiveReport, zone: string, depth = 3): string[] {
  const h = "#".repeat(depth);
  const out = [`${h} ${md(o.name)}${o.title ? ` — ${md(o.title)}` : ""}`, ""];
  out.push(
    `- Window: ${md(o.window.label)}, ${md(local(o.window.start, zone))} to ${md(local(o.window.end, zone))}${o.window.partial ? " (to date; not yet due)" : ""}`,
  );
  out.push(`- Target: ${targetText(o)}`);
  out.push(`- Result: ${result(o)}`);
  out.push(`- Met: ${verdict(o)}; breaches: ${o.breaches}`);
  if (o.scheduled)
    out.push(
      `- Scheduled time: ${md(o.scheduled.text)} (${md(o.scheduled.hours)} h)${o.perUnit ? "" : `; downtime: ${md(o.downtime?.text)}`}`,
    );
  if (o.budget)
    out.push(
      `- Permitted downtime in this window: ${md(o.budget.text)}${o.remainingBudget ? `; remaining: ${md(o.remainingBudget.text)}` : ""}`,
    );
  if (o.tickets)
    out.push(
      `- ${o.tickets.severity === null ? "Tickets (every severity)" : `Tickets of severity ${o.tickets.severity}`}: ${o.tickets.met} of ${o.tickets.total} met their targets`,
    );
  if (o.measurements) {
    const how =
      o.measurements.statistic === "percentile"
        ? `${md(o.measurements.percentile)}th percentile, nearest rank ${o.measurements.rank ?? "—"}`
        : "mean";
    out.push(`- Measurements: ${o.measurements.count} (${how})`);
  }
  if (o.requests)
    out.push(
      `- Requests: ${md(o.requests.succeeded)} of ${md(o.requests.total)} did not fail (${md(o.requests.failed)} failed), from ${o.requests.records} records`,
    );
  for (const n of o.notes) out.push(`- Note: ${md(n)}`);
  out.push("");
  if (o.breachDetails.length) {
    out.push("Breaches:", "");
    for (const b of o.breachDetails) out.push(`- ${md(b.kind)} at ${md(local(b.at, zone))}: ${md(b.detail)}`);
    out.push("");
  }
  const incidents = o.counted.filter((c) => c.kind === "incident");
  if (incidents.length) {
    out.push("Incidents counted:", "");
    out.push(
      ...table(
        ["From", "To", "Downtime here", "Whole incident", "Records"],
        incidents.map((i) => [
          md(local(i.start, zone)),
          md(local(i.end, zone)),
          md(i.downtime.text),
          `${md(i.incidentDowntime.text)}${i.exceedsPerIncidentLimit ? " (over the limit)" : ""}`,
          i.records.map((r) => `line ${r.line} ${md(r.cause)}${r.note ? `: ${md(r.note)}` : ""}`).join("; "),
        ]),
      ),
    );
  }
  const tickets = o.counted.filter((c) => c.kind === "ticket");
  if (tickets.length) {
    out.push("Tickets counted:", "");
    out.push(
      ...table(
        ["Line", "Opened", "Response", "Resolution", "Met"],
        tickets.map((t) => [
          String(t.line),
          md(local(t.opened, zone)),
          check(t.response, zone),
          check(t.resolution, zone),
          yesNo(t.met),
        ]),
      ),
    );
  }
  for (const m of o.counted)
    if (m.kind === "measurement")
      out.push(
        `Selected measurement: line ${m.line}, ${md(local(m.at, zone))}, value ${md(m.value)} — ${md(m.role)}`,
        "",
      );
  if (o.excluded.length) {
    out.push("Excluded:", "");
    out.push(...table(["Record", "From", "To", "Length", "Cause", "Why"], excludedRows(o.excluded, zone)));
  }
  for (const w of o.windows ?? []) out.push(...objectiveSection(w, zone, depth + 1));
  for (const u of o.perUnit ?? [])
    out.push(...objectiveSection({ ...u, name: `${o.name}, ${o.forEach} ${u.unitName}` }, zone, depth + 1));
  return out;
}

/** `, instance i-1` after an objective's name, for what is due to one unit of a per-unit objective. */
function ofUnit(objective: string, unit: string | undefined, objectives: ObjectiveReport[]): string {
  if (unit === undefined) return "";
  const word = objectives.find((o) => o.name === objective)?.forEach ?? "unit";
  return `, ${md(word)} ${md(unit)}`;
}

/** The monthly service report as Markdown; every value from the contract or the data is escaped. */
export function renderReportMarkdown(report: EvaluationReport): string {
  const zone = report.window.timezone;
  const title = report.agreement?.title ?? report.agreement?.name ?? "Service level agreement";
  const month = DateTime.fromISO(`${report.period}-01`, { zone }).setLocale("en").toFormat("LLLL yyyy");
  const out: string[] = [`# Service report: ${md(title)}, ${md(month)}`, ""];
  out.push(
    `Window: ${md(local(report.window.start, zone))} to ${md(local(report.window.end, zone))} (${md(zone)}), ${md(report.window.hours)} hours.`,
    "",
  );

  if (report.unknownNames.length) {
    out.push("## Unknown names in the data", "");
    out.push("Records naming a service or metric that the contract does not declare are not evaluated:", "");
    for (const u of report.unknownNames)
      out.push(
        `- ${u.kind} ${md(u.name)}: ${u.records} record${u.records === 1 ? "" : "s"}${u.nearest ? `; nearest declared ${u.kind}: ${md(u.nearest)}` : ""}${u.nearMiss ? " (probably a typo)" : ""}`,
      );
    out.push("");
  }

  out.push("## Summary", "");
  out.push(
    ...table(
      ["Objective", "Target", "Result", "Met", "Breaches"],
      report.objectives.map((o) => [md(o.name), targetText(o), result(o), verdict(o), String(o.breaches)]),
    ),
  );

  out.push("## Objectives", "");
  for (const o of report.objectives) out.push(...objectiveSection(o, zone));

  out.push("## Service credits", "");
  if (report.credits.length === 0) out.push("No credit is due for this month.", "");
  out.push(
    ...table(
      ["Remedy", "Objective", "Tier applied", "Percent", "Amount", "Arithmetic"],
      report.credits.map((c) => [
        md(c.remedy),
        `${md(c.objective)}${ofUnit(c.objective, c.unitName, report.objectives)}`,
        `${md(c.tier.condition)} (${c.tier.amount === undefined ? `${md(c.tier.percent)}% of ${md(c.tier.basis)}` : money(c.tier.amount, c.currency)}, line ${c.tier.line})`,
        `${c.percent === null ? "—" : `${md(c.percent)}%`}${c.capped ? " (capped)" : ""}`,
        money(c.amount, c.currency),
        md(c.arithmetic),
      ]),
    ),
  );
  out.push(`Total credit: ${money(report.totalCredit.amount, report.totalCredit.currency)}`, "");
  if (report.claimDeadline) out.push(`Claim deadline: ${md(local(report.claimDeadline, zone))}`, "");
  out.push(...feesAtRiskMarkdown(report.feesAtRisk));
  out.push(...changeOfControlMarkdown(report.changeOfControl));
  out.push(...measurementPlansMarkdown(report.measurementPlans));
  out.push(...outcomePayMarkdown(report.outcomePay));

  if (report.bonuses.length || report.bonusChecks.length) {
    out.push("## Incentives", "");
    for (const b of report.bonuses)
      out.push(
        `- ${md(b.incentive)}: ${md(b.percent)}% of ${md(b.basis)} = ${money(b.amount, b.currency)} (${md(b.arithmetic)})`,
      );
    for (const c of report.bonusChecks) {
      const ws = c.windows
        .map((w) => `${md(w.label)} ${w.value === null ? md(w.note ?? "no value") : md(w.value)}`)
        .join(", ");
      out.push(`- ${md(c.incentive)}, ${md(c.condition)}: ${c.earned ? "earned" : "not earned"} (${ws})`);
    }
    out.push(`- Total bonus: ${money(report.totalBonus.amount, report.totalBonus.currency)}`, "");
  }

  if (report.terminationRights.length) {
    out.push("## Termination rights", "");
    for (const t of report.terminationRights) {
      const breached = t.windows.filter((w) => w.met === false).map((w) => md(w.label));
      out.push(
        `- ${md(t.remedy)} (${md(t.objective)}${ofUnit(t.objective, t.unitName, report.objectives)}): ${t.breaches} of ${t.required} breaches within ${md(t.within)}${breached.length ? ` (${breached.join(", ")})` : ""}; ${t.exercisable ? "**exercisable**" : "not exercisable"}${t.notice ? `, notice ${md(t.notice)}` : ""}${t.exerciseBy ? `, to be exercised by ${md(local(t.exerciseBy, zone))}` : ""}`,
      );
    }
    out.push("");
  }

  if (report.actions.length) {
    out.push("## Actions due", "");
    for (const a of report.actions)
      out.push(
        `- ${md(a.description)} (${md(a.remedy)}${ofUnit(a.objective, a.unitName, report.objectives)}), due ${md(local(a.due, zone))}: ${md(a.breach)}`,
      );
    out.push("");
  }

  out.push("## Data", "");
  const d = report.data;
  out.push(
    `- Lines read: ${d.lines}; records: ${d.records}; used: ${d.used}; for other services, metrics or periods: ${d.ignored}; skipped as invalid: ${d.skipped}`,
  );
  for (const r of d.skippedReasons) out.push(`  - ${md(r)}`);
  if (d.from) out.push(`- Observed data begins: ${md(local(d.from, zone))}`);
  for (const n of report.notes) out.push(`- Note: ${md(n)}`);
  out.push("");
  return out.join("\n");
}
