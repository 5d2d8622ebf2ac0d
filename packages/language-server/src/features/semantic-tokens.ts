/**
 * Semantic tokens for the whole document: declaration names and references by the kind of
 * declaration (declarations carry the `declaration` modifier), keywords, strings and text blocks,
 * numbers and every other literal (durations, percentages, money, dates, times), comments.
 * Only the parse is needed: a reference is coloured by the kind its place requires.
 */
import { type DeclarationKind, declarationsOf, referenceSites, tokens as tokenTypes } from "@sla/language";
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from "vscode-languageserver";
import type { ServerContext } from "../context.ts";
import { isKeyword, tokenEnd } from "../analysis/tokens.ts";
import type { TextView } from "../workspace/text.ts";
import { locate } from "./locate.ts";

const TYPES = [
  "namespace",
  "class",
  "enum",
  "struct",
  "property",
  "function",
  "event",
  "variable",
  "enumMember",
  "keyword",
  "string",
  "number",
  "comment",
  "operator",
] as const;
type TokenTypeName = (typeof TYPES)[number];
const MODIFIERS = ["declaration"] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

export const KIND_TOKEN_TYPE: Record<DeclarationKind, TokenTypeName> = {
  agreement: "namespace",
  party: "class",
  calendar: "enum",
  service: "struct",
  metric: "property",
  objective: "function",
  remedy: "event",
  incentive: "event",
  reporting: "namespace",
  clause: "namespace",
};

const LITERALS = new Set([
  tokenTypes.NumberLiteral,
  tokenTypes.PercentageLiteral,
  tokenTypes.DurationLiteral,
  tokenTypes.MoneyLiteral,
  tokenTypes.DateLiteral,
  tokenTypes.TimeLiteral,
]);
/** The words of a comparison (`at least`, `above`…): operators, as the TextMate grammar scopes them. */
const COMPARISONS = new Set(["at", "least", "most", "above", "below"]);
const STRINGS = new Set([tokenTypes.StringLiteral, tokenTypes.TextBlock]);

interface Span {
  start: number;
  end: number;
  type: TokenTypeName;
  declaration?: boolean;
}

export function semanticTokens(context: ServerContext, params: SemanticTokensParams): SemanticTokens {
  const located = locate(context, params.textDocument.uri);
  const parsed = located && context.workspace.parsed(located.uri);
  if (!located || !parsed) return { data: [] };

  const names = new Map<number, { type: TokenTypeName; declaration: boolean }>();
  for (const declaration of declarationsOf(parsed.file)) {
    if (declaration.name)
      names.set(declaration.name.range.start.offset, { type: KIND_TOKEN_TYPE[declaration.kind], declaration: true });
    for (const site of referenceSites(declaration))
      names.set(site.identifier.range.start.offset, { type: KIND_TOKEN_TYPE[site.expected], declaration: false });
  }

  const spans: Span[] = [];
  for (const token of parsed.tokens) {
    const start = token.startOffset;
    const end = tokenEnd(token);
    if (isKeyword(token)) spans.push({ start, end, type: COMPARISONS.has(token.image) ? "operator" : "keyword" });
    else if (STRINGS.has(token.tokenType)) spans.push({ start, end, type: "string" });
    else if (LITERALS.has(token.tokenType)) spans.push({ start, end, type: "number" });
    else if (token.tokenType === tokenTypes.Always) spans.push({ start, end, type: "enumMember" });
    else if (token.tokenType === tokenTypes.Name) {
      const name = names.get(start);
      // a name nothing refers to by kind: a currency code, or a name where the parser did not expect one
      spans.push(name ? { start, end, ...name } : { start, end, type: "enumMember" });
    }
  }
  for (const comment of parsed.file.comments)
    spans.push({ start: comment.range.start.offset, end: comment.range.end.offset, type: "comment" });
  spans.sort((a, b) => a.start - b.start);
  return { data: encode(located.view, spans) };
}

function encode(view: TextView, spans: Span[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  const push = (line: number, character: number, length: number, span: Span) => {
    if (length <= 0) return;
    const deltaLine = line - previousLine;
    data.push(
      deltaLine,
      deltaLine === 0 ? character - previousCharacter : character,
      length,
      TYPES.indexOf(span.type),
      span.declaration ? 1 : 0,
    );
    previousLine = line;
    previousCharacter = character;
  };
  for (const span of spans) {
    const start = view.positionAt(span.start);
    const end = view.positionAt(span.end);
    if (start.line === end.line) {
      push(start.line, start.character, end.character - start.character, span);
      continue;
    }
    // one token per line: not every client supports tokens across lines
    for (let line = start.line; line <= end.line; line++) {
      const lineStart = view.lineStarts[line];
      const from = line === start.line ? span.start : lineStart;
      let to = line === end.line ? span.end : (view.lineStarts[line + 1] ?? view.text.length);
      while (to > from && (view.text[to - 1] === "\n" || view.text[to - 1] === "\r")) to--;
      push(line, from - lineStart, to - from, span);
    }
  }
  return data;
}
