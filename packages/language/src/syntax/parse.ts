/**
 * `parse(text)` never throws: it returns an AST and the syntax diagnostics, whatever the input.
 */
import type { IToken } from "chevrotain";
import { createDiagnostic, Diagnostics } from "../diagnostics/catalogue.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Comment, Range, SlaFile } from "./ast.ts";
import { buildFile, tokenRange } from "./build-ast.ts";
import { grammar } from "./grammar.ts";
import { computeLineStarts, positionAt } from "./positions.ts";
import {
  BlockComment,
  slaLexer,
  StringLiteral,
  TextBlock,
  UnterminatedBlockComment,
  UnterminatedString,
  UnterminatedTextBlock,
} from "./lexer.ts";

export interface ParseResult {
  file: SlaFile;
  diagnostics: Diagnostic[];
  /** The significant tokens, for completion and semantic colouring. */
  tokens: IToken[];
}

export { computeLineStarts, positionAt };

export function parse(text: string, uri = "untitled.sla"): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lineStarts = computeLineStarts(text);
  const rangeOf = (start: number, end: number): Range => ({
    start: positionAt(lineStarts, start),
    end: positionAt(lineStarts, end),
  });

  const lexed = slaLexer.tokenize(text);
  // Chevrotain misplaces the end of a token whose last character is a line break (an unterminated
  // text block or comment at the end of a file); multi-line tokens take their positions from ours.
  for (const t of [...lexed.tokens, ...((lexed.groups.comments ?? []) as IToken[])]) {
    if (/[\r\n]/.test(t.image)) {
      const end = positionAt(lineStarts, t.endOffset!);
      t.endLine = end.line;
      t.endColumn = end.column;
    }
  }
  for (const error of lexed.errors) {
    const char = text.slice(error.offset, error.offset + error.length);
    diagnostics.push(
      createDiagnostic(
        Diagnostics.unexpectedCharacter,
        { char: char.length > 20 ? `${char.slice(0, 20)}…` : char },
        uri,
        rangeOf(error.offset, error.offset + error.length),
      ),
    );
  }

  const comments: Comment[] = [];
  for (const t of (lexed.groups.comments ?? []) as IToken[]) {
    comments.push({ kind: "Comment", text: t.image, block: t.tokenType === BlockComment, range: tokenRange(t) });
  }

  // Unterminated literals become their terminated kind after one precise diagnostic, so the
  // parser sees a well-formed stream and reports nothing more about them.
  const tokens: IToken[] = [];
  for (const t of lexed.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(createDiagnostic(Diagnostics.unterminatedString, {}, uri, tokenRange(t)));
      tokens.push(retype(t, StringLiteral));
    } else if (t.tokenType === UnterminatedTextBlock) {
      diagnostics.push(createDiagnostic(Diagnostics.unterminatedTextBlock, {}, uri, tokenRange(t)));
      tokens.push(retype(t, TextBlock));
    } else if (t.tokenType === UnterminatedBlockComment) {
      diagnostics.push(createDiagnostic(Diagnostics.unterminatedComment, {}, uri, tokenRange(t)));
      comments.push({ kind: "Comment", text: t.image, block: true, range: tokenRange(t) });
    } else tokens.push(t);
  }
  comments.sort((a, b) => a.range.start.offset - b.range.start.offset);

  grammar.input = tokens;
  let cst: ReturnType<typeof grammar.file> | undefined;
  try {
    cst = grammar.file();
  } catch {
    // Chevrotain's recovery is defensive but not proven total; an AST of what was read beats a crash.
    cst = undefined;
  }
  for (const error of grammar.errors) {
    const t = error.token;
    const range = Number.isFinite(t.startOffset) ? tokenRange(t) : endOfInputRange(text, lineStarts, tokens);
    diagnostics.push(createDiagnostic(Diagnostics.syntaxError, { message: error.message }, uri, range));
  }
  const file = buildFile(cst, comments, text.length, lineStarts);
  return { file, diagnostics, tokens };
}

function retype(t: IToken, tokenType: IToken["tokenType"]): IToken {
  return { ...t, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx! };
}

/** Errors at the end of input point just after the last token, where the missing text belongs. */
function endOfInputRange(text: string, lineStarts: number[], tokens: IToken[]): Range {
  const last = tokens[tokens.length - 1];
  const offset = last ? last.endOffset! + 1 : text.length;
  const position = positionAt(lineStarts, offset);
  return { start: position, end: position };
}
