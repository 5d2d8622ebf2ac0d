/** Reporting and reviews: what the provider reports, how often, and the review meetings. */
import type { RenderContext } from "../context.ts";
import { type Clause, clause, headed } from "../document.ts";
import { md, raw } from "../escape.ts";
import { capitalise, formatDuration, listAnd } from "../format.ts";
import { FREQUENCY_PERIOD, FREQUENCY_WORD, quoted, titleOf } from "../phrases.ts";

export function reportingSection(ctx: RenderContext): Clause[] {
  const clauses: Clause[] = [];
  for (const r of ctx.bundle.reporting) {
    for (const report of r.reports) {
      const levels = listAnd(
        report.objectives.map((name) => quoted(titleOf(ctx.objectives.get(name) ?? { name, title: null })).text),
      );
      const what = report.objectives.length
        ? raw(`on ${report.objectives.length === 1 ? "the service level" : "the service levels"} ${levels}`)
        : raw("on the service levels");
      const frequency = report.frequency ? md` ${FREQUENCY_WORD[report.frequency]}` : raw("");
      const within =
        report.within && report.frequency
          ? md`, within ${formatDuration(report.within)} after the end of each ${FREQUENCY_PERIOD[report.frequency]}`
          : report.within
            ? md`, within ${formatDuration(report.within)} after the end of each reporting period`
            : raw("");
      clauses.push(
        headed(
          md`${titleOf(r)}`,
          md`${raw(capitalise(ctx.theProvider().text))} shall report to ${ctx.theCustomer()}${frequency} ${what}${within}.`,
        ),
      );
    }
    if (r.review) {
      const whose = ctx.singleProvider() ? ctx.theProvider() : raw("each provider");
      const text = md`The Parties shall meet ${FREQUENCY_WORD[r.review]} to review the performance of ${whose} against the service levels.`;
      if (r.reports.length === 0) clauses.push(headed(md`${titleOf(r)}`, text));
      else clauses.push(clause(text));
    }
  }
  return clauses;
}
