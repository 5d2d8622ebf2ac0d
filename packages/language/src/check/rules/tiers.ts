/**
 * Credit tiers (brief §3.4). For a remedy whose objective has a target (or a share of tickets), a
 * tier is a `credit … when <comparator> <threshold>`. Tiers are not cumulative: the largest credit
 * whose condition holds applies. So:
 *  - thresholds must be distinct (SLA5001);
 *  - ordered from the best service to the worst, credits must not fall (SLA5002);
 *  - no tier may pay for a value that meets the target (SLA5003, exact: `at least 99.9%` with
 *    `when below 99.9%` is right, `when below 99.99%` pays between 99.9% and 99.99% and is wrong);
 *    one that pays at exactly the target and at no other met value (`when at most 99.9%`) is a
 *    published form, and only a warning (SLA5010);
 *  - a band is one upper and one lower bound with some value between them (SLA5008, SLA5009);
 *  - the tier nearest the target should start where a breach starts (SLA5004, warning);
 *  - no credit should exceed the remedy's cap of the same fee (SLA5005, warning).
 */
import { durationLiteralText } from "../../budget/budget.ts";
import { type Decimal, plain, toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { DiagnosticFix, TextEdit } from "../../diagnostics/diagnostic.ts";
import type {
  CapProperty,
  Comparator,
  CreditBound,
  CreditProperty,
  DurationLiteral,
  FeePeriod,
  MoneyLiteral,
  NumberLiteral,
  PercentageLiteral,
  Range,
} from "../../syntax/ast.ts";
import { TierDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { type Goal, goalOf } from "./goals.ts";
import {
  broken,
  damaged,
  type Dimension,
  exceeds100,
  quantityOf,
  satisfies,
  serviceOf,
  textOf,
  wantsHigh,
} from "./support.ts";

type ValueLiteral = PercentageLiteral | DurationLiteral | NumberLiteral;

interface Tier {
  property: CreditProperty;
  comparator: Comparator;
  comparatorRange: Range;
  threshold: Decimal;
  literal: ValueLiteral;
  dimension: Dimension;
  /** The percentage, or the fixed amount. */
  credit: Decimal;
  creditLiteral: PercentageLiteral | MoneyLiteral;
  /** What the credit counts: a fee (`month`) or, for a fixed amount, its currency. Credits compare within one. */
  basis: FeePeriod | `money ${string}`;
  /** `when below 99.9%`, as written. */
  condition: string;
  /** A band's other bound (`but at least 99.0%`), facing the other way. */
  bound?: Bound;
}

interface Bound {
  comparator: Comparator;
  comparatorRange: Range;
  threshold: Decimal;
  literal: ValueLiteral;
}

const COMPLEMENT: Record<Comparator, Comparator> = {
  "at least": "below",
  above: "at most",
  "at most": "above",
  below: "at least",
};

const BASIS_WORDS: Record<FeePeriod, string> = { month: "monthly", quarter: "quarterly", year: "annual" };

function tiersOf(context: RuleContext, uri: string, remedy: DeclarationOf<"remedy">): Tier[] {
  const tiers: Tier[] = [];
  for (const p of remedy.properties) {
    if (p.kind !== "credit" || broken(context, p) || p.condition?.kind !== "threshold") continue;
    const size = sizeOf(p);
    if (!size) continue;
    const { comparator, threshold } = p.condition;
    if (!comparator || !threshold) continue;
    const quantity = quantityOf(threshold);
    // Thresholds and credits outside 0–100% are reported as such (SLA4001), not weighed as tiers.
    if (quantity?.dimension === "percentage" && quantity.value?.greaterThan(100)) continue;
    if (p.percentage && exceeds100(p.percentage.value)) continue;
    if (!quantity?.value) continue;
    const bound = p.condition.bound ? boundOf(p.condition.bound, quantity.dimension) : undefined;
    if (p.condition.bound && (!bound || !bandHolds(comparator.op, quantity.value, bound))) continue;
    // every field written out, in one order: a literal with a spread gets a shape of its own
    tiers.push({
      property: p,
      comparator: comparator.op,
      comparatorRange: comparator.range,
      threshold: quantity.value,
      literal: threshold,
      dimension: quantity.dimension,
      credit: size.credit,
      creditLiteral: size.creditLiteral,
      basis: size.basis,
      condition: textOf(context, uri, p.condition.range),
      bound,
    });
  }
  return tiers;
}

/** A tier's size: a percentage of a fee, or a fixed amount (compared only with amounts of its currency). */
function sizeOf(p: CreditProperty): Pick<Tier, "credit" | "creditLiteral" | "basis"> | undefined {
  if (p.amount)
    return { credit: toDecimal(p.amount.amount), creditLiteral: p.amount, basis: `money ${p.amount.currency}` };
  if (!p.percentage || !p.basis) return undefined;
  return { credit: toDecimal(p.percentage.value), creditLiteral: p.percentage, basis: p.basis.period };
}

/** A credit's figure as a message writes it: `10%`, `USD 500.00`. */
function creditText(literal: PercentageLiteral | MoneyLiteral): string {
  return literal.kind === "Money" ? `${literal.currency} ${literal.amount}` : `${literal.value}%`;
}

/** A band's second bound, if it is complete, in range and of the first bound's dimension. */
function boundOf(bound: CreditBound, dimension: Dimension): Bound | undefined {
  const quantity = bound.threshold ? quantityOf(bound.threshold) : undefined;
  if (!bound.comparator || !bound.threshold || !quantity?.value || quantity.dimension !== dimension) return undefined;
  if (quantity.dimension === "percentage" && quantity.value.greaterThan(100)) return undefined;
  return {
    comparator: bound.comparator.op,
    comparatorRange: bound.comparator.range,
    threshold: quantity.value,
    literal: bound.threshold,
  };
}

/** True when the bounds face opposite ways and some value lies between them. */
function bandHolds(comparator: Comparator, threshold: Decimal, bound: Bound): boolean {
  if (wantsHigh(comparator) === wantsHigh(bound.comparator)) return false;
  const [low, high] = wantsHigh(comparator)
    ? [
        { op: comparator, x: threshold },
        { op: bound.comparator, x: bound.threshold },
      ]
    : [
        { op: bound.comparator, x: bound.threshold },
        { op: comparator, x: threshold },
      ];
  return low.x.lessThan(high.x) || (low.x.equals(high.x) && closed(low.op) && closed(high.op));
}

/**
 * A band's primary bound is the one nearest the target, facing the way service worsens: for
 * `at least 99.9%`, `below 99.99%` of `when at least 99.0% but below 99.99%`. The others' order is kept.
 */
function oriented(tier: Tier, highIsBetter: boolean): Tier {
  const { bound } = tier;
  if (!bound || wantsHigh(tier.comparator) !== highIsBetter) return tier;
  return {
    property: tier.property,
    comparator: bound.comparator,
    comparatorRange: bound.comparatorRange,
    threshold: bound.threshold,
    literal: bound.literal,
    dimension: tier.dimension,
    credit: tier.credit,
    creditLiteral: tier.creditLiteral,
    basis: tier.basis,
    condition: tier.condition,
    bound: {
      comparator: tier.comparator,
      comparatorRange: tier.comparatorRange,
      threshold: tier.threshold,
      literal: tier.literal,
    },
  };
}

function valueText(value: Decimal, dimension: Dimension): string {
  if (dimension === "percentage") return `${plain(value)}%`;
  if (dimension === "duration") return durationLiteralText(value);
  return plain(value);
}

/**
 * A value that meets the goal and yet satisfies the tier's condition, if there is one; with
 * `besideTarget`, one other than the target value itself.
 */
function metAndPaid(goal: Goal, tier: Tier, besideTarget = false): Decimal | undefined {
  const t = goal.value;
  const x = tier.threshold;
  const candidates = [t, x, t.plus(x).div(2), maxOf(t, x).plus(1), minOf(t, x).minus(1)];
  const b = tier.bound?.threshold;
  if (b) candidates.push(b, t.plus(b).div(2), x.plus(b).div(2), maxOf(t, b).plus(1), minOf(t, b).minus(1));
  if (goal.dimension === "percentage") candidates.push(toDecimal(0), toDecimal(100));
  if (goal.dimension === "duration") candidates.push(toDecimal(0));
  for (const v of candidates) {
    if (goal.dimension === "percentage" && (v.isNegative() || v.greaterThan(100))) continue;
    if (goal.dimension === "duration" && v.isNegative()) continue;
    if (besideTarget && v.equals(t)) continue;
    const inBand = !tier.bound || satisfies(v, tier.bound.comparator, tier.bound.threshold);
    if (satisfies(v, goal.comparator, t) && satisfies(v, tier.comparator, x) && inBand) return v;
  }
  return undefined;
}

const COMPARATORS: readonly Comparator[] = ["at least", "above", "at most", "below"];
const DIMENSIONS: readonly Dimension[] = ["percentage", "duration", "number"];

/**
 * `metAndPaid`, once per distinct question in a check: a contract repeats the same few targets and
 * tiers over many remedies, and each answer is a dozen decimal operations. Keyed by the decimals
 * themselves (immutable, and the same object for the same text), then by the words around them.
 */
class MetAndPaidAnswers {
  private readonly byValues = new Map<
    Decimal,
    Map<Decimal, Map<Decimal | undefined, Map<number, Decimal | undefined>>>
  >();

  answer(goal: Goal, tier: Tier, besideTarget = false): Decimal | undefined {
    let byThreshold = this.byValues.get(goal.value);
    if (!byThreshold) {
      byThreshold = new Map();
      this.byValues.set(goal.value, byThreshold);
    }
    let byBound = byThreshold.get(tier.threshold);
    if (!byBound) {
      byBound = new Map();
      byThreshold.set(tier.threshold, byBound);
    }
    let answers = byBound.get(tier.bound?.threshold);
    if (!answers) {
      answers = new Map();
      byBound.set(tier.bound?.threshold, answers);
    }
    const bound = tier.bound ? COMPARATORS.indexOf(tier.bound.comparator) : 4;
    const words =
      (((COMPARATORS.indexOf(goal.comparator) * 4 + COMPARATORS.indexOf(tier.comparator)) * 5 + bound) * 3 +
        DIMENSIONS.indexOf(goal.dimension)) *
        2 +
      (besideTarget ? 1 : 0);
    if (answers.has(words)) return answers.get(words);
    const answer = metAndPaid(goal, tier, besideTarget);
    answers.set(words, answer);
    return answer;
  }
}

function maxOf(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}
function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/** True when the comparator's bound is included: `at least`, `at most`. */
function closed(comparator: Comparator): boolean {
  return comparator === "at least" || comparator === "at most";
}

/** A credit, bonus or cap needs the fee it is a percentage of. */
export const feeExistsRule: Rule = (context) => {
  for (const { uri, declaration } of context.declarations("incentive")) checkFeeExists(context, uri, declaration);
  for (const { uri, declaration } of context.declarations("remedy")) checkFeeExists(context, uri, declaration);
};

/** A cap no lower than a credit it caps. */
export const capsRule: Rule = (context) => {
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    if (remedy.properties.some((p) => broken(context, p))) continue;
    checkCaps(context, uri, remedy);
  }
};

/** SLA5xxx: credit tiers measured against each other and against the objective's goal. */
export const tiersRule: Rule = (context) => {
  const answers = new MetAndPaidAnswers();
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    // A tier lost to a syntax error would change every conclusion about the others.
    if (remedy.properties.some((p) => broken(context, p))) continue;
    const forProperty = remedy.properties.find((p) => p.kind === "for" && !broken(context, p));
    const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
    const goal = objective ? goalOf(context, objective) : undefined;
    const remedyName = remedy.name?.text ?? "";

    let tiers = tiersOf(context, uri, remedy);
    const dimension = goal?.dimension ?? tiers[0]?.dimension;
    tiers = tiers.filter((t) => t.dimension === dimension);
    const single = tiers.find((t) => !t.bound);
    const orientation = goal ? wantsHigh(goal.comparator) : single ? !wantsHigh(single.comparator) : undefined;
    if (orientation !== undefined) tiers = tiers.map((t) => oriented(t, orientation));
    if (tiers.length === 0) continue;

    // SLA5001: distinct thresholds.
    const byThreshold = new Map<string, Tier>();
    const distinct: Tier[] = [];
    for (const tier of tiers) {
      const key = tier.threshold.toString();
      const first = byThreshold.get(key);
      if (first) {
        context.report(
          createDiagnostic(
            TierDiagnostics.duplicateThreshold,
            { threshold: textOf(context, uri, tier.literal.range) },
            uri,
            tier.literal.range,
            { related: [{ uri, range: first.literal.range, message: `This tier already applies ${first.condition}` }] },
          ),
        );
      } else {
        byThreshold.set(key, tier);
        distinct.push(tier);
      }
    }

    // Which way is "worse"? The target's direction; without a target, the tiers' own, if they agree.
    let highIsBetter: boolean | undefined;
    if (goal) highIsBetter = wantsHigh(goal.comparator);
    else if (distinct.every((t) => wantsHigh(t.comparator) === wantsHigh(distinct[0].comparator))) {
      highIsBetter = !wantsHigh(distinct[0].comparator);
    }
    if (highIsBetter === undefined) continue;
    const sameWay = distinct.filter((t) => wantsHigh(t.comparator) !== highIsBetter);

    // SLA5003: a tier that pays while the objective is met.
    if (goal) {
      for (const tier of distinct) {
        const example = answers.answer(goal, tier);
        if (!example) continue;
        const targetRelated = {
          uri: goal.uri,
          range: goal.literal.range,
          message: `The target of '${goal.objective}' is ${goal.text}`,
        };
        // Paying at exactly the target and nowhere else above it is a published form (`at or
        // below 99.9%` against `at least 99.9%`): a warning, so the agreement can be encoded as written.
        const onlyAtTarget = answers.answer(goal, tier, true) === undefined;
        const fixes: DiagnosticFix[] = [];
        const complement = COMPLEMENT[goal.comparator];
        const atTarget = byThreshold.get(goal.value.toString());
        if (sameWay.includes(tier) && (!atTarget || atTarget === tier)) {
          const newText = `${complement} ${textOf(context, goal.uri, goal.literal.range)}`;
          fixes.push({
            title: `Start this tier at the target: '${newText}'`,
            edits: [{ uri, range: { start: tier.comparatorRange.start, end: tier.literal.range.end }, newText }],
            preferred: !onlyAtTarget,
          });
        }
        context.report(
          createDiagnostic(
            onlyAtTarget ? TierDiagnostics.creditAtTarget : TierDiagnostics.tierAboveTarget,
            {
              condition: tier.condition,
              objective: goal.objective,
              target: goal.text,
              example: valueText(example, goal.dimension),
            },
            uri,
            tier.literal.range,
            { related: [targetRelated], fixes },
          ),
        );
      }
    }

    // SLA5002: credits must not fall as service worsens (best service first).
    const ordered = [...sameWay].sort((a, b) =>
      highIsBetter ? b.threshold.comparedTo(a.threshold) : a.threshold.comparedTo(b.threshold),
    );
    const largest = new Map<Tier["basis"], Tier>();
    // the fix is worked out only for a remedy that needs it
    let reorderOnce: DiagnosticFix | undefined | null = null;
    const reorderFix = () => {
      if (reorderOnce === null) reorderOnce = reorderCredits(uri, ordered);
      return reorderOnce;
    };
    // Cumulative tiers are added together: a smaller step for worse service still pays more in all.
    const cumulative = remedy.properties.some((p) => p.kind === "credits cumulative" && p.mode === "cumulative");
    for (const tier of cumulative ? [] : ordered) {
      const better = largest.get(tier.basis);
      if (better && tier.credit.lessThan(better.credit)) {
        const reorder = reorderFix();
        context.report(
          createDiagnostic(
            TierDiagnostics.creditFalls,
            {
              credit: creditText(tier.creditLiteral),
              condition: tier.condition,
              better: creditText(better.creditLiteral),
              betterCondition: better.condition,
            },
            uri,
            tier.creditLiteral.range,
            {
              related: [
                {
                  uri,
                  range: better.creditLiteral.range,
                  message: `${creditText(better.creditLiteral)} is paid ${better.condition}`,
                },
              ],
              fixes: reorder ? [reorder] : [],
            },
          ),
        );
      }
      if (!better || tier.credit.greaterThan(better.credit)) largest.set(tier.basis, tier);
    }

    // SLA5004: the band between the target and the first tier.
    if (
      goal &&
      ordered.length > 0 &&
      !remedy.properties.some(
        (p) => p.kind === "credit" && (p.condition?.kind === "each breach" || p.condition?.kind === "each unit"),
      )
    ) {
      const first = ordered[0];
      const t = goal.value;
      const x = first.threshold;
      // Breached values run up to (down to) the target, included for `above`/`below` targets.
      const breachIncludesTarget = !closed(goal.comparator);
      const covered = highIsBetter
        ? x.greaterThan(t) || (x.equals(t) && (!breachIncludesTarget || closed(first.comparator)))
        : x.lessThan(t) || (x.equals(t) && (!breachIncludesTarget || closed(first.comparator)));
      if (!covered) {
        const targetText = textOf(context, goal.uri, goal.literal.range);
        const band = x.equals(t)
          ? `at exactly ${targetText}`
          : `between ${textOf(context, uri, first.literal.range)} and ${targetText}`;
        context.report(
          createDiagnostic(
            TierDiagnostics.uncoveredBand,
            { objective: goal.objective, band, remedy: remedyName, condition: first.condition },
            uri,
            first.literal.range,
            {
              related: [
                {
                  uri: goal.uri,
                  range: goal.literal.range,
                  message: `The target of '${goal.objective}' is ${goal.text}`,
                },
              ],
            },
          ),
        );
      }
    }
  }
};

/** SLA5005: a credit larger than the cap of the same fee. */
function checkCaps(context: RuleContext, uri: string, remedy: DeclarationOf<"remedy">): void {
  const caps = new Map<FeePeriod, CapProperty>();
  for (const p of remedy.properties) {
    if (p.kind === "cap" && !broken(context, p) && p.percentage && p.basis && !caps.has(p.basis.period))
      caps.set(p.basis.period, p);
  }
  if (caps.size === 0) return;
  for (const p of remedy.properties) {
    if (p.kind !== "credit" || broken(context, p) || !p.percentage || !p.basis) continue;
    const cap = caps.get(p.basis.period);
    if (!cap?.percentage || exceeds100(p.percentage.value) || exceeds100(cap.percentage.value)) continue;
    if (!toDecimal(p.percentage.value).greaterThan(cap.percentage.value)) continue;
    const capText = textOf(context, uri, { start: cap.percentage.range.start, end: cap.range.end });
    context.report(
      createDiagnostic(
        TierDiagnostics.creditAboveCap,
        { credit: `${p.percentage.value}%`, basis: BASIS_WORDS[p.basis.period], cap: capText },
        uri,
        p.percentage.range,
        { related: [{ uri, range: cap.percentage.range, message: `The cap is ${capText}` }] },
      ),
    );
  }
}

/**
 * SLA5007: a percentage of a fee that the service never states. The engine would pay 0.00 of a
 * fee it does not know, while the contract promises a percentage of something: the signed text
 * and the computed credit would disagree.
 */
function checkFeeExists(
  context: RuleContext,
  uri: string,
  declaration: DeclarationOf<"remedy"> | DeclarationOf<"incentive">,
): void {
  const forProperty = declaration.properties.find((p) => p.kind === "for" && !broken(context, p));
  const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
  const service = objective ? serviceOf(context, objective.declaration) : undefined;
  const serviceName = service?.declaration.name?.text;
  if (!service || !serviceName || damaged(context, service.declaration)) return;
  if (service.declaration.properties.some((p) => p.kind === "fee")) return;
  for (const p of declaration.properties) {
    if ((p.kind !== "credit" && p.kind !== "bonus" && p.kind !== "cap") || broken(context, p) || !p.basis) continue;
    context.report(
      createDiagnostic(
        TierDiagnostics.percentageOfMissingFee,
        { what: p.kind, basis: BASIS_WORDS[p.basis.period], service: serviceName },
        uri,
        p.basis.range,
        {
          related: [
            {
              uri: service.uri,
              range: service.declaration.name!.range,
              message: `'${serviceName}' states no fee`,
            },
          ],
        },
      ),
    );
  }
}

/** SLA5008, SLA5009: a band is one upper and one lower bound with some value between them. */
export const bandsRule: Rule = (context) => {
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    for (const p of remedy.properties) {
      if (p.kind !== "credit" || broken(context, p) || p.condition?.kind !== "threshold") continue;
      const { comparator, threshold, bound } = p.condition;
      const first = threshold ? quantityOf(threshold) : undefined;
      if (!bound || !comparator || !first?.value) continue;
      const second = boundOf(bound, first.dimension);
      if (!second || bandHolds(comparator.op, first.value, second)) continue;
      const sameWay = wantsHigh(comparator.op) === wantsHigh(second.comparator);
      context.report(
        createDiagnostic(
          sameWay ? TierDiagnostics.bandBoundsSameWay : TierDiagnostics.emptyBand,
          { condition: textOf(context, uri, p.condition.range) },
          uri,
          p.condition.range,
        ),
      );
    }
  }
};

export const TIER_RULES: Rule[] = [feeExistsRule, tiersRule, capsRule, bandsRule];

/**
 * The mechanical fix for falling credits: keep the thresholds where they are and hand out the same
 * credits in rising order as service worsens (per fee basis).
 */
function reorderCredits(uri: string, ordered: Tier[]): DiagnosticFix | undefined {
  const edits: TextEdit[] = [];
  for (const basis of new Set(ordered.map((t) => t.basis))) {
    const tiers = ordered.filter((t) => t.basis === basis);
    const rising = tiers.map((t) => t.creditLiteral).sort((a, b) => figure(a).comparedTo(figure(b)));
    tiers.forEach((tier, i) => {
      if (!figure(rising[i]).equals(tier.credit)) {
        edits.push({ uri, range: tier.creditLiteral.range, newText: creditText(rising[i]) });
      }
    });
  }
  return edits.length ? { title: "Reorder the credits so they rise as service worsens", edits } : undefined;
}

function figure(literal: PercentageLiteral | MoneyLiteral): Decimal {
  return toDecimal(literal.kind === "Money" ? literal.amount : literal.value);
}
