/** The phrases change sentences are made of: conditions, shares of a fee, hours, durations. */
import type {
  BundleCredit,
  BundleDuration,
  BundleHours,
  BundleObjective,
  BundleTargetValue,
  BundleWindow,
  Comparator,
  FeeBasis,
} from "../bundle-types.ts";
import { basisTerm, formatDuration, formatMoney, formatPercent, perWindow } from "../render/format.ts";
import { dayList } from "../render/phrases.ts";
import { quote } from "./sentence.ts";

export function creditCondition(c: {
  condition: BundleCredit["condition"] | { kind: "threshold"; comparator: Comparator; value: BundleTargetValue };
}): string {
  const { condition } = c;
  if (condition.kind === "each breach") return "for each breach";
  if (condition.kind === "breaches") {
    const times =
      condition.most === null
        ? `${condition.least} or more`
        : condition.most === condition.least
          ? `${condition.least}`
          : `${condition.least} to ${condition.most}`;
    return `when breached ${times} times ${condition.window.text}`;
  }
  if (condition.kind === "each unit")
    return `for each ${condition.rounding} ${condition.unit.text} of downtime${condition.beyondAllowance ? " beyond the allowance" : ""}`;
  return `${condition.comparator} ${valueText(condition.value)}`;
}

export function share(percent: string, basis: FeeBasis): string {
  return `${formatPercent(percent)} of the ${basisTerm(basis)}`;
}

/** `30% to 25% of the Monthly Fee`, naming the basis once when it is the same. */
export function shares(a: { percent: string; basis: FeeBasis }, b: { percent: string; basis: FeeBasis }): string {
  if (a.basis === b.basis) return `${formatPercent(a.percent)} to ${share(b.percent, b.basis)}`;
  return `${share(a.percent, a.basis)} to ${share(b.percent, b.basis)}`;
}

/** What a credit tier gives, briefly: `10%` or `USD 500.00`. */
export function creditSize(c: BundleCredit): string {
  return "amount" in c ? formatMoney(c.amount.amount, c.amount.currency) : formatPercent(c.percent);
}

/** A credit tier's size as a number and what it counts: a percentage of a fee, or an amount of a currency. */
export function creditAmount(c: BundleCredit): { value: string; unit: string } {
  return "amount" in c ? { value: c.amount.amount, unit: c.amount.currency } : { value: c.percent, unit: c.basis };
}

/** `10% of the Monthly Fee to USD 500.00`, for credits of different kinds. */
export function creditSizes(a: BundleCredit, b: BundleCredit): string {
  if (!("amount" in a) && !("amount" in b)) return shares(a, b);
  const full = (c: BundleCredit) => ("amount" in c ? creditSize(c) : share(c.percent, c.basis));
  return `${full(a)} to ${full(b)}`;
}

export function valueText(v: BundleTargetValue): string {
  return v.kind === "percentage" ? formatPercent(v.value) : v.text;
}

export function windowText(w: BundleWindow): string {
  return perWindow(w);
}

export function serviceHours(h: BundleHours): string {
  return h.kind === "24x7" ? "24x7" : `the hours of calendar ${h.calendar}`;
}

export function hoursText(hours: { days: string[]; from: string; to: string }[]): string {
  return hours.map((h) => `${dayList(h.days)} ${h.from}–${h.to}`).join("; ") || "none";
}

export function supportText(s: BundleObjective["support"]): string {
  if (!s) return "none";
  const parts = [
    s.severity !== null ? `severity ${s.severity}` : "every ticket",
    s.response ? `response within ${formatDuration(s.response.within)}` : "",
    s.resolution ? `resolution within ${formatDuration(s.resolution.within)}` : "",
    s.share ? `${s.share.comparator} ${formatPercent(s.share.percent)} of tickets ${perWindow(s.share.window)}` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

export function durationOrNone(d: BundleDuration | null): string {
  return d ? formatDuration(d) : "none";
}

export function quoteOrNone(v: string | null): string {
  return v === null ? "none" : quote(v);
}
