/** The phrases change sentences are made of: conditions, shares of a fee, hours, durations. */
import type {
  BundleDuration,
  BundleHours,
  BundleObjective,
  BundleTargetValue,
  BundleWindow,
  Comparator,
  FeeBasis,
} from "../bundle-types.ts";
import { basisTerm, formatDuration, formatPercent, perWindow } from "../render/format.ts";
import { dayList } from "../render/phrases.ts";
import { quote } from "./sentence.ts";

export function creditCondition(c: {
  condition: { kind: "each breach" } | { kind: "threshold"; comparator: Comparator; value: BundleTargetValue };
}): string {
  return c.condition.kind === "each breach"
    ? "for each breach"
    : `${c.condition.comparator} ${valueText(c.condition.value)}`;
}

export function share(percent: string, basis: FeeBasis): string {
  return `${formatPercent(percent)} of the ${basisTerm(basis)}`;
}

/** `30% to 25% of the Monthly Fee`, naming the basis once when it is the same. */
export function shares(a: { percent: string; basis: FeeBasis }, b: { percent: string; basis: FeeBasis }): string {
  if (a.basis === b.basis) return `${formatPercent(a.percent)} to ${share(b.percent, b.basis)}`;
  return `${share(a.percent, a.basis)} to ${share(b.percent, b.basis)}`;
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
