/** Service credits: each remedy's credit table or per-breach credit, cap, claim period, sole remedy. */
import type { BundleCredit, BundleRemedy } from "../../bundle-types.ts";
import type { RenderContext } from "../context.ts";
import {
  appendSentences,
  type Block,
  type Clause,
  clause,
  paragraph,
  type SectionKey,
  type SectionRef,
  table,
} from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";
import { capitalise, formatDuration, formatMoney, formatPercent, inWindow, listAnd } from "../format.ts";
import { capWindow, feeOf, targetText, titleOf } from "../phrases.ts";

/** The remedies this section has a clause for. */
export function creditRemedies(ctx: RenderContext): BundleRemedy[] {
  return ctx.bundle.remedies.filter((r) => r.credits.length > 0);
}

export function creditsSection(ctx: RenderContext, ref: SectionRef): Clause[] {
  const clauses: Clause[] = creditRemedies(ctx).map((r) => creditClause(ctx, r, ref));
  if (clauses.length) {
    clauses.push(...serviceCaps(ctx));
    clauses.push(clause(raw(roundingRule(creditRemedies(ctx).flatMap((r) => r.credits)))));
  }
  return clauses;
}

/** `cap all credits at …` on a service: one clause for each service whose objectives have credits. */
function serviceCaps(ctx: RenderContext): Clause[] {
  const credited = new Set(creditRemedies(ctx).map((r) => ctx.objectiveNamed(r.objective)?.service ?? null));
  return ctx.bundle.services
    .filter((s) => s.creditCap && credited.has(s.name))
    .map((s) => {
      const cap = s.creditCap!;
      return clause(
        md`All Service Credits for ${ctx.service(s.name)}, under every clause together, shall not exceed ${formatPercent(cap.percent)} of ${feeOf(cap.basis)} ${capWindow(cap.window)}, after each clause's own limit and minimum. They count towards this limit in the order in which their Measurement Periods end, and in the order of these clauses for periods that end together.`,
      );
    });
}

const PERCENT_RULE = "the stated percentage of the stated fee, rounded half up to the smallest unit of the currency";

/** How a Service Credit's amount is worked out, for the kinds of credit the contract has. */
function roundingRule(credits: readonly BundleCredit[]): string {
  const fixed = credits.filter((c) => "amount" in c).length;
  if (fixed === 0) return `Each Service Credit is ${PERCENT_RULE}.`;
  if (fixed === credits.length) return "Each Service Credit is the stated amount.";
  return `Each Service Credit stated as a percentage is ${PERCENT_RULE}; one stated as an amount is that amount.`;
}

/** `1 to 2`, `5 or more`, `3`. */
function timesText(c: { least: number; most: number | null }): string {
  if (c.most === null) return `${c.least} or more`;
  return c.most === c.least ? `${c.least}` : `${c.least} to ${c.most}`;
}

/** What a credit gives: `10% of the Monthly Fee` or `USD 500.00`. */
function creditGiven(c: BundleCredit): Markdown {
  return "amount" in c
    ? md`${formatMoney(c.amount.amount, c.amount.currency)}`
    : md`${formatPercent(c.percent)} of ${feeOf(c.basis)}`;
}

/** Published tables' words for a band's bounds: "less than 99.99% but at least 99.0%". */
const BAND_WORDS: Record<BandBound["comparator"], string> = {
  below: "less than",
  above: "more than",
  "at least": "at least",
  "at most": "at most",
};

function bandText(first: BandBound, second: BandBound): Markdown {
  return md`${targetText(BAND_WORDS[first.comparator], first.value)} but ${targetText(BAND_WORDS[second.comparator], second.value)}`;
}

type BandBound = Pick<Extract<BundleCredit["condition"], { kind: "threshold" }>, "comparator" | "value">;

function creditClause(ctx: RenderContext, r: BundleRemedy, ref: SectionRef): Clause {
  const objective = ctx.objectiveNamed(r.objective);
  const window = objective?.window ?? null;
  // a level held for each unit is credited unit by unit: the sentence says so where it names the period
  const eachUnit = objective?.forEach ? md`, for each ${objective.forEach},` : raw("");
  const inPeriod = window ? md`${inWindow(window)}` : raw("in a Measurement Period");
  const period = md`${inPeriod}${eachUnit}`;
  const thresholds = r.credits.filter(
    (c): c is BundleCredit & { condition: { kind: "threshold" } } => c.condition.kind === "threshold",
  );
  const each = r.credits.filter((c) => c.condition.kind === "each breach");
  const provider = ctx.partyFor(r.objective, "provider");
  const customer = ctx.partyFor(r.objective, "customer");
  const blocks: Block[] = [];
  const sentences: Markdown[] = [];
  if (thresholds.length) {
    const measure = ctx.measure(objective);
    blocks.push(
      paragraph(
        md`If ${ctx.theMeasure(objective)} for ${ctx.objective(r.objective)} ${period} is as shown below, ${provider} shall give ${customer} the Service Credit shown:`,
      ),
      table(
        [md`${raw(capitalise(measure.text))} ${inPeriod}`, raw("Service Credit")],
        thresholds.map((c) => [
          c.condition.bound
            ? bandText(c.condition, c.condition.bound)
            : targetText(c.condition.comparator, c.condition.value),
          creditGiven(c),
        ]),
      ),
    );
  }
  const bands = r.credits.filter(
    (c): c is BundleCredit & { condition: { kind: "breaches" } } => c.condition.kind === "breaches",
  );
  for (const per of new Set(bands.map((c) => c.condition.window.text))) {
    const rows = bands.filter((c) => c.condition.window.text === per);
    const within = md`${inWindow(rows[0].condition.window)}`;
    blocks.push(
      paragraph(
        md`If ${ctx.objective(r.objective)} is breached in as many Measurement Periods ${within} as shown below, ${provider} shall give ${customer} the Service Credit shown, once for that period:`,
      ),
      table(
        [md`Measurement Periods breached ${within}`, raw("Service Credit")],
        rows.map((c) => [raw(timesText(c.condition)), creditGiven(c)]),
      ),
    );
  }
  for (const c of each) {
    const text = md`${raw(capitalise(provider.text))} shall give ${customer} a Service Credit of ${creditGiven(c)} for each breach of ${ctx.objective(r.objective)} ${period}.`;
    if (blocks.length === 0) blocks.push(paragraph(text));
    else sentences.push(text);
  }
  for (const c of r.credits) {
    if (c.condition.kind !== "each unit") continue;
    const { unit, rounding, beyondAllowance } = c.condition;
    const per =
      rounding === "full"
        ? md`each full period of ${formatDuration(unit)} of Downtime`
        : md`each period of ${formatDuration(unit)} of Downtime, or part of one,`;
    const beyond = beyondAllowance ? md` beyond the Downtime that ${ctx.objective(r.objective)} allows` : raw("");
    const text = md`${raw(capitalise(provider.text))} shall give ${customer} a Service Credit of ${creditGiven(c)} for ${per}${beyond} ${period}.`;
    if (blocks.length === 0) blocks.push(paragraph(text));
    else sentences.push(text);
  }
  // "Service Credits under this clause" the first time, "These Service Credits" after.
  let named = false;
  const these = () => {
    const text = named ? "These Service Credits" : "Service Credits under this clause";
    named = true;
    return raw(text);
  };
  if (r.credits.length > 1) {
    sentences.push(
      r.cumulative
        ? md`${these()} are cumulative: every one that applies is given, and they are added together.`
        : md`${these()} are not cumulative: only the single largest one that applies is given.`,
    );
  }
  if (r.cap) {
    sentences.push(
      md`${these()} shall not exceed ${formatPercent(r.cap.percent)} of ${feeOf(r.cap.basis)} ${capWindow(r.cap.window)}.`,
    );
  }
  if (r.minimumCredit) {
    const least = formatMoney(r.minimumCredit.amount, r.minimumCredit.currency);
    sentences.push(
      md`A Service Credit under this clause that comes to less than ${least}${raw(r.cap ? " after that limit" : "")} is not given.`,
    );
  }
  if (r.claimWithin) {
    sentences.push(
      md`To receive a Service Credit under this clause, ${customer} must claim it within ${formatDuration(r.claimWithin)} after the end of the Measurement Period to which it relates.`,
    );
    named = true;
  }
  if (r.soleRemedy) {
    const others = ctx.bundle.remedies.filter(
      (x) => x !== r && x.objective === r.objective && (x.termination || x.actions.length),
    );
    const keys: SectionKey[] = [];
    if (others.some((x) => x.actions.length)) keys.push("actions");
    if (others.some((x) => x.termination)) keys.push("termination");
    const without = keys.length
      ? md`Without prejudice to clause${keys.length > 1 ? "s" : ""} ${raw(listAnd(keys.map((k) => ref(k).text)))}, `
      : raw("");
    sentences.push(
      md`${without}${raw(without.text ? these().text.replace(/^These/, "these") : these().text)} are ${customer}${raw("'s")} sole and exclusive remedy for any failure to meet ${ctx.objective(r.objective)}.`,
    );
  }
  appendSentences(blocks, sentences);
  return { heading: md`${titleOf(r)}`, blocks };
}
