/**
 * Outcome-Based Charges: each business outcome, how it is measured, and its gain-share and
 * pain-share bands as a table, with who pays whom and the cap.
 */
import type { BundleIncentive, BundleOutcome } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import { appendSentences, type Block, type Clause, paragraph, table } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { formatPercent, windowNoun } from "../format.ts";
import { capWindow, feeOf, targetText, titleOf } from "../phrases.ts";

type OutcomeIncentive = BundleIncentive & { outcome: BundleOutcome };

export function outcomeIncentives(ctx: RenderContext): OutcomeIncentive[] {
  return ctx.bundle.incentives.filter((i): i is OutcomeIncentive => i.outcome !== undefined);
}

function bandText(b: BundleOutcome["gainShare"][number]): Markdown {
  const first = targetText(b.comparator, b.value);
  return b.bound ? md`${first} but ${targetText(b.bound.comparator, b.bound.value)}` : first;
}

export function outcomesSection(ctx: RenderContext): Clause[] {
  return outcomeIncentives(ctx).map((i) => {
    const o = i.outcome;
    const customer = ctx.theCustomer();
    const provider = ctx.theProvider();
    const what = o.description ?? o.name;
    const blocks: Block[] = [
      paragraph(
        md`The outcome "${what}" is measured in each ${windowNoun(o.window)} as the percentage of the ${o.name} outcome records of that ${windowNoun(o.window)} that met it. In each ${windowNoun(o.window)} in which it falls in a band below, ${customer} shall pay ${provider} the gain share, or ${provider} shall bear the pain share as a reduction of the fee, of that band:`,
      ),
      table(
        [raw("Outcome"), raw("Gain share"), raw("Pain share")],
        [
          ...o.gainShare.map((b) => [bandText(b), md`${formatPercent(b.percent)} of ${feeOf(b.basis)}`, raw("—")]),
          ...o.painShare.map((b) => [bandText(b), raw("—"), md`${formatPercent(b.percent)} of ${feeOf(b.basis)}`]),
        ],
      ),
    ];
    const sentences: Markdown[] = [
      raw(
        "Bands are not cumulative: of the gain-share bands, and of the pain-share bands, only the single largest that applies is paid. A period without outcome records has no outcome and pays nothing.",
      ),
    ];
    if (i.cap)
      sentences.push(
        md`The gain share, and the pain share, under this clause shall each not exceed ${formatPercent(i.cap.percent)} of ${feeOf(i.cap.basis)} ${capWindow(i.cap.window)}.`,
      );
    appendSentences(blocks, sentences);
    return { heading: md`${titleOf(i)}`, blocks };
  });
}
