/** Half-open `[start, end)` in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, disjoint; intervals that overlap or touch become one. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** Both inputs sorted and disjoint. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** `a` minus `b`, both sorted and disjoint. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const piece of a) {
    let start = piece.start;
    while (j < b.length && b[j].end <= start) j++;
    let k = j;
    while (k < b.length && b[k].start < piece.end) {
      if (b[k].start > start) out.push({ start, end: b[k].start });
      start = Math.max(start, b[k].end);
      k++;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

export function clipIntervals(list: readonly Interval[], start: number, end: number): Interval[] {
  return intersectIntervals(list, [{ start, end }]);
}

export function totalLength(list: readonly Interval[]): number {
  let sum = 0;
  for (const i of list) sum += i.end - i.start;
  return sum;
}

/** Whether `t` lies in one of the sorted, disjoint intervals. */
export function containsInstant(list: readonly Interval[], t: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < list[mid].start) hi = mid - 1;
    else if (t >= list[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
