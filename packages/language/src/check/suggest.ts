/**
 * The nearest name, for "did you mean" suggestions. A prefix match (`Avail` for `Availability`)
 * counts as half its length difference; anything else by case-insensitive edit distance. Names
 * further than half the typed name's length are not suggested.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const typed = name.toLowerCase();
  const furthest = Math.max(2, name.length / 2);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const prefix = lower.startsWith(typed) || typed.startsWith(lower);
    const lengths = Math.abs(candidate.length - name.length);
    // an edit distance is at least the difference in length: no need to compute one that cannot win
    if (!prefix && (lengths >= bestDistance || lengths > furthest)) continue;
    const distance = prefix ? lengths / 2 : editDistance(typed, lower);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return bestDistance <= furthest ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
