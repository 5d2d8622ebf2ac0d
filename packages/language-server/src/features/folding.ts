/** Folding: blocks (`{ … }`), text blocks, block comments and runs of line comments, runs of imports. */
import { importsOf, tokens as tokenTypes } from "@sla/language";
import { type FoldingRange, FoldingRangeKind, type FoldingRangeParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { locate } from "./locate.ts";

export function foldingRanges(context: ServerContext, params: FoldingRangeParams): FoldingRange[] {
  const located = locate(context, params.textDocument.uri);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return [];
  const ranges: FoldingRange[] = [];
  // Lines here are the core's, from 1; LSP's count from 0.
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine > startLine) ranges.push({ startLine: startLine - 1, endLine: endLine - 1, ...(kind ? { kind } : {}) });
  };

  const open: number[] = [];
  for (const token of parsed.tokens) {
    if (token.tokenType === tokenTypes.LCurly) open.push(token.startLine ?? 1);
    else if (token.tokenType === tokenTypes.RCurly) {
      const start = open.pop();
      // the closing brace stays visible
      if (start !== undefined) add(start, (token.startLine ?? 1) - 1);
    } else if (token.tokenType === tokenTypes.TextBlock) add(token.startLine ?? 1, (token.endLine ?? 1) - 1);
  }

  let run: { start: number; end: number } | undefined;
  const endRun = () => {
    if (run) add(run.start, run.end, FoldingRangeKind.Comment);
    run = undefined;
  };
  for (const comment of parsed.file.comments) {
    const { start, end } = comment.range;
    const alone = located.view.text.slice(located.view.lineStarts[start.line - 1], start.offset).trim() === "";
    if (comment.block) {
      endRun();
      add(start.line, end.line, FoldingRangeKind.Comment);
    } else if (alone && run && start.line === run.end + 1) run.end = start.line;
    else {
      endRun();
      if (alone) run = { start: start.line, end: start.line };
    }
  }
  endRun();

  const imports = importsOf(parsed.file);
  let first = imports[0];
  for (let i = 1; i <= imports.length; i++) {
    const current = imports[i];
    const previous = imports[i - 1];
    const adjacent = current && parsed.file.items.indexOf(current) === parsed.file.items.indexOf(previous) + 1;
    if (!adjacent) {
      if (first) add(first.range.start.line, previous.range.end.line, FoldingRangeKind.Imports);
      first = current;
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
