/**
 * Column widths for the Word contract's tables, from their text alone: every column is at least as
 * wide as its longest word (so no word is broken inside a cell) and the rest of the width goes to
 * the columns with the most text. Widths are in twips (1/20 pt); sizes in half-points, as Word
 * counts them.
 */

/** Half-points: 10 pt for narrow tables, 9 pt for four columns, 8 pt for five or more (the service level table has six). */
export function tableFontSize(columns: number): number {
  return columns >= 5 ? 16 : columns === 4 ? 18 : 20;
}

/**
 * The width of a character, in ems: taken wide enough for capitals and for the wider fonts a
 * reader may substitute for Arial (DejaVu Sans), and wider still for the bold header row.
 */
const EM_PER_CHARACTER = 0.62;
const EM_PER_BOLD_CHARACTER = 0.72;
/** Past this many characters a column gains nothing more from its text: it wraps anyway. */
const LONG_TEXT = 60;

export function columnWidths(
  head: string[],
  rows: string[][],
  total: number,
  halfPoints: number,
  cellMargin: number,
): number[] {
  const perCharacter = (halfPoints / 2) * EM_PER_CHARACTER * 20;
  const perBoldCharacter = (halfPoints / 2) * EM_PER_BOLD_CHARACTER * 20;
  const padding = 2 * cellMargin + 20;
  const longestWord = (texts: string[]) => Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => w.length));
  const columns = head.map((_, i) => [head[i], ...rows.map((row) => row[i] ?? "")]);
  const least = columns.map(
    (texts) =>
      Math.max(longestWord(texts.slice(0, 1)) * perBoldCharacter, longestWord(texts.slice(1)) * perCharacter, 1) +
      padding,
  );
  const wanted = columns.map((texts, i) =>
    Math.max(least[i], Math.min(Math.max(...texts.map((t) => t.length)), LONG_TEXT) * perCharacter + padding),
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(wanted) <= total) {
    widths = wanted.map((w) => (w * total) / sum(wanted));
  } else if (sum(least) <= total) {
    const spare = total - sum(least);
    const extra = sum(wanted) - sum(least);
    widths = least.map((w, i) => w + (spare * (wanted[i] - least[i])) / extra);
  } else {
    // Words longer than the page allows: shrink every column alike; Word breaks the longest words.
    widths = least.map((w) => (w * total) / sum(least));
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1] += total - sum(rounded);
  return rounded;
}
