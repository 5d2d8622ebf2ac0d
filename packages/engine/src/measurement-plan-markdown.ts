/** The service report's Measurement plan section: coverage of each planned metric and its gaps. */
import { md } from "./markdown-escape.ts";
import type { MeasurementCoverageReport } from "./report-types.ts";

export function measurementPlansMarkdown(entries: MeasurementCoverageReport[] | undefined): string[] {
  if (!entries?.length) return [];
  const out = [
    "## Measurement plan",
    "",
    "| Metric | Every | Slots with a sample | Coverage | Gaps | Gap time |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const e of entries) {
    const coverage = e.coverage === null ? "—" : `${md(e.coverage.replace(/(\.\d{4})\d+$/, "$1…"))}%`;
    out.push(
      `| ${md(e.metric)} | ${md(e.interval)} | ${e.slotsWithSamples} of ${e.expectedSamples} | ${coverage} | ${e.gapCount} | ${md(e.gapTime.text)} |`,
    );
  }
  out.push("");
  for (const e of entries) {
    for (const g of e.gaps)
      out.push(`- ${md(e.metric)}: no sample from ${md(g.start)} to ${md(g.end)} (${md(g.duration.text)})`);
    if (e.gapCount && e.treatment) out.push(`- ${md(e.metric)}, the plan on gaps: ${md(e.treatment)}`);
    if (e.note) out.push(`- ${md(e.metric)}: ${md(e.note)}`);
  }
  if (out[out.length - 1] !== "") out.push("");
  return out;
}
