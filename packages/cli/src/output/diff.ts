/**
 * A unified diff of two texts, line by line (`sla fmt --diff`), in the form `git apply` and
 * `patch -p1` read: `--- a/FILE`, `+++ b/FILE`, hunks with three lines of context, and
 * `\ No newline at end of file` where a text ends without one. The edit script is Myers' O(ND)
 * one after the common head and tail are set aside; past MAX_EDITS differing lines it gives up
 * minimality and replaces the differing middle whole, so memory stays bounded on any input.
 */

const CONTEXT = 3;
const MAX_EDITS = 2000;

type Kind = " " | "-" | "+";
interface Op {
  kind: Kind;
  line: string;
}

/**
 * Lines with their line breaks, so that a change of line ending or a missing final newline shows.
 * Only LF ends a line, as for diff and patch (a CR before it stays part of the line).
 */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' shortest edit script from `a` to `b`, or undefined when it needs more than MAX_EDITS edits. */
function shortestEditScript(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  // v[k] for diagonals -d..d of each round, kept for the way back
  const rounds: Int32Array[] = [];
  let v = new Int32Array(3);
  v[2] = 0; // the diagonal k = 1 before round 0 (offset 1)
  let vOffset = 1;
  for (let d = 0; d <= Math.min(n + m, MAX_EDITS); d++) {
    const next = new Int32Array(2 * d + 3);
    const offset = d + 1;
    const at = (k: number) => v[vOffset + k];
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        rounds.push(next);
        return backtrack(a, b, rounds);
      }
    }
    rounds.push(next);
    v = next;
    vOffset = offset;
  }
  return undefined;
}

function backtrack(a: string[], b: string[], rounds: Int32Array[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = rounds.length - 1; d > 0; d--) {
    const before = rounds[d - 1];
    const at = (k: number) => before[d + k];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousX = at(down ? k + 1 : k - 1);
    const previousY = previousX - (down ? k + 1 : k - 1);
    // the equal run that ends at (x, y) starts right after this round's one edit
    const runStartX = down ? previousX : previousX + 1;
    while (x > runStartX) {
      ops.push({ kind: " ", line: a[--x] });
      y--;
    }
    ops.push(down ? { kind: "+", line: b[previousY] } : { kind: "-", line: a[previousX] });
    x = previousX;
    y = previousY;
  }
  while (x > 0) ops.push({ kind: " ", line: a[--x] });
  return ops.reverse();
}

/** Every line of `a` and `b` in order: equal head, the middle as deletions then additions, equal tail. */
function editScript(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const middle = shortestEditScript(middleA, middleB) ?? [
    ...middleA.map((line): Op => ({ kind: "-", line })),
    ...middleB.map((line): Op => ({ kind: "+", line })),
  ];
  const equal = (line: string): Op => ({ kind: " ", line });
  return [...a.slice(0, head).map(equal), ...middle, ...a.slice(a.length - tail).map(equal)];
}

function printLine(op: Op): string {
  return op.line.endsWith("\n") ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** The unified diff from `before` to `after` of `file`, or "" when they are the same. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = editScript(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, index) => (op.kind === " " ? [] : [index]));
  const out = [`--- a/${file}\n`, `+++ b/${file}\n`];
  let i = 0;
  while (i < changed.length) {
    // one hunk: changes less than 2 × CONTEXT equal lines apart share their context
    let last = i;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[i] - CONTEXT);
    const to = Math.min(ops.length, changed[last] + CONTEXT + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let j = 0; j < from; j++) {
      if (ops[j].kind !== "+") oldStart++;
      if (ops[j].kind !== "-") newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    // an empty side is numbered from the line before it, as diff -u does
    out.push(
      `@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@\n`,
    );
    for (const op of hunk) out.push(printLine(op));
    i = last + 1;
  }
  return out.join("");
}
