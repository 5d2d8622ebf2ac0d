/**
 * Facts about declarations that hovers, inlay hints and code lenses show, read from the contract
 * model: the downtime an availability target allows (the model's budgets — the numbers the rule
 * bundle, the rendered contract and the engine use, on the scheduled time of the service's hours,
 * for every kind of window including `per rolling N days`), and a remedy's credit tiers as written.
 */
import {
  type Budget,
  type CheckedProgram,
  contractModel,
  type Declaration,
  downtimeShare,
  type ObjectiveDeclaration,
  propertyOf,
  type Range,
  type RemedyDeclaration,
  type TargetProperty,
  windowLengthLabel,
} from "@sla/language";
import { escapeCell, escapeInline } from "@sla/compiler";

export interface AvailabilityTarget {
  target: TargetProperty & { window: NonNullable<TargetProperty["window"]> };
  /** The exact decimal text of the percentage. */
  percent: string;
  budgets: readonly Budget[];
  /** The service runs on a calendar: budgets are the least and most of the term's windows. */
  scheduled: boolean;
}

/** The objective's target when it is a percentage on an availability metric, with the downtime it allows. */
export function availabilityTarget(
  program: CheckedProgram,
  objective: ObjectiveDeclaration,
): AvailabilityTarget | undefined {
  const model = contractModel(program).objectiveOf(objective);
  const target = model?.goal?.property;
  if (!model?.availability || target?.kind !== "target" || target.value?.kind !== "Percentage" || !target.window)
    return undefined;
  const budgets = model.budgets;
  if (budgets.length === 0) return undefined;
  return {
    target: target as AvailabilityTarget["target"],
    percent: target.value.value,
    budgets,
    scheduled: budgets.some((b) => b.window !== undefined),
  };
}

/** `2026-02 (392 h scheduled)`. */
function scheduledLabel(b: Budget): string {
  const hours = Number(b.scheduled ?? "0") / 3600;
  return `${b.window ?? ""} (${hours} h scheduled)`;
}

/** A Markdown table of the downtime each window length allows. */
export function budgetTable(availability: AvailabilityTarget): string {
  const { target, budgets } = availability;
  const strict = target.comparator?.op === "above";
  if (availability.scheduled) {
    const rows = budgets.map(
      (b, i) =>
        `| ${escapeCell(scheduledLabel(b))}${budgets.length > 1 ? (i === 0 ? ", least" : ", most") : ""} | ${strict ? "less than " : ""}${b.text} |`,
    );
    return [
      `Scheduled time × ${downtimeShare(availability.percent)} (the service runs on a calendar):`,
      "",
      `| window | downtime allowed |`,
      `| --- | --- |`,
      ...rows,
    ].join("\n");
  }
  const rows = budgets.map(
    (b) => `| ${windowLengthLabel(target.window.period, b.days)} | ${strict ? "less than " : ""}${b.text} |`,
  );
  return [`| window | downtime allowed |`, `| --- | --- |`, ...rows].join("\n");
}

/** The budget for the most common window length: a 30-day month, a 91-day quarter, a 365-day year. */
export function typicalBudget(availability: AvailabilityTarget): Budget {
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
