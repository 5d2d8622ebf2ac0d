/** The service report's Outcome-based pay section: each outcome window's share, bands and net. */
import { md, money } from "./markdown-escape.ts";
import type { OutcomePayReport, OutcomeShareReport } from "./report-types.ts";

function shareCell(s: OutcomeShareReport | null): string {
  if (s === null) return "—";
  return `${money(s.amount, s.currency)} (${md(s.percent)}% of ${md(s.basis)}, ${md(s.band)}${s.capped ? ", capped" : ""})`;
}

export function outcomePayMarkdown(entries: OutcomePayReport[] | undefined): string[] {
  if (!entries?.length) return [];
  const out = [
    "## Outcome-based pay",
    "",
    "| Outcome | Window | Met | Share | Gain share | Pain share | Net |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const e of entries) {
    const share = e.value === null ? "—" : `${md(e.value.replace(/(\.\d{4})\d+$/, "$1…"))}%`;
    const currency = e.gainShare?.currency ?? e.painShare?.currency ?? null;
    out.push(
      `| ${md(e.outcome)} | ${md(e.window)} | ${e.met} of ${e.records} | ${share} | ${shareCell(e.gainShare)} | ${shareCell(e.painShare)} | ${e.net === null ? "—" : currency ? money(e.net, currency) : md(e.net)} |`,
    );
  }
  out.push("");
  for (const e of entries) if (e.note) out.push(`- ${md(e.outcome)} ${md(e.window)}: ${md(e.note)}`);
  if (out[out.length - 1] !== "") out.push("");
  return out;
}
