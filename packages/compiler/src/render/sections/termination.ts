/** Termination rights: repeated breaches let the customer end the agreement. */
import type { RenderContext } from "../context.ts";
import { type Clause, headed } from "../document.ts";
import { md, raw } from "../escape.ts";
import { formatDuration, pluralWindowNoun, possessive } from "../format.ts";
import { titleOf } from "../phrases.ts";

export function terminationSection(ctx: RenderContext): Clause[] {
  return ctx.bundle.remedies
    .filter((r) => r.termination)
    .map((r) => {
      const t = r.termination!;
      const objective = ctx.objectiveNamed(r.objective);
      const periods = objective ? pluralWindowNoun(objective.window) : "Measurement Periods";
      const notice = r.notice ? md`by giving at least ${possessive(r.notice)} notice` : raw("by notice");
      // counted from the window that completes the breaches, as the engine gives the right
      const lapse = r.exerciseWithin
        ? md` This right lapses unless it is exercised within ${formatDuration(r.exerciseWithin)} after the end of the last of those ${periods}.`
        : raw("");
      return headed(
        md`${titleOf(r)}`,
        md`If ${ctx.objective(r.objective)} is breached in ${String(t.breaches)} ${periods} ending within any period of ${formatDuration(t.within)}, ${ctx.partyFor(r.objective, "customer")} may terminate this ${ctx.documentTerm()} ${notice} to ${ctx.partyFor(r.objective, "provider")}.${lapse}`,
      );
    });
}
