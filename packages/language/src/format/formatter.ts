/**
 * The canonical layout of an `.sla` file: one declaration after another with one blank line
 * between, each property on its own line indented by two spaces per block, single spaces between
 * the words of a property, comments kept where they were, at most one blank line kept between
 * properties. A block written on one line with at most one property stays on one line.
 *
 * The formatter walks the token stream and takes structure (where declarations and properties
 * begin) from the AST, so it never reorders or drops a token: the result parses to the same AST.
 * A file with syntax errors is returned unchanged, since its structure is not known.
 */
import type { IToken } from "chevrotain";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Comment, Declaration, ImportDeclaration, Property } from "../syntax/ast.ts";
import { DurationLiteral, LCurly, MoneyLiteral, RCurly, TextBlock, Comma } from "../syntax/lexer.ts";
import { decodeTextBlock } from "../syntax/literals.ts";
import { parse } from "../syntax/parse.ts";

export interface FormatResult {
  text: string;
  changed: boolean;
  /** Syntax errors that kept the file from being formatted. */
  errors: Diagnostic[];
}

const INDENT = "  ";

/** A line comment at the end of an output line, and where it stood in the source. */
interface TrailingComment {
  /** The output line (index into `lines`) it ends. */
  index: number;
  /** The output line before the comment. */
  code: string;
  text: string;
  sourceLine: number;
  sourceColumn: number;
}

type Element =
  | { kind: "token"; token: IToken; start: number; end: number }
  | { kind: "comment"; comment: Comment; start: number; end: number };

export function format(text: string): FormatResult {
  const parsed = parse(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { text, changed: false, errors };

  const eol = /\r\n/.test(text.slice(0, text.search(/\n|$/) + 1)) ? "\r\n" : "\n";
  const bom = text.startsWith("\ufeff") ? "\ufeff" : "";

  const elements: Element[] = [
    ...parsed.tokens.map(
      (token): Element => ({ kind: "token", token, start: token.startOffset, end: token.endOffset! + 1 }),
    ),
    ...parsed.file.comments.map(
      (comment): Element => ({
        kind: "comment",
        comment,
        start: comment.range.start.offset,
        end: comment.range.end.offset,
      }),
    ),
  ].sort((a, b) => a.start - b.start);

  const itemStarts = new Map<number, ImportDeclaration | Declaration>();
  for (const item of parsed.file.items) itemStarts.set(item.range.start.offset, item);
  const propertyStarts = new Set<number>();
  const visit = (properties: Property[]) => {
    for (const property of properties) {
      propertyStarts.add(property.range.start.offset);
      if (property.kind === "exclude") visit(property.properties);
    }
  };
  for (const item of parsed.file.items) if (item.kind !== "import") visit(item.properties);
  const inlineBlocks = findInlineBlocks(elements, text, propertyStarts);

  const lines: string[] = [];
  const trailing: TrailingComment[] = [];
  let current = "";
  let depth = 0;
  let inlineDepth = 0;
  let previous: Element | undefined;
  let previousWasOwnLineComment = false;

  const blankLinesBetween = (from: number, to: number) =>
    Math.max(0, (text.slice(from, to).match(/\r\n|\r|\n/g)?.length ?? 0) - 1);
  const startLine = (blank: number, indentDepth: number) => {
    if (previous !== undefined) {
      lines.push(current.replace(/[ \t]+$/, ""));
      for (let i = 0; i < blank; i++) lines.push("");
    }
    current = INDENT.repeat(Math.max(0, indentDepth));
  };

  for (const element of elements) {
    const sourceBlank = previous ? blankLinesBetween(previous.end, element.start) : 0;
    const onNewSourceLine = previous ? /[\r\n]/.test(text.slice(previous.end, element.start)) : true;
    const afterOpen =
      previous?.kind === "token" && previous.token.tokenType === LCurly && !inlineBlocks.has(previous.start);

    if (element.kind === "comment") {
      if (previous && !onNewSourceLine) {
        const { start } = element.comment.range;
        if (!element.comment.block)
          trailing.push({
            index: lines.length,
            code: current,
            text: element.comment.text,
            sourceLine: start.line,
            sourceColumn: start.column,
          });
        current += (element.comment.block ? " " : "  ") + element.comment.text;
      } else {
        // a comment that opens a new top-level section stands apart from the declaration before it
        const blank = afterOpen ? 0 : depth === 0 && previous?.kind === "token" ? 1 : Math.min(1, sourceBlank);
        startLine(blank, depth);
        current += element.comment.text;
        previousWasOwnLineComment = true;
        previous = element;
        continue;
      }
      previous = element;
      previousWasOwnLineComment = false;
      continue;
    }

    const token = element.token;
    const item = itemStarts.get(element.start);
    const lineComment = previous?.kind === "comment" && !previous.comment.block;
    if (token.tokenType === RCurly && inlineDepth > 0 && inlineBlocks.has(matchingOpen(elements, element))) {
      current += current.endsWith("{") ? "}" : " }";
      inlineDepth--;
      depth--;
    } else if (token.tokenType === RCurly) {
      depth--;
      startLine(0, depth);
      current += "}";
    } else if (item && previous) {
      const bothImports =
        item.kind === "import" && previous.kind === "token" && isInImport(previous, parsed.file.items);
      const blank = previousWasOwnLineComment || bothImports ? Math.min(1, sourceBlank) : 1;
      startLine(blank, depth);
      current += image(token, depth);
    } else if (!previous) {
      current += image(token, depth);
    } else if (propertyStarts.has(element.start) && inlineDepth === 0) {
      startLine(
        afterOpen || previousWasOwnLineComment ? Math.min(afterOpen ? 0 : 1, sourceBlank) : Math.min(1, sourceBlank),
        depth,
      );
      current += image(token, depth);
    } else if (lineComment) {
      startLine(0, depth + 1);
      current += image(token, depth);
    } else if (token.tokenType === Comma) {
      current += ",";
    } else {
      current += ` ${image(token, depth)}`;
    }

    if (token.tokenType === LCurly) {
      depth++;
      if (inlineBlocks.has(element.start)) inlineDepth++;
    }
    previous = element;
    previousWasOwnLineComment = false;
  }
  if (previous) lines.push(current.replace(/[ \t]+$/, ""));
  alignTrailingComments(lines, trailing);
  const output = bom + (lines.length ? lines.join(eol) + eol : "");
  return { text: output, changed: output !== text, errors: [] };
}

/**
 * Trailing comments that were aligned in the source stay aligned, as gofmt keeps them: a run of
 * consecutive lines whose comments started in one column (a blank line, a line without a comment
 * or a comment elsewhere ends the run) puts them two spaces after the run's longest line. Any other
 * trailing comment stands two spaces after its line. Formatting the result again finds the same
 * runs in the same column, so the layout is stable.
 */
function alignTrailingComments(lines: string[], trailing: TrailingComment[]): void {
  const continues = (a: TrailingComment, b: TrailingComment) =>
    b.index === a.index + 1 &&
    b.sourceLine === a.sourceLine + 1 &&
    b.sourceColumn === a.sourceColumn &&
    !b.code.includes("\n") &&
    !a.code.includes("\n");
  for (let first = 0; first < trailing.length; ) {
    let last = first;
    while (last + 1 < trailing.length && continues(trailing[last], trailing[last + 1])) last++;
    if (last > first) {
      const run = trailing.slice(first, last + 1);
      const column = Math.max(...run.map((comment) => comment.code.length)) + 2;
      for (const comment of run) lines[comment.index] = comment.code.padEnd(column) + comment.text;
    }
    first = last + 1;
  }
}

function isInImport(previous: Element, items: (ImportDeclaration | Declaration)[]): boolean {
  return items.some(
    (item) =>
      item.kind === "import" && previous.start >= item.range.start.offset && previous.end <= item.range.end.offset,
  );
}

/** The text a token is written as: literals keep their digits and spelling, layout inside them is canonical. */
function image(token: IToken, depth: number): string {
  if (token.tokenType === DurationLiteral || token.tokenType === MoneyLiteral)
    return token.image.replace(/[ \t]+/g, " ");
  if (token.tokenType === TextBlock) return textBlock(decodeTextBlock(token.image), depth);
  return token.image;
}

/** A text block's lines one level deeper than the property, its closing quotes level with it. */
function textBlock(value: string, depth: number): string {
  const indent = INDENT.repeat(depth + 1);
  const body = value.split("\n").map((line) => (line === "" ? "" : indent + line));
  return `"""\n${body.join("\n")}\n${INDENT.repeat(depth)}"""`;
}

/** Offsets of `{` whose block was written on one line, holds at most one property and no comment or nested block. */
function findInlineBlocks(elements: Element[], text: string, propertyStarts: Set<number>): Set<number> {
  const inline = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (element.kind !== "token") continue;
    if (element.token.tokenType === LCurly) stack.push(i);
    else if (element.token.tokenType === RCurly && stack.length) {
      const open = stack.pop()!;
      const inside = elements.slice(open + 1, i);
      const oneLine = !/[\r\n]/.test(text.slice(elements[open].start, element.end));
      const simple = inside.every(
        (e) => e.kind === "token" && e.token.tokenType !== LCurly && e.token.tokenType !== TextBlock,
      );
      const properties = inside.filter((e) => propertyStarts.has(e.start)).length;
      if (oneLine && simple && properties <= 1) inline.add(elements[open].start);
    }
  }
  return inline;
}

function matchingOpen(elements: Element[], close: Element): number {
  let depth = 0;
  for (let i = elements.indexOf(close) - 1; i >= 0; i--) {
    const e = elements[i];
    if (e.kind !== "token") continue;
    if (e.token.tokenType === RCurly) depth++;
    else if (e.token.tokenType === LCurly) {
      if (depth === 0) return e.start;
      depth--;
    }
  }
  return -1;
}
