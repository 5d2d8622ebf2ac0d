/** Support: response and resolution times per severity, and how tickets are counted. */
import type { BundleSupport } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause, table } from "../document.ts";
import { md, raw } from "../escape.ts";
import { capitalise, formatDuration, formatPercent, perWindow } from "../format.ts";
import { DASH, titleOf } from "../phrases.ts";
import { forEachText, unitsClause } from "./units.ts";

export function supportSection(ctx: RenderContext): Clause[] {
  const support = ctx.bundle.objectives.filter((o) => o.support);
  if (support.length === 0) return [];
  const withService = ctx.bundle.services.length > 1;
  const head = [
    raw("Service level"),
    ...(withService ? [raw("Service")] : []),
    raw("Severity"),
    raw("Description"),
    raw("Response within"),
    raw("Resolution within"),
    raw("Required performance"),
  ];
  const rows = support.map((o) => {
    const s = o.support!;
    const time = (t: BundleSupport["response"]) =>
      t
        ? md`${formatDuration(t.within)}${raw(t.start === "acknowledgement" ? " from acknowledgement" : "")}, ${ctx.hours(t.during)}`
        : DASH;
    return [
      md`${titleOf(o)}`,
      ...(withService ? [o.service ? ctx.service(o.service) : DASH] : []),
      s.severity === null ? raw("any") : md`${String(s.severity)}`,
      s.description ? md`${s.description}` : DASH,
      time(s.response),
      time(s.resolution),
      s.share
        ? md`${s.share.comparator} ${formatPercent(s.share.percent)} of tickets ${perWindow(s.share.window)}${forEachText(o)}`
        : DASH,
    ];
  });
  const anySeverity = support.some((o) => o.support!.severity === null)
    ? ' (for a service level whose severity is "any", over every ticket of its service, whatever its severity)'
    : "";
  const opened = support.some((o) => o.support!.resolution?.start === "acknowledgement")
    ? `Each time runs from when the ticket is opened, except a time marked "from acknowledgement", which runs from when ${ctx.theProvider().text} acknowledges the ticket; a ticket to which such a time applies and which ${ctx.theProvider().text} has not acknowledged is not on time.`
    : "Each time runs from when the ticket is opened.";
  const units = unitsClause(support, "tickets");
  return [
    clause(
      md`${raw(capitalise(ctx.theProvider().text))} shall respond to and resolve support tickets within the following times:`,
      table(head, rows),
    ),
    clause(
      raw(
        `${opened} A time marked "at any time" runs continuously; a time marked "during" a calendar runs only within the hours of that calendar, excluding its holidays. A ticket meets its service level only if both its response and its resolution are on time; a ticket that has not been responded to or resolved is not on time. The required performance is measured over the tickets of that severity opened in the Measurement Period${anySeverity}; a Measurement Period in which no such ticket is opened meets it.`,
      ),
    ),
    ...(units ? [units] : []),
  ];
}
