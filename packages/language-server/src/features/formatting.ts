/**
 * Formatting with the same `format()` as `sla fmt`. A file with syntax errors is left alone (the
 * formatter would not know its structure). Whole-document formatting returns one edit that
 * replaces only the lines that changed. Range formatting formats the declarations (and imports)
 * that the range touches, each as `sla fmt` would, and leaves the text between them alone.
 */
import { format, parse } from "@sla/language";
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import type { TextView } from "../workspace/text.ts";
import { locate } from "./locate.ts";

export function formatDocument(context: ServerContext, params: DocumentFormattingParams): TextEdit[] {
  const located = locate(context, params.textDocument.uri);
  if (!located) return [];
  const result = format(located.view.text);
  if (result.errors.length > 0 || !result.changed) return [];
  return minimalEdits(located.view, result.text);
}

export function formatRange(context: ServerContext, params: DocumentRangeFormattingParams): TextEdit[] {
  const located = locate(context, params.textDocument.uri);
  if (!located) return [];
  const { view } = located;
  const result = format(view.text);
  if (result.errors.length > 0 || !result.changed) return [];
  const before = context.workspace.parsed(located.uri)?.file.items ?? [];
  const after = parse(result.text).file.items;
  if (before.length !== after.length) return minimalEdits(view, result.text);
  const start = view.offsetAt(params.range.start);
  const end = view.offsetAt(params.range.end);
  const edits: TextEdit[] = [];
  for (let i = 0; i < before.length; i++) {
    const item = before[i].range;
    if (item.end.offset < start || item.start.offset > end) continue;
    const formatted = result.text.slice(after[i].range.start.offset, after[i].range.end.offset);
    if (formatted !== view.text.slice(item.start.offset, item.end.offset))
      edits.push({ range: view.rangeOf(item.start.offset, item.end.offset), newText: formatted });
  }
  return edits;
}

/** One edit covering the changed lines only, so that editors keep the cursor and folds elsewhere. */
export function minimalEdits(view: TextView, formatted: string): TextEdit[] {
  const text = view.text;
  let prefix = 0;
  const max = Math.min(text.length, formatted.length);
  while (prefix < max && text.charCodeAt(prefix) === formatted.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    text.charCodeAt(text.length - 1 - suffix) === formatted.charCodeAt(formatted.length - 1 - suffix)
  )
    suffix++;
  // widen to whole lines of the original
  let start = prefix;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  const lineStartShift = prefix - start;
  let end = text.length - suffix;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  const endShift = end - (text.length - suffix);
  const newText = formatted.slice(prefix - lineStartShift, formatted.length - suffix + endShift);
  return [{ range: view.rangeOf(start, end), newText }];
}
