/** Incentives: bonuses the customer pays for sustained performance, and their cap. */
import type { BundleIncentive } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { appendSentences, type Block, type Clause, paragraph, table } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { capitalise, formatPercent, pluralWindowNoun, windowNoun } from "../format.ts";
import { capWindow, feeOf, targetText, titleOf } from "../phrases.ts";

export function incentivesSection(ctx: RenderContext): Clause[] {
  return ctx.bundle.incentives.filter((i) => i.bonuses.length > 0).map((i) => incentiveClause(ctx, i));
}

function incentiveClause(ctx: RenderContext, i: BundleIncentive): Clause {
  const objective = ctx.objectiveNamed(i.objective);
  const measure = ctx.theMeasure(objective);
  const window = objective?.window;
  const noun = window ? windowNoun(window) : "Measurement Period";
  const nouns = window ? pluralWindowNoun(window) : "Measurement Periods";
  const condition = (b: BundleIncentive["bonuses"][number]) => {
    const target = targetText(b.comparator, b.value);
    if (b.consecutiveWindows <= 1) return md`for each ${noun} in which ${measure} is ${target}`;
    const before = b.consecutiveWindows - 1;
    const preceding =
      before === 1 ? md`in the preceding ${noun}` : md`in each of the ${String(before)} preceding ${nouns}`;
    return md`for each ${noun} in which ${measure} is ${target}, provided that it was also ${target} ${preceding}`;
  };
  const payer = ctx.partyFor(i.objective, "customer");
  const payee = ctx.partyFor(i.objective, "provider");
  const blocks: Block[] = [];
  const sentences: Markdown[] = [];
  if (i.bonuses.length === 1) {
    const b = i.bonuses[0];
    blocks.push(
      paragraph(
        md`Under ${ctx.objective(i.objective)}, ${payer} shall pay ${payee} a bonus of ${formatPercent(b.percent)} of ${feeOf(b.basis)} ${condition(b)}.`,
      ),
    );
  } else {
    blocks.push(
      paragraph(md`Under ${ctx.objective(i.objective)}, ${payer} shall pay ${payee} the following bonus:`),
      table(
        [raw("Condition"), raw("Bonus")],
        i.bonuses.map((b) => [
          md`${raw(capitalise(condition(b).text))}`,
          md`${formatPercent(b.percent)} of ${feeOf(b.basis)}`,
        ]),
      ),
    );
    sentences.push(
      raw("Bonuses under this clause are not cumulative: only the single largest one that applies is paid."),
    );
  }
  if (i.cap) {
    sentences.push(
      md`Bonuses under this clause shall not exceed ${formatPercent(i.cap.percent)} of ${feeOf(i.cap.basis)} ${capWindow(i.cap.window)}.`,
    );
  }
  appendSentences(blocks, sentences);
  return { heading: md`${titleOf(i)}`, blocks };
}
