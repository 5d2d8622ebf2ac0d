/** Exclusions: what is not Downtime, per service and per service level, and late maintenance. */
import type { BundleExclusion } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause, listClause } from "../document.ts";
import { join, type Markdown, md, raw } from "../escape.ts";
import { capitalise, formatDuration, inWindow, perWindow } from "../format.ts";
import { measuresDowntime, ownExclusions } from "../questions.ts";

export function exclusionsSection(ctx: RenderContext): Clause[] {
  const clauses: Clause[] = [];
  for (const s of ctx.bundle.services) {
    if (s.exclusions.length === 0) continue;
    const items = s.exclusions.map((e) => exclusionItem(e, ctx.party(s.customer, "customer"), ctx));
    const one = items.length === 1;
    const lead = measuresDowntime(ctx.bundle)
      ? md`The following ${one ? "is" : "are"} not Downtime of ${ctx.service(s.name)} and ${one ? "is" : "are"} disregarded in measuring its service levels:`
      : md`The following ${one ? "is" : "are"} disregarded in measuring the service levels of ${ctx.service(s.name)}:`;
    clauses.push(listClause(lead, items));
    const late = lateMaintenance(s.exclusions);
    if (late.length) clauses.push(clause(join(late, " ")));
  }
  for (const o of ctx.bundle.objectives) {
    const own = ownExclusions(ctx.bundle, o);
    if (own.length === 0) continue;
    const one = own.length === 1;
    clauses.push(
      listClause(
        md`For ${ctx.objective(o.name)} only, the following ${one ? "is" : "are"} also disregarded:`,
        own.map((e) => exclusionItem(e, ctx.partyFor(o.name, "customer"), ctx)),
      ),
    );
    const late = lateMaintenance(own);
    if (late.length) clauses.push(clause(join(late, " ")));
  }
  return clauses;
}

function exclusionItem(e: BundleExclusion, customer: Markdown, ctx: RenderContext): Markdown {
  switch (e.cause) {
    case "maintenance": {
      const conditions: Markdown[] = [];
      if (e.notice) conditions.push(md`announced to ${customer} at least ${formatDuration(e.notice)} before it starts`);
      if (e.allowance) {
        conditions.push(
          md`up to ${formatDuration(e.allowance.duration)} ${perWindow(e.allowance.window)} in total, counted in order of start`,
        );
      }
      return conditions.length
        ? md`Scheduled Maintenance, that is, maintenance ${join(conditions, ", ")}`
        : raw("Scheduled Maintenance, that is, any maintenance");
    }
    case "customer":
      return md`${ctx.customerCausedTerm()}s`;
    case "force majeure":
      return raw("outages caused by a Force Majeure Event");
  }
  return md`${String(e.cause)}`;
}

/** Maintenance outside its notice or allowance counts as Downtime. */
function lateMaintenance(exclusions: BundleExclusion[]): Markdown[] {
  const out: Markdown[] = [];
  for (const e of exclusions) {
    if (e.cause !== "maintenance") continue;
    const parts: Markdown[] = [];
    if (e.notice) parts.push(md`maintenance announced less than ${formatDuration(e.notice)} before it starts`);
    if (e.allowance)
      parts.push(md`maintenance in excess of ${formatDuration(e.allowance.duration)} ${inWindow(e.allowance.window)}`);
    if (parts.length === 1) out.push(md`${raw(capitalise(parts[0].text))} counts as Downtime.`);
    if (parts.length === 2) out.push(md`${raw(capitalise(parts[0].text))}, and ${parts[1]}, count as Downtime.`);
  }
  return out;
}
