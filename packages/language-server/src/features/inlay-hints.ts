/**
 * Inlay hints: beside each availability target, the downtime it allows, e.g. `≈ 43m 12s/30 d`
 * after `target at least 99.9% per calendar month` (≈ because months differ in length; the tooltip
 * lists every length). Figures come from the contract model (analysis/contract.ts).
 */
import { declarationsOf } from "@sla/language";
import { type InlayHint, InlayHintKind, type InlayHintParams, MarkupKind } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { availabilityTarget, budgetTable, typicalBudget } from "../analysis/contract.ts";
import { toLspPosition } from "../workspace/text.ts";
import { locate } from "./locate.ts";

export function inlayHints(context: ServerContext, params: InlayHintParams): InlayHint[] {
  const located = locate(context, params.textDocument.uri);
  if (!located) return [];
  const program = context.workspace.program(located.uri);
  const file = program.files.get(located.uri);
  if (!file) return [];
  const from = params.range ? located.view.offsetAt(params.range.start) : 0;
  const to = params.range ? located.view.offsetAt(params.range.end) : located.view.text.length;
  const hints: InlayHint[] = [];
  for (const declaration of declarationsOf(file.parsed.file)) {
    if (declaration.kind !== "objective") continue;
    if (declaration.range.end.offset < from || declaration.range.start.offset > to) continue;
    const availability = availabilityTarget(program, declaration);
    if (!availability) continue;
    const budget = typicalBudget(availability);
    const strict = availability.target.comparator?.op === "above";
    const sign = availability.budgets.length > 1 ? "≈" : strict ? "<" : "≤";
    const least = availability.budgets[0];
    const most = availability.budgets[availability.budgets.length - 1];
    // on a calendar, the budget depends on each window's scheduled time: its range over the term
    const label = availability.scheduled
      ? `${strict ? "<" : "≤"} ${least.text}${most === least ? "" : `–${most.text}`} (scheduled time)`
      : `${sign} ${budget.text}/${budget.days} d`;
    hints.push({
      position: toLspPosition(availability.target.range.end),
      label,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: `Downtime allowed by this target:\n\n${budgetTable(availability)}` },
    });
  }
  return hints;
}
