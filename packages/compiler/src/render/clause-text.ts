/**
 * The contract's own clause text as clauses of the document model: paragraphs (separated by a
 * blank line) each a clause, and list lines (`- `, `* `, `1.`, `1)` or `(a)` at the start of a
 * line) as lettered items of the paragraph before them, so "does not apply to:" and its list stay
 * one clause. Emphasis is the one inline markup kept: `**bold**`, and `*italic*` or `_italic_`.
 * Parsed once here, so the Markdown and the Word contract show the same structure; every other
 * character is escaped, so the text adds no other markup (no links, images, code or HTML).
 */
import type { Block, Clause } from "./document.ts";
import { join, type Markdown, md, plainLine, raw } from "./escape.ts";

const ITEM = /^[ \t]*(?:[-*•]|\d{1,3}[.)]|\([a-z]{1,3}\))[ \t]+(\S.*)$/;

/** The n-th item's letter, as `lettered` in document.ts writes it (`a` … `z`, `aa`, `bb` …). */
function letter(index: number): string {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

export function clauseText(text: string): Clause[] {
  const clauses: Clause[] = [];
  let lines: string[] = [];
  let kind: "paragraph" | "item" | undefined;
  let afterBlank = false;
  const flush = () => {
    const body = emphasised(plainLine(lines.join(" "))).text;
    if (kind && body !== "") {
      if (kind === "paragraph" || clauses.length === 0) clauses.push({ blocks: [] });
      const blocks = clauses[clauses.length - 1].blocks;
      const block: Block = { kind: "paragraph", text: raw(body) };
      if (kind === "item") block.item = letter(blocks.filter((b) => b.kind === "paragraph" && b.item).length);
      blocks.push(block);
    }
    lines = [];
    kind = undefined;
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const item = ITEM.exec(line);
    if (item) {
      flush();
      kind = "item";
      lines = [item[1]];
    } else if (line.trim() === "") {
      flush();
      afterBlank = true;
      continue;
    } else if (kind && !afterBlank) {
      lines.push(line.trim());
    } else {
      flush();
      kind = "paragraph";
      lines = [line.trim()];
    }
    afterBlank = false;
  }
  flush();
  return clauses;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
type Side = "space" | "punctuation" | "other";

function side(c: string | undefined): Side {
  if (c === undefined || c === " ") return "space";
  return PUNCTUATION.test(c) ? "punctuation" : "other";
}

/**
 * CommonMark's flanking rules for a delimiter between `before` and `after`, so that every pair
 * taken as emphasis here is emphasis to a Markdown renderer too, and every other delimiter stays a
 * literal character. Escaping a neighbour keeps its class (`<` becomes `&lt;`, `[` becomes `\[`:
 * punctuation either way), so the rules give the same answer on the written Markdown.
 */
function canOpen(delimiter: string, before: string | undefined, after: string | undefined): boolean {
  if (side(after) === "space") return false;
  if (side(after) === "punctuation" && side(before) === "other") return false;
  return delimiter !== "_" || before === undefined || !ALPHANUMERIC.test(before);
}

function canClose(delimiter: string, before: string | undefined, after: string | undefined): boolean {
  if (side(before) === "space") return false;
  if (side(before) === "punctuation" && side(after) === "other") return false;
  return delimiter !== "_" || after === undefined || !ALPHANUMERIC.test(after);
}

/** Runs of `*` or `_`: the delimiters emphasis is made of. */
const RUN = /\*+|_+/g;

/** Whether a delimiter at [at, end) would split a `://` that escaping breaks up only when it is whole. */
function splitsScheme(text: string, at: number, end: number): boolean {
  return text[end] === "/" && /:\/?$/.test(text.slice(Math.max(0, at - 2), at));
}

/**
 * One paragraph's text as Markdown with its emphasis kept: `**x**` bold, `*x*` and `_x_` italic.
 * A delimiter pairs with the next run of the same characters that can close it;
 * emphasis does not nest, and a run that pairs with nothing (`5 * 3`, `snake_case`, `***`) is text.
 */
export function emphasised(text: string): Markdown {
  const runs = [...text.matchAll(RUN)].map((m) => {
    const end = m.index + m[0].length;
    const clean = !splitsScheme(text, m.index, end);
    return {
      at: m.index,
      end,
      run: m[0],
      opens: clean && canOpen(m[0], text[m.index - 1], text[end]),
      closes: clean && canClose(m[0], text[m.index - 1], text[end]),
    };
  });
  // the index of the next run of the same characters that can close, found from the end in one pass
  const nextCloser = new Array<number>(runs.length).fill(-1);
  const closerAfter = new Map<string, number>();
  for (let j = runs.length - 1; j >= 0; j--) {
    nextCloser[j] = closerAfter.get(runs[j].run) ?? -1;
    if (runs[j].closes) closerAfter.set(runs[j].run, j);
  }
  const parts: Markdown[] = [];
  let from = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    // `_` stays `_`: written as `*`, `_a_*b*` would become `*a**b*`, one run of two to a reader
    const style = open.run === "**" || open.run === "*" || open.run === "_" ? open.run : undefined;
    const k = nextCloser[i];
    if (!style || !open.opens || k < 0) continue;
    const close = runs[k];
    parts.push(md`${text.slice(from, open.at)}`, raw(style), md`${text.slice(open.end, close.at)}`, raw(style));
    from = close.end;
    i = k;
  }
  parts.push(md`${text.slice(from)}`);
  return join(parts);
}
