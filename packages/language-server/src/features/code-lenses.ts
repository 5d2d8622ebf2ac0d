/**
 * Code lenses above each objective: the downtime an availability target permits (the figures of
 * the hover and the inlay hint, from the contract model), and — when the client has named an events
 * file (option `eventsFile`) — "Evaluate…", which runs the client command `sla.evaluate` with the
 * document's URI and the objective's name.
 */
import { declarationsOf, windowLengthLabel } from "@sla/language";
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { availabilityTarget, typicalBudget } from "../analysis/contract.ts";
import { toLspRange } from "../workspace/text.ts";
import { locate } from "./locate.ts";

/** The client command an "Evaluate…" lens runs, with arguments `[uri, objectiveName]`. */
export const EVALUATE_COMMAND = "sla.evaluate";

export function codeLenses(context: ServerContext, params: CodeLensParams): CodeLens[] {
  const located = locate(context, params.textDocument.uri);
  if (!located) return [];
  const program = context.workspace.program(located.uri);
  const file = program.files.get(located.uri);
  if (!file) return [];
  const lenses: CodeLens[] = [];
  for (const declaration of declarationsOf(file.parsed.file)) {
    if (declaration.kind !== "objective" || !declaration.name) continue;
    const range = toLspRange(declaration.keyword);
    const availability = availabilityTarget(program, declaration);
    if (availability) {
      const budget = typicalBudget(availability);
      const strict = availability.target.comparator?.op === "above";
      const approximate = availability.budgets.length > 1 ? "about " : "";
      const window = windowLengthLabel(availability.target.window.period, budget.days);
      const least = availability.budgets[0];
      const most = availability.budgets[availability.budgets.length - 1];
      // on a calendar the budget follows each window's scheduled time: its range over the term
      const amount = availability.scheduled
        ? `${least.text}${most === least ? "" : ` to ${most.text}`} (on scheduled time)`
        : `${approximate}${budget.text} per ${window}`;
      lenses.push({
        range,
        command: {
          title: `Permitted downtime: ${strict ? "less than " : ""}${amount}`,
          command: "",
        },
      });
    }
    if (context.options.eventsFile) {
      lenses.push({
        range,
        command: {
          title: "Evaluate…",
          tooltip: `Evaluate the contract against ${context.options.eventsFile} and show the report`,
          command: EVALUATE_COMMAND,
          arguments: [located.uri, declaration.name.text],
        },
      });
    }
  }
  return lenses;
}
