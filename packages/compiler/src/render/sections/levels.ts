/** The service levels: the table of targets and the Downtime each permits in a Measurement Period. */
import { downtimeShare } from "@sla/language";
import type { BundleObjective } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { type Clause, clause, table } from "../document.ts";
import { join, type Markdown, md, raw } from "../escape.ts";
import {
  capitalise,
  formatDuration,
  formatHours,
  formatSeconds,
  perWindow,
  windowLabelText,
  windowLength,
  windowNoun,
} from "../format.ts";
import { DASH, targetText, titleOf } from "../phrases.ts";
import { forEachText, unitsClause } from "./units.ts";

export function levelsSection(ctx: RenderContext): Clause[] {
  const levels = ctx.bundle.objectives.filter((o) => o.target || o.maxOutagePerIncident || o.maxTotalOutage);
  if (levels.length === 0) return [];
  const withService = ctx.bundle.services.length > 1;
  const head = [
    raw("Service level"),
    ...(withService ? [raw("Service")] : []),
    raw("Measure"),
    raw("Target"),
    raw("Measurement Period"),
    raw("Permitted Downtime"),
  ];
  const rows = levels.map((o) => {
    const targets: Markdown[] = [];
    if (o.target)
      targets.push(md`${targetText(o.target.comparator, o.target.value)}${targetHours(ctx, o)}${forEachText(o)}`);
    if (o.maxOutagePerIncident) {
      targets.push(md`no incident of Downtime longer than ${formatDuration(o.maxOutagePerIncident.duration)}`);
    }
    if (o.maxTotalOutage) {
      targets.push(
        md`total Downtime of at most ${formatDuration(o.maxTotalOutage.duration)} ${perWindow(o.maxTotalOutage.window)}`,
      );
    }
    const metric = o.metric === null ? undefined : ctx.metrics.get(o.metric);
    const measure = metric ? md`${titleOf(metric)}` : o.target ? raw("—") : raw("Downtime");
    return [
      md`${titleOf(o)}`,
      ...(withService
        ? [o.service ? md`${titleOf(ctx.services.get(o.service) ?? { name: o.service, title: null })}` : DASH]
        : []),
      measure,
      o.target ? join(targets, "; ") : md`${join(targets, "; ")}${forEachText(o)}`,
      md`${capitalise(windowNoun(o.window))}`,
      permittedDowntime(o),
    ];
  });
  const clauses: Clause[] = [
    clause(md`${raw(capitalise(ctx.theProvider().text))} shall meet the following service levels:`, table(head, rows)),
  ];
  const scopes = new Set(levels.flatMap((o) => (o.hours ? [o.hours.scope] : [])));
  if (scopes.size) clauses.push(targetHoursClause(scopes));
  const units = unitsClause(levels, "Downtime and measurements");
  if (units) clauses.push(units);
  const onCalendar = levels.filter((o) => o.budgets.some((b) => b.window !== undefined) && o.target);
  const budgeted = levels.filter((o) => o.budgets.length > 0 && o.target && !onCalendar.includes(o));
  if (onCalendar.length) clauses.push(scheduledBudgetClause(ctx, onCalendar));
  if (budgeted.length) clauses.push(budgetClause(budgeted));
  return clauses;
}

/** ` during Support Hours`: a target's own hours, after its level. */
function targetHours(ctx: RenderContext, o: BundleObjective): Markdown {
  return o.hours ? md` ${o.hours.scope} ${ctx.calendar(o.hours.calendar)}` : raw("");
}

/** What Scheduled Time is for a service level with its own hours, for the scopes the contract uses. */
function targetHoursClause(scopes: ReadonlySet<"during" | "outside">): Clause {
  const during = 'A service level stated "during" certain hours counts only the Service Hours within those hours';
  const outside = scopes.has("during")
    ? ', and one stated "outside" certain hours only the Service Hours not within them'
    : 'A service level stated "outside" certain hours counts only the Service Hours not within those hours';
  const opening = (scopes.has("during") ? during : "") + (scopes.has("outside") ? outside : "");
  return clause(
    raw(
      `${opening}: for that service level, Scheduled Time is that part of the Service Hours, and Downtime outside it does not count.`,
    ),
  );
}

/** Budgets of service levels on round-the-clock hours: one row per possible length of the period. */
function budgetClause(objectives: BundleObjective[]): Clause {
  const rows: Markdown[][] = [];
  for (const o of objectives) {
    const strict = o.target!.comparator === "above";
    for (const b of o.budgets) {
      rows.push([
        md`${titleOf(o)}`,
        targetText(o.target!.comparator, o.target!.value),
        md`${capitalise(windowLength(o.window, b.days))}`,
        md`${strict ? "less than " : ""}${formatSeconds(b.seconds, b.text)}`,
      ]);
    }
  }
  const clockDays = objectives.some((o) => o.window.period === "calendar day")
    ? " (a calendar day on which the clocks change permits the same share of its 23 or 25 hours)"
    : "";
  return clause(
    raw(
      `An availability target permits the following Downtime in a Measurement Period, depending on the length of the period${clockDays}:`,
    ),
    table([raw("Service level"), raw("Target"), raw("Measurement Period"), raw("Permitted Downtime")], rows),
  );
}

/**
 * Budgets of service levels whose Service Hours follow a calendar: the rule on Scheduled Time, and
 * the periods of the term with the least and the most of it, so a reader can check each figure.
 */
function scheduledBudgetClause(ctx: RenderContext, objectives: BundleObjective[]): Clause {
  const rows: Markdown[][] = [];
  for (const o of objectives) {
    const strict = o.target!.comparator === "above" ? "less than " : "";
    o.budgets.forEach((b, i) => {
      const which = o.budgets.length === 1 ? "every period" : i === 0 ? "least" : "most";
      rows.push([
        md`${titleOf(o)}`,
        budgetRule(o),
        md`${windowLabelText(b.window ?? "")} (${which})`,
        md`${formatHours(b.scheduled ?? "0")}`,
        md`${strict}${formatSeconds(b.seconds, b.text)}`,
      ]);
    });
  }
  // the same span as the compiler's budgets (referenceSpan): the term, else a 28-year cycle
  const over = ctx.bundle.agreement?.effective
    ? "The Measurement Periods of the term with the least and the most Scheduled Time are:"
    : `As this ${ctx.documentTerm()} states no effective date, the Measurement Periods with the least and the most Scheduled Time are taken from a full 28-year cycle of weekdays and leap years:`;
  const where = objectives.some((o) => o.hours)
    ? "Where the Service Hours follow a calendar, or a service level counts only certain hours,"
    : "Where the Service Hours follow a calendar,";
  return clause(
    raw(
      `${where} the Permitted Downtime in a Measurement Period is the Scheduled Time in that period multiplied by the share of it that the target leaves (0.1% for a target of 99.9%), calculated exactly. ${over}`,
    ),
    table(
      [
        raw("Service level"),
        raw("Permitted Downtime"),
        raw("Measurement Period"),
        raw("Scheduled Time"),
        raw("Permitted Downtime in it"),
      ],
      rows,
    ),
  );
}

/** `(Scheduled Time in the calendar month) × 0.1%`. */
function budgetRule(o: BundleObjective): Markdown {
  const share = o.target ? downtimeShare(o.target.value.value) : "";
  return md`(Scheduled Time in the ${windowNoun(o.window)}) × ${share}`;
}

function permittedDowntime(o: BundleObjective): Markdown {
  const parts: Markdown[] = [];
  const strict = o.target?.comparator === "above" ? "less than " : "";
  if (o.budgets.some((b) => b.window !== undefined)) {
    const first = o.budgets[0];
    const last = o.budgets[o.budgets.length - 1];
    const range =
      o.budgets.length === 1
        ? md`${strict}${formatSeconds(first.seconds, first.text)}`
        : md`${strict}${formatSeconds(first.seconds, first.text)} (${windowLabelText(first.window ?? "")}) to ${formatSeconds(last.seconds, last.text)} (${windowLabelText(last.window ?? "")})`;
    parts.push(md`${budgetRule(o)}: ${range}`);
  } else if (o.budgets.length === 1) {
    const b = o.budgets[0];
    parts.push(md`${strict}${formatSeconds(b.seconds, b.text)}`);
  } else if (o.budgets.length > 1) {
    const first = o.budgets[0];
    const last = o.budgets[o.budgets.length - 1];
    parts.push(
      md`${strict}${formatSeconds(first.seconds, first.text)} (${windowLength(o.window, first.days)}) to ${formatSeconds(last.seconds, last.text)} (${windowLength(o.window, last.days)})`,
    );
  }
  if (o.maxTotalOutage) {
    parts.push(md`${formatDuration(o.maxTotalOutage.duration)} ${perWindow(o.maxTotalOutage.window)}`);
  }
  return parts.length ? join(parts, "; ") : DASH;
}
