/** The kinds of change, and comparisons of the bundle's exact decimals and durations. */
import { toDecimal } from "@sla/language";
import type { BundleDuration } from "../bundle-types.ts";

type Declaration =
  | "party"
  | "service"
  | "calendar"
  | "metric"
  | "objective"
  | "remedy"
  | "incentive"
  | "reporting"
  | "clause";
type Listed = "tier" | "exclusion" | "action" | "bonus";

/**
 * `X-added`, `X-removed` and `X-title` for declarations; `X-added` and `X-removed` for listed items
 * (a credit tier, an exclusion, …); the plain name for a change inside one; and the kinds the
 * issue names on their own: `target`, `window`, `cap`, `claim-period`, `termination`, `clause-text`.
 */
export type ChangeKind =
  | `${Declaration}-${"added" | "removed" | "title"}`
  | `${Listed}-${"added" | "removed"}`
  | Declaration
  | Listed
  | "agreement"
  | "target"
  | "window"
  | "cap"
  | "claim-period"
  | "termination"
  | "clause-text";

/** Negative when `a` < `b`, 0 when equal, positive when greater; exact decimals. */
export function compareAmounts(a: string, b: string): number {
  try {
    return toDecimal(a).comparedTo(toDecimal(b));
  } catch {
    return a === b ? 0 : a < b ? -1 : 1;
  }
}

/** Durations compared in seconds when both have fixed lengths, else by amount in the same unit; 0 when they cannot be ordered. */
export function compareDurations(a: BundleDuration, b: BundleDuration): number {
  if (a.seconds !== undefined && b.seconds !== undefined) return compareAmounts(a.seconds, b.seconds);
  if (a.unit === b.unit) return compareAmounts(a.amount, b.amount);
  return 0;
}

/** A clause's text as sentences, whitespace normalised: a reflowed paragraph has the same sentences. */
export function sentencesOf(text: string): string[] {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return [];
  return flat.split(/(?<=[.!?;:])\s+(?=\S)/);
}
