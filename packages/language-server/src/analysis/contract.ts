/**
 * Facts about declarations that hovers and inlay hints show: the downtime an availability target
 * allows (from the budget module, the same numbers the checker and the rendered contract use), and
 * a remedy's credit tiers as written.
 */
import {
  type CheckedProgram,
  type Declaration,
  type DowntimeBudget,
  downtimeBudgets,
  type ObjectiveDeclaration,
  propertyOf,
  type Range,
  type RemedyDeclaration,
  type TargetProperty,
  windowLengthLabel,
} from "@sla/language";
import { escapeCell, escapeInline } from "@sla/compiler";

export interface AvailabilityTarget {
  target: TargetProperty;
  /** The exact decimal text of the percentage. */
  percent: string;
  budgets: DowntimeBudget[];
}

/** The objective's target when it is a percentage on an availability metric, with the downtime it allows. */
export function availabilityTarget(
  program: CheckedProgram,
  objective: ObjectiveDeclaration,
): AvailabilityTarget | undefined {
  const target = propertyOf(objective, "target");
  if (target?.value?.kind !== "Percentage" || !target.window) return undefined;
  if (target.comparator && target.comparator.op !== "at least" && target.comparator.op !== "above") return undefined;
  const metricName = propertyOf(objective, "metric")?.metric?.text;
  const metric = metricName ? program.symbols.get(metricName) : undefined;
  if (metric?.declaration.kind !== "metric") return undefined;
  if (propertyOf(metric.declaration, "type")?.type !== "availability") return undefined;
  // TODO(rolling): the budget module takes a rolling window's length in days; pass it once a
  // shared `rollingDays(window)` is exported (the checker and compiler each have one).
  if (target.window.period === "rolling") return undefined;
  try {
    const budgets = downtimeBudgets(target.value.value, target.window.period);
    return budgets.length > 0 ? { target, percent: target.value.value, budgets } : undefined;
  } catch {
    return undefined; // a percentage outside 0–100: the checker reports it
  }
}

/** A Markdown table of the downtime each window length allows. */
export function budgetTable(availability: AvailabilityTarget): string {
  const { target, budgets } = availability;
  const strict = target.comparator?.op === "above";
  const rows = budgets.map(
    (b) => `| ${windowLengthLabel(target.window!.period, b.days)} | ${strict ? "less than " : ""}${b.text} |`,
  );
  return [`| window | downtime allowed |`, `| --- | --- |`, ...rows].join("\n");
}

/** The budget for the most common window length: a 30-day month, a 91-day quarter, a 365-day year. */
export function typicalBudget(availability: AvailabilityTarget): DowntimeBudget {
  const { budgets } = availability;
  const typical = budgets.find((b) => b.days === 30 || b.days === 91 || b.days === 365);
  return typical ?? budgets[budgets.length - 1];
}

function source(text: string, range: Range | undefined): string {
  return range ? text.slice(range.start.offset, range.end.offset).replace(/\s+/g, " ").trim() : "";
}

/** A remedy's credit tiers (and cap) as a Markdown table, in the contract's own words. */
export function tierTable(remedy: RemedyDeclaration, text: string): string | undefined {
  const credits = remedy.properties.filter((p) => p.kind === "credit");
  if (credits.length === 0) return undefined;
  const rows = credits.map((credit) => {
    const condition = credit.condition;
    const when = !condition ? "" : condition.kind === "each breach" ? "for each breach" : source(text, condition.range);
    const amount = source(
      text,
      credit.percentage && credit.basis
        ? { start: credit.percentage.range.start, end: credit.basis.range.end }
        : credit.percentage?.range,
    );
    return `| ${escapeCell(when.replace(/^when /, ""))} | ${escapeCell(amount)} |`;
  });
  const lines = ["| when | credit |", "| --- | --- |", ...rows];
  const cap = propertyOf(remedy, "cap");
  if (cap) lines.push("", `Capped at ${escapeInline(source(text, { start: cap.keyword.end, end: cap.range.end }))}.`);
  return lines.join("\n");
}

/** The declaration of the program's file `uri` that contains `offset`. */
export function declarationAt(program: CheckedProgram, uri: string, offset: number): Declaration | undefined {
  for (const entry of program.declarations) {
    const r = entry.declaration.range;
    if (entry.uri === uri && r.start.offset <= offset && offset <= r.end.offset) return entry.declaration;
  }
  return undefined;
}
