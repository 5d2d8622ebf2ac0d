/**
 * The longest common subsequence of two sequences, as a list of operations: what both keep, what
 * only the old one has (deleted) and what only the new one has (inserted). Common prefix and
 * suffix are matched first, so two contracts that differ in one clause cost little; the middle is
 * matched by dynamic programming, which is quadratic in its length only.
 */
export type Op<T> = { op: "equal"; old: T; new: T } | { op: "delete"; old: T } | { op: "insert"; new: T };

export function diffSequences<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean): Op<T>[] {
  let start = 0;
  while (start < before.length && start < after.length && same(before[start], after[start])) start++;
  let endOld = before.length;
  let endNew = after.length;
  while (endOld > start && endNew > start && same(before[endOld - 1], after[endNew - 1])) {
    endOld--;
    endNew--;
  }
  const head: Op<T>[] = before.slice(0, start).map((old, i) => ({ op: "equal", old, new: after[i] }));
  const tail: Op<T>[] = before.slice(endOld).map((old, i) => ({ op: "equal", old, new: after[endNew + i] }));
  return [...head, ...middle(before.slice(start, endOld), after.slice(start, endNew), same), ...tail];
}

function middle<T>(a: readonly T[], b: readonly T[], same: (a: T, b: T) => boolean): Op<T>[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the LCS of a[i..] and b[j..]
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i][j] = same(a[i], b[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  const out: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      out.push({ op: "equal", old: a[i++], new: b[j++] });
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) out.push({ op: "delete", old: a[i++] });
    else out.push({ op: "insert", new: b[j++] });
  }
  while (i < n) out.push({ op: "delete", old: a[i++] });
  while (j < m) out.push({ op: "insert", new: b[j++] });
  return out;
}

/** Words, runs of spaces and single punctuation marks: the units a redline marks. `99.95%` stays one word. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[.,:'’/-][\p{L}\p{N}]+)*%?|\s+|[^\s\p{L}\p{N}]/gu) ?? [];
}
