/** Small phrases of the contract: quoted terms, targets, fee bases, day lists. */
import { WEEKDAYS, type Weekday } from "@sla/language";
import type { BundleTargetValue, BundleWindow, FeeBasis, Frequency } from "../bundle-types.ts";
import { type Markdown, md, raw } from "./escape.ts";
import { basisTerm, formatPercent, listAnd, perWindow } from "./format.ts";

export const DASH = raw("—");

export function quoted(text: string): Markdown {
  return md`"${text}"`;
}

export function defined(term: string): Markdown {
  return md`"**${term}**"`;
}

export function titleOf(x: { name: string; title: string | null }): string {
  return x.title?.trim() ? x.title.trim() : x.name;
}

/** Lower-cases a leading article so a user's definition reads on after "means". */
export function meansText(text: string): string {
  return text.replace(/^(A|An|The|Any|Each|Every|All)\b/, (word) => word.toLowerCase()).replace(/[.;\s]+$/, "");
}

export function targetText(comparator: string, value: BundleTargetValue): Markdown {
  return md`${comparator} ${value.kind === "percentage" ? formatPercent(value.value) : value.text}`;
}

export function feeOf(basis: FeeBasis): Markdown {
  return md`the ${basisTerm(basis)}`;
}

/** `in total per calendar month`, or per Measurement Period when the cap names no window. */
export function capWindow(window: BundleWindow | null): string {
  return window ? `in total ${perWindow(window)}` : "in total in any Measurement Period";
}

export const FREQUENCY_PERIOD: Record<Frequency, string> = {
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  annually: "year",
};

export const FREQUENCY_WORD: Record<Frequency, string> = {
  weekly: "weekly",
  monthly: "monthly",
  quarterly: "quarterly",
  annually: "annually",
};

export const WEEKDAY_NAMES: Record<string, string> = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
};

/** `Monday to Friday`, `Monday, Wednesday and Friday`, `Monday to Wednesday and Saturday`. */
export function dayList(days: string[], conjunction = "and"): string {
  const indexes = [...new Set(days.map((d) => WEEKDAYS.indexOf(d as Weekday)).filter((i) => i >= 0))].sort(
    (a, b) => a - b,
  );
  const runs: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    const from = WEEKDAY_NAMES[WEEKDAYS[indexes[i]]];
    const to = WEEKDAY_NAMES[WEEKDAYS[indexes[j]]];
    if (j - i >= 2) runs.push(`${from} to ${to}`);
    else for (let k = i; k <= j; k++) runs.push(WEEKDAY_NAMES[WEEKDAYS[indexes[k]]]);
    i = j + 1;
  }
  return listAnd(runs, conjunction);
}

/** `any day from Monday to Friday`, `any Monday, Wednesday or Friday`. */
export function anyDay(days: string[]): string {
  const list = dayList(days, "or");
  return /^\w+ to \w+$/.test(list) ? `any day from ${list}` : `any ${list}`;
}
