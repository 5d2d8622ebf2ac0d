/** The service report's Fees at risk section: credits of failed critical service levels, cap, earn-back, trend. */
import { md, money } from "./markdown-escape.ts";
import type { AtRiskReport, LevelReport } from "./report-types.ts";
import { table } from "./markdown-table.ts";

function yesNo(b: boolean | null): string {
  return b === null ? "—" : b ? "yes" : "no";
}

function levelRows(levels: LevelReport[]): string[][] {
  return levels.map((l) => [
    md(l.objective),
    md(l.window),
    // at most four decimals for people, as the objectives show them; the JSON keeps every digit
    l.value === null ? "—" : md(l.value.replace(/(\.\d{4})\d+$/, "$1…")),
    l.expected === null ? "—" : `${md(l.expected)}: ${yesNo(l.metExpected)}`,
    l.minimum === null ? "—" : `${md(l.minimum)}: ${yesNo(l.metMinimum)}`,
  ]);
}

export function feesAtRiskMarkdown(entries: AtRiskReport[] | undefined): string[] {
  if (!entries?.length) return [];
  const out: string[] = ["## Fees at risk", ""];
  for (const e of entries) {
    const c = e.atRisk.currency;
    out.push(
      `### ${md(e.service)}`,
      "",
      `At-Risk Amount: ${md(e.atRisk.percent)}% of the ${md(e.atRisk.basis)} = ${money(e.atRisk.amount, c)}${e.poolMaximum === null ? "" : `; pool maximum ${md(e.poolMaximum)}%`}.`,
      "",
      ...table(["Critical service level", "Window", "Value", "Expected", "Minimum"], levelRows(e.criticalLevels)),
    );
    if (e.failures.length === 0) out.push("No critical service level failed its minimum.", "");
    out.push(
      ...table(
        ["Failed", "Window", "Level", "Allocation", "Amount", "Paid"],
        e.failures.map((f) => [
          md(f.objective),
          md(f.window),
          md(f.level),
          `${md(f.allocation)}%`,
          money(f.amount, c),
          money(f.paid, c),
        ]),
      ),
    );
    out.push(
      `Credit: ${money(e.credit, c)}${e.capped ? ` (capped at the At-Risk Amount; ${md(e.arithmetic)})` : ""}`,
      "",
    );
    for (const b of e.earnBacks)
      out.push(
        `Earned back: ${money(b.amount, c)} credited for ${md(b.objective)} in ${md(b.failedWindow)}, met at the expected level in ${b.windows.map((w) => md(w.label)).join(", ")}.`,
        "",
      );
    out.push(`Net fees at risk this month: ${money(e.net, c)}`, "");
    if (e.belowExpected.length) {
      out.push("Below the expected level (trend and corrective action, no credit):", "");
      out.push(...table(["Service level", "Window", "Value", "Expected", "Minimum"], levelRows(e.belowExpected)));
    }
    if (e.keyMeasurements.length)
      out.push(...table(["Key measurement", "Window", "Value", "Target", "Minimum"], levelRows(e.keyMeasurements)));
  }
  return out;
}
