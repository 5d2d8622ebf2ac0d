/**
 * A change's sentence holds the titles it names marked, so each output can show them its own way:
 * in quotes in plain text and JSON, in italics in Markdown. Titles come from the contract and are
 * escaped for Markdown only when Markdown is written.
 */
import { escapeInline } from "../render/escape.ts";

const OPEN = "\u0001";
const CLOSE = "\u0002";

/** A title (or name) inside a sentence. */
export function named(title: string): string {
  return `${OPEN}${title.replace(/[\u0001\u0002]/g, "")}${CLOSE}`;
}

/** A quoted piece of the contract's text: a sentence of a clause, an address. */
export function quote(text: string): string {
  return `“${text}”`;
}

const MARKED = /\u0001([^\u0001\u0002]*)\u0002/g;

export function plainSentence(sentence: string): string {
  return sentence.replace(MARKED, (_, title: string) => `“${title}”`);
}

export function markdownSentence(sentence: string): string {
  let out = "";
  let last = 0;
  for (const match of sentence.matchAll(MARKED)) {
    out += escapeKeepingSpaces(sentence.slice(last, match.index));
    out += `*${escapeInline(match[1])}*`;
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapeKeepingSpaces(sentence.slice(last));
}

/** `escapeInline` trims; the text between two titles keeps the spaces that separate it from them. */
function escapeKeepingSpaces(text: string): string {
  const lead = /^\s/.test(text) ? " " : "";
  const trail = /\s$/.test(text) && text.trim() !== "" ? " " : "";
  return `${lead}${escapeInline(text)}${trail}`;
}
