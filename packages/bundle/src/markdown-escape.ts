/**
 * Text from a bundle (titles, names, clause prose, and, since a bundle may come from any JSON file,
 * every other string too) written into Markdown so that it renders as exactly those characters:
 * it can open no block, start no emphasis, link, image, code span or table cell, and carries no
 * HTML. What is escaped:
 *
 * - `&` before something that reads as an entity (`&amp;`, `&#60;`) becomes `&amp;`; `<` and `>`
 *   become `&lt;` and `&gt;`, so no tag, comment or autolink survives;
 * - the inline punctuation of CommonMark and GFM (`\` `` ` `` `*` `_` `[` `]` `|` `~` `#` `!`) gets a
 *   backslash;
 * - `://` and `www.` are broken with backslashes so a linkifying renderer makes no link;
 * - a leading `-`, `+`, `=` or `1.` / `1)` that could start a list, a thematic break or a setext
 *   heading gets a backslash;
 * - line breaks, tabs and runs of spaces become one space, control characters are dropped, and the
 *   text is trimmed, so a value stays on its line (and inside its table cell).
 */

/** Markdown that is already safe: produced by this module or written by the renderer itself. */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Marks renderer-written Markdown as safe. Never pass bundle text to it. */
export function raw(text: string): Markdown {
  return new Markdown(text);
}

/**
 * A template tag: interpolated values are escaped with `escapeInline` unless they are `Markdown`
 * already. `md\`**${title}**\`` bolds a title without letting it add markup of its own.
 */
export function md(strings: TemplateStringsArray, ...values: (string | number | Markdown)[]): Markdown {
  let out = strings[0];
  values.forEach((value, i) => {
    out += value instanceof Markdown ? value.text : escapeText(String(value));
    out += strings[i + 1];
  });
  return new Markdown(out);
}

/** Joins pieces of safe Markdown. */
export function join(parts: Markdown[], separator = ""): Markdown {
  return new Markdown(parts.map((p) => p.text).join(separator));
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** One line of inert Markdown from any text, trimmed. */
export function escapeInline(text: string): string {
  return escapeText(text.replace(CONTROL, "").trim());
}

/**
 * Text as `escapeInline` will show it, before escaping: control characters dropped, each run of
 * white space one space, trimmed. For a caller that reads the text (clause emphasis) before
 * escaping its pieces, so what it reads is what is shown.
 */
export function plainLine(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(/[\s\u2028\u2029]+/g, " ")
    .trim();
}

/** As `escapeInline` but keeping a leading or trailing space: for text placed inside a sentence. */
function escapeText(text: string): string {
  let s = text.replace(CONTROL, "").replace(/[\s\u2028\u2029]+/g, " ");
  s = s
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~#!]/g, "\\$&")
    .replace(/:\/\//g, "\\:\\/\\/")
    .replace(/\b(www)\./gi, "$1\\.");
  // Only what could open a block at the start of a line: a list item (`- x`, `+ x`, `1. x`, `1) x`), a
  // thematic break or a setext underline (`---`, `===`).
  return s.replace(/^([-+=])(?=\s|$|[-+=\s]*$)/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/** Text for a table cell: as `escapeInline` (which escapes `|` and removes line breaks); never empty. */
export function escapeCell(text: string): string {
  const s = escapeInline(text);
  return s === "" ? " " : s;
}

/**
 * A text block as paragraphs: blank lines separate paragraphs; the lines of a paragraph are joined
 * with a space (as a Markdown renderer would show them); each paragraph is escaped. Empty
 * paragraphs are dropped.
 */
export function escapeParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => escapeInline(paragraph))
    .filter((paragraph) => paragraph !== "");
}
