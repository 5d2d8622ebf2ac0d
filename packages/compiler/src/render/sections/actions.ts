/** Corrective actions: what the provider delivers after each breach. */
import type { RenderContext } from "../context.ts";
import { type Clause, lettered, paragraph } from "../document.ts";
import { md } from "../escape.ts";
import { formatDuration } from "../format.ts";
import { titleOf } from "../phrases.ts";

export function actionsSection(ctx: RenderContext): Clause[] {
  return ctx.bundle.remedies
    .filter((r) => r.actions.length > 0)
    .map((r) => ({
      heading: md`${titleOf(r)}`,
      blocks: [
        paragraph(
          md`After each breach of ${ctx.objective(r.objective)}, ${ctx.partyFor(r.objective, "provider")} shall deliver to ${ctx.partyFor(r.objective, "customer")}:`,
        ),
        ...lettered(
          r.actions.map((a) =>
            a.within ? md`${a.description}, within ${formatDuration(a.within)} of the breach` : md`${a.description}`,
          ),
        ),
      ],
    }));
}
