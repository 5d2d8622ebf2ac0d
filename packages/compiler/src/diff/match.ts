/**
 * How two bundles' declarations and lists are matched and compared: declarations by name, list
 * items by a key, values as a whole; and the list of changes they add to.
 */
import type { BundleDuration } from "../bundle-types.ts";
import { formatDuration } from "../render/format.ts";
import { titleOf } from "../render/phrases.ts";
import { type ChangeKind, compareDurations } from "./measure.ts";
import { named, quote } from "./sentence.ts";

/** One change; the JSON output's shape (docs/lawyers.md). `sentence` marks titles as sentence.ts says. */
export interface Change {
  kind: ChangeKind;
  path: string;
  before: unknown;
  after: unknown;
  sentence: string;
}

export type Named = { name: string; title: string | null };

export class Changes {
  readonly list: Change[] = [];
  add(kind: ChangeKind, path: string, before: unknown, after: unknown, sentence: string): void {
    this.list.push({ kind, path, before: strip(before ?? null), after: strip(after ?? null), sentence });
  }
}

/** Declarations matched by name: added, removed, retitled, then their own changes. */
export function byName<T extends Named>(
  out: Changes,
  collection: string,
  noun: ChangeKind & string,
  before: T[],
  after: T[],
  compare: (p: T, q: T, path: string) => void,
): void {
  const kind = noun as ChangeKind;
  const capitalised = noun[0].toUpperCase() + noun.slice(1);
  for (const q of after) {
    const p = before.find((x) => x.name === q.name);
    const path = `${collection}.${q.name}`;
    if (!p) {
      out.add(`${kind}-added` as ChangeKind, path, null, q, `${capitalised} ${named(titleOf(q))} is added`);
      continue;
    }
    const found = out.list.length;
    if (titleOf(p) !== titleOf(q))
      out.add(
        `${kind}-title` as ChangeKind,
        `${path}.title`,
        p.title,
        q.title,
        `${capitalised} ${named(titleOf(p))} is renamed ${named(titleOf(q))}`,
      );
    compare(p, q, path);
    otherFields(out, kind, path, p, q, named(titleOf(q)), out.list.slice(found), DERIVED[collection] ?? []);
  }
  for (const p of before)
    if (!after.some((x) => x.name === p.name))
      out.add(
        `${kind}-removed` as ChangeKind,
        `${collection}.${p.name}`,
        p,
        null,
        `${capitalised} ${named(titleOf(p))} is removed`,
      );
}

/** Items of a list matched by a key: added, removed, then compared. */
export function keyed<T extends object>(
  out: Changes,
  kind: ChangeKind,
  path: string,
  before: T[],
  after: T[],
  key: (x: T) => string,
  describe: (x: T) => string,
  of: string,
  compare: (p: T, q: T, path: string) => void,
): void {
  // the second item with the same key is matched with the second, and named `key#2`
  const keys = (items: T[]) => {
    const seen = new Map<string, number>();
    return items.map((x) => {
      const n = (seen.get(key(x)) ?? 0) + 1;
      seen.set(key(x), n);
      return n === 1 ? key(x) : `${key(x)}#${n}`;
    });
  };
  const [oldKeys, newKeys] = [keys(before), keys(after)];
  after.forEach((q, i) => {
    const j = oldKeys.indexOf(newKeys[i]);
    const at = `${path}[${newKeys[i]}]`;
    if (j >= 0) compare(before[j], q, at);
    else out.add(`${kind}-added` as ChangeKind, at, null, strip(q), `${describe(q)} is added to ${of}`);
  });
  before.forEach((p, j) => {
    if (!newKeys.includes(oldKeys[j]))
      out.add(
        `${kind}-removed` as ChangeKind,
        `${path}[${oldKeys[j]}]`,
        strip(p),
        null,
        `${describe(p)} is removed from ${of}`,
      );
  });
}

/**
 * Properties computed from others, whose change is reported with theirs: budgets with the target,
 * the monthly fee with the fee, an objective's inherited exclusions with its service's; and clause
 * text, compared by sentence so that reflowing it is no change.
 */
const DERIVED: Record<string, string[]> = {
  clauses: ["text"],
  objectives: ["budgets", "exclusions", "metricType"],
  services: ["monthlyFee", "feeCharged"],
  metrics: ["unit"],
};

/**
 * A declaration that differs where no rule above looked (a property added to the bundle since):
 * each differing property is still reported, by its name, so no change goes unlisted.
 */
export function otherFields(
  out: Changes,
  kind: ChangeKind,
  path: string,
  p: object,
  q: object,
  of: string,
  reported: Change[],
  derived: string[],
): void {
  const [a, b] = [p as Record<string, unknown>, q as Record<string, unknown>];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === "source" || derived.includes(key) || same(a[key], b[key])) continue;
    const at = `${path}.${key}`;
    if (reported.some((c) => c.path === at || c.path.startsWith(`${at}.`) || c.path.startsWith(`${at}[`))) continue;
    const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
    const text = (v: unknown) =>
      v === undefined || v === null
        ? "none"
        : typeof v === "string"
          ? quote(v)
          : isDuration(v)
            ? v.text
            : JSON.stringify(strip(v));
    out.add(
      kind,
      `${path}.${key}`,
      a[key],
      b[key],
      `The ${words} of ${of} changes from ${text(a[key])} to ${text(b[key])}`,
    );
  }
}

/** A value compared as a whole: changed, added or removed. */
export function field<T>(
  out: Changes,
  kind: ChangeKind,
  path: string,
  p: T,
  q: T,
  subject: string,
  text: (v: T) => string = String,
): void {
  if (same(p, q)) return;
  if (isDuration(p) && isDuration(q)) {
    const order = compareDurations(p, q);
    const verb = order === 0 ? "changes" : `is ${direction(order, "lengthened", "shortened")}`;
    out.add(kind, path, p, q, `${subject} ${verb} from ${fromTo(p, q)}`);
    return;
  }
  const verb = /^The (working hours|service hours|holidays)\b/.test(subject) ? "change" : "changes";
  out.add(kind, path, p, q, `${subject} ${verb} from ${text(p)} to ${text(q)}`);
}

export function isDuration(x: unknown): x is BundleDuration {
  return typeof x === "object" && x !== null && "unit" in x && "amount" in x && "text" in x;
}

/** `60 to 30 days` when both are in the same unit, else `2 months to 30 days`. */
export function fromTo(p: BundleDuration, q: BundleDuration): string {
  if (p.unit === q.unit && /^\d/.test(p.text) && /^\d/.test(q.text)) return `${p.amount} to ${formatDuration(q)}`;
  return `${formatDuration(p)} to ${formatDuration(q)}`;
}

/** `up` when the value grows, `down` when it shrinks, `changed` when only its basis or unit differs. */
export function direction(order: number, up: string, down: string): string {
  return order < 0 ? up : order > 0 ? down : "changed";
}

/** The value without `source`: where a rule was written is not what was agreed. */
export function strip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "source" ? undefined : v)));
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(strip(a ?? null)) === JSON.stringify(strip(b ?? null));
}
