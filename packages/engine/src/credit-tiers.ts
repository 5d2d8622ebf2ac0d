/**
 * Which of a remedy's credit tiers hold in a window, and what each would pay before the cap: a
 * percentage of a fee or a fixed amount, times the breaches of a `for each breach` tier.
 */
import type Decimal from "decimal.js";
import type { BundleCredit, BundleRemedy, BundleService, FeeBasis } from "./bundle.ts";
import { holds, type Measure, measure } from "./compare.ts";
import { Dec, moneyString, str } from "./decimal.ts";
import { feeIn } from "./fees.ts";
import type { Context } from "./context.ts";
import { evaluateObjective } from "./objectives.ts";
import type { ObjectiveOutcome } from "./outcome.ts";
import { inProgress, outsideTerm } from "./term.ts";
import { formatDuration } from "./time.ts";
import { periodContaining, periodsEndingWithin } from "./windows.ts";

/** What one tier would pay in a window, before the cap. */
export interface Due {
  credit: BundleCredit;
  /** Percent of the credit's basis; null for a fixed amount. */
  percent: Decimal | null;
  /** Exact amount, or null when the credit is a percentage of a fee the service does not name. */
  amount: Decimal | null;
  /** The breaches a `for each breach` tier was multiplied by. */
  breaches: number | null;
  /** The units of downtime a `for each … of downtime` tier was multiplied by. */
  units: UnitCount | null;
  /** The breached windows a `when breached … times` tier found in its period. */
  band: number | null;
}

/** The value a threshold of this kind is compared with: a percentage, a duration (ms) or a plain number. */
export function thresholdMeasure(
  outcome: ObjectiveOutcome,
  kind: "percentage" | "duration" | "number",
): Measure | null {
  const unit = outcome.report.unit;
  if (kind === "percentage") return unit === "percent" ? outcome.measure : null;
  if (kind === "duration") {
    if (unit === "millisecond") return outcome.measure;
    return outcome.downtimeMs === null ? null : measure(outcome.downtimeMs);
  }
  return outcome.measure;
}

export function conditionText(c: BundleCredit["condition"]): string {
  if (c.kind === "each breach") return "for each breach";
  if (c.kind === "breaches") {
    const times =
      c.most === null ? `${c.least} or more` : c.most === c.least ? `${c.least}` : `${c.least} to ${c.most}`;
    return `breached ${times} times ${c.window.text}`;
  }
  if (c.kind === "each unit")
    return `for each ${c.rounding} ${c.unit.text} of downtime${c.beyondAllowance ? " beyond the allowance" : ""}`;
  const band = c.bound ? ` but ${c.bound.comparator} ${c.bound.value.text}` : "";
  return `${c.comparator} ${c.value.text}${band}`;
}

export function money(amount: Decimal, currency: string): string {
  return `${currency} ${moneyString(amount, currency)}`;
}

/** How a tier's figure is written in the arithmetic: `10%` or `USD 500.00`. */
export function sizeText(credit: BundleCredit): string {
  return "amount" in credit ? money(new Dec(credit.amount.amount), credit.amount.currency) : `${credit.percent}%`;
}

/** A per-unit credit's count: the downtime counted (beyond the allowance, if so), and the units in it. */
export interface UnitCount {
  count: number;
  countedMs: Decimal;
  /** The allowance deducted, for `beyond the allowance`. */
  allowanceMs: Decimal | null;
}

interface Times {
  times: number;
  breaches: number | null;
  units: UnitCount | null;
  band: number | null;
}

/**
 * The downtime a window allows: the availability target's budget, else the `max total outage`;
 * null when the objective states neither (the checker's SLA5012).
 */
function allowanceMs(outcome: ObjectiveOutcome): Decimal | null {
  const seconds = outcome.report.budget?.seconds ?? outcome.objective.maxTotalOutage?.duration.seconds;
  return seconds === undefined ? null : new Dec(seconds).times(1000);
}

/** `for each full 1 hour of downtime`: whole units only; `started`: a part of a unit counts as one. */
function unitsDue(condition: Extract<BundleCredit["condition"], { kind: "each unit" }>, outcome: ObjectiveOutcome) {
  if (outcome.downtimeMs === null || condition.unit.seconds === undefined) return null;
  const allowance = condition.beyondAllowance ? allowanceMs(outcome) : null;
  if (condition.beyondAllowance && allowance === null) return null;
  const countedMs = Dec.max(0, new Dec(outcome.downtimeMs).minus(allowance ?? 0));
  const ratio = countedMs.div(new Dec(condition.unit.seconds).times(1000));
  const count = (condition.rounding === "full" ? ratio.floor() : ratio.ceil()).toNumber();
  return count === 0 ? null : { count, countedMs, allowanceMs: allowance };
}

/**
 * `when breached 1 to 2 times per calendar quarter`: due only with the last of the objective's
 * windows ending in the band's period, when the breached windows among them (as for termination:
 * windows outside the term, in progress or before the observed data do not count) are in the band.
 * Null when not due, else the breached windows.
 */
function breachBand(
  ctx: Context,
  condition: Extract<BundleCredit["condition"], { kind: "breaches" }>,
  outcome: ObjectiveOutcome,
): number | null {
  const { objective, period } = outcome;
  const band = periodContaining(condition.window, period.end - 1, ctx.zone);
  const windows = periodsEndingWithin(objective.window, band.start, band.end, ctx.zone);
  if (windows.at(-1)?.end !== period.end) return null;
  const breached = windows.filter(
    (p) =>
      outsideTerm(ctx, p) === null &&
      !inProgress(ctx, p) &&
      (p.end === period.end || (ctx.dataFrom !== null && p.end > ctx.dataFrom)) &&
      !evaluateObjective(ctx, objective, p).met,
  ).length;
  const inBand = breached >= condition.least && (condition.most === null || breached <= condition.most);
  return inBand ? breached : null;
}

/** The tier's condition against the window's outcome: null when it does not hold, else how many times it pays. */
function timesDue(ctx: Context, credit: BundleCredit, outcome: ObjectiveOutcome): Times | null {
  if (credit.condition.kind === "breaches") {
    const band = breachBand(ctx, credit.condition, outcome);
    return band === null ? null : { times: 1, breaches: null, units: null, band };
  }
  if (credit.condition.kind === "each breach") {
    const breaches = outcome.breaches.length;
    return breaches === 0 ? null : { times: breaches, breaches, units: null, band: null };
  }
  if (credit.condition.kind === "each unit") {
    const units = unitsDue(credit.condition, outcome);
    return units === null ? null : { times: units.count, breaches: null, units, band: null };
  }
  const m = thresholdMeasure(outcome, credit.condition.value.kind);
  if (m === null || !holds(m, credit.condition.comparator, credit.condition.value.value)) return null;
  // A band's bounds are of one kind (the checker's SLA4xxx), so one measure serves both.
  const { bound } = credit.condition;
  if (bound && !holds(m, bound.comparator, bound.value.value)) return null;
  return { times: 1, breaches: null, units: null, band: null };
}

/** Every tier of the remedy whose condition holds, in the contract's order, with what it would pay. */
export function duesOf(
  ctx: Context,
  remedy: BundleRemedy,
  outcome: ObjectiveOutcome,
  service: BundleService | undefined,
): Due[] {
  const dues: Due[] = [];
  for (const credit of remedy.credits) {
    const due = timesDue(ctx, credit, outcome);
    if (due === null) continue;
    if ("amount" in credit) {
      const amount = new Dec(credit.amount.amount).times(due.times);
      dues.push({ credit, percent: null, amount, breaches: due.breaches, units: due.units, band: due.band });
      continue;
    }
    const fee = feeIn(ctx, service, credit.basis, outcome.period);
    const percent = new Dec(credit.percent).times(due.times);
    const amount = fee === null ? null : percent.times(fee.amount).div(100);
    dues.push({ credit, percent, amount, breaches: due.breaches, units: due.units, band: due.band });
  }
  return dues;
}

/** By amount when both are known, else by percent (a fixed amount with no fee to weigh it against wins). */
function larger(a: Due, b: Due): boolean {
  if (a.amount !== null && b.amount !== null) return a.amount.gt(b.amount);
  if (a.percent !== null && b.percent !== null) return a.percent.gt(b.percent);
  return a.amount !== null;
}

/** The single largest due tier (the first of equals), or none. */
export function largestDue(dues: readonly Due[]): Due | null {
  let best: Due | null = null;
  for (const due of dues) if (best === null || larger(due, best)) best = due;
  return best;
}

/** The fee all the parts are percentages of, or null when one is a fixed amount or they differ. */
export function commonBasis(parts: readonly Due[]): FeeBasis | null {
  const bases = new Set(parts.map((p) => ("amount" in p.credit ? null : p.credit.basis)));
  const [only] = bases;
  return bases.size === 1 ? (only ?? null) : null;
}

/** One part of the arithmetic: `10%`, `5% × 3 breaches = 15%`, `USD 25.00 × 3 breaches = USD 75.00`. */
export function partText(due: Due, currency: string | null): string {
  const size = sizeText(due.credit);
  const total =
    due.percent !== null ? `${str(due.percent)}%` : due.amount !== null && currency ? money(due.amount, currency) : "";
  const { units, credit } = due;
  if (units !== null && credit.condition.kind === "each unit") {
    const counted = formatDuration(units.countedMs.toNumber());
    const beyond =
      units.allowanceMs === null ? "" : ` beyond the allowance of ${formatDuration(units.allowanceMs.toNumber())}`;
    const unit = `${credit.condition.rounding} ${credit.condition.unit.text}`;
    return `${counted} of downtime${beyond} is ${units.count} ${unit}: ${size} × ${units.count} = ${total}`;
  }
  if (due.band !== null && credit.condition.kind === "breaches")
    return `${due.band} breached window${due.band === 1 ? "" : "s"} in the ${credit.condition.window.period}: ${size}`;
  if (due.breaches === null) return size;
  return `${size} × ${due.breaches} breach${due.breaches === 1 ? "" : "es"} = ${total}`;
}
