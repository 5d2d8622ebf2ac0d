/** Decoding of literal token text into AST values. Kept apart from the CST walk so tests can hit it directly. */
import type { DurationUnit } from "./ast.ts";

export function decodeNumber(text: string): string {
  return text.replace(/,/g, "");
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", '"': '"', "\\": "\\" };
/** A backslash does not escape these (the lexer ends a string before them). */
const LINE_TERMINATORS = new Set(["\n", "\r", "\u2028", "\u2029"]);

/** The value of a one-line string; `image` includes its quotes (the closing one may be missing). */
export function decodeString(image: string): string {
  // closed when the last quote is not itself escaped: an even number of backslashes before it
  let backslashes = 0;
  while (image.length - 2 - backslashes > 0 && image[image.length - 2 - backslashes] === "\\") backslashes++;
  const closed = image.length >= 2 && image.endsWith('"') && backslashes % 2 === 0;
  const body = image.slice(1, closed ? -1 : undefined);
  let at = body.indexOf("\\");
  if (at < 0) return body; // most strings: no list of parts to join
  // one slice per run between escapes: a replace callback per escape took seconds on a 10 MiB string
  const parts: string[] = [];
  let from = 0;
  while (at >= 0 && at < body.length - 1) {
    const c = body[at + 1];
    if (!LINE_TERMINATORS.has(c)) {
      if (at > from) parts.push(body.slice(from, at));
      parts.push(ESCAPES[c] ?? c);
      from = at + 2;
    }
    at = body.indexOf("\\", at + (LINE_TERMINATORS.has(c) ? 1 : 2));
  }
  parts.push(body.slice(from));
  return parts.join("");
}

/**
 * The value of a `"""` text block: the line break after the opening quotes and the indentation
 * before the closing ones are layout, and so is the indentation common to every non-blank line.
 */
export function decodeTextBlock(image: string): string {
  const closed = image.length >= 6 && image.endsWith('"""');
  let body = image.slice(3, closed ? -3 : undefined).replace(/\r\n?/g, "\n");
  const lines = body.split("\n");
  if (lines.length > 1 && lines[0].trim() === "") lines.shift();
  if (lines.length > 1 && lines[lines.length - 1].trim() === "") lines.pop();
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  body = lines.map((line) => (line.trim() === "" ? "" : line.slice(common).replace(/[ \t]+$/, ""))).join("\n");
  return body;
}

const UNIT_WORDS: Record<string, DurationUnit> = {
  millisecond: "millisecond",
  second: "second",
  minute: "minute",
  hour: "hour",
  day: "day",
  week: "week",
  month: "month",
  year: "year",
};

export function decodeDuration(image: string): { amount: string; unit: DurationUnit } {
  const match = /^([\d,.]+)[ \t]+(business[ \t]+)?([a-z]+?)s?$/.exec(image);
  if (!match) return { amount: "0", unit: "second" };
  const word = UNIT_WORDS[match[3]] ?? "second";
  const unit: DurationUnit = match[2] ? (word === "hour" ? "business hour" : "business day") : word;
  return { amount: decodeNumber(match[1]), unit };
}

export function decodeMoney(image: string): { currency: string; amount: string } {
  const match = /^([A-Z]{3})[ \t]+([\d,.]+)$/.exec(image);
  return match ? { currency: match[1], amount: decodeNumber(match[2]) } : { currency: "", amount: "0" };
}

/** Canonical spelling of a duration, as the formatter writes it: `15 minutes`, `1 business day`. */
export function formatDuration(amount: string, unit: DurationUnit): string {
  return `${amount} ${unit}${amount === "1" ? "" : "s"}`;
}
