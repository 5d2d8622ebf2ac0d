/**
 * What the grammar accepts next, from Chevrotain's `computeContentAssist` on the tokens of the
 * declaration the cursor is in. Nothing here is a second copy of the grammar: keywords, multi-word
 * phrases (`max total outage`, `per calendar month`) and the kind of name a place needs all come
 * from the parser's own rules.
 */
import { DECLARATION_KEYWORDS, keywordTokens, slaGrammar, tokens as tokenTypes } from "@sla/language";
import type { Token } from "./tokens.ts";

type TokenType = Token["tokenType"];

export interface Suggestion {
  tokenType: TokenType;
  /** The rules open at that point, outermost first: `["objectiveDeclaration", "metricProperty"]`. */
  ruleStack: string[];
}

const DECLARATION_TYPES = new Map<TokenType, string>(DECLARATION_KEYWORDS.map((w) => [keywordTokens[w], w]));

/** A token for the content assist, which looks only at token types. */
export function syntheticToken(tokenType: TokenType, image = ""): Token {
  return {
    image,
    startOffset: Number.NaN,
    endOffset: Number.NaN,
    tokenType,
    tokenTypeIdx: tokenType.tokenTypeIdx!,
  } as Token;
}

export interface DeclarationContext {
  /** `objectiveDeclaration`, `importDeclaration`…; undefined at the top level between declarations. */
  rule?: string;
  /** The tokens from the declaration keyword up to the cursor. */
  tokens: Token[];
}

/** The declaration the cursor is in, from the tokens before it. */
export function declarationContext(before: Token[]): DeclarationContext {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < before.length; i++) {
    const t = before[i];
    if (t.tokenType === tokenTypes.LCurly) depth++;
    else if (t.tokenType === tokenTypes.RCurly) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) start = -1;
    } else if (depth === 0 && DECLARATION_TYPES.has(t.tokenType)) start = i;
    else if (
      depth === 0 &&
      start >= 0 &&
      start === i - 1 &&
      t.tokenType === tokenTypes.StringLiteral &&
      before[start].tokenType === keywordTokens.import
    )
      start = -1; // an import is complete with its path
  }
  if (start < 0) return { tokens: [] };
  return { rule: `${DECLARATION_TYPES.get(before[start].tokenType)}Declaration`, tokens: before.slice(start) };
}

function rawAssist(rule: string, tokens: Token[]): Suggestion[] {
  try {
    return slaGrammar()
      .computeContentAssist(rule, tokens)
      .map((s) => ({ tokenType: s.nextTokenType, ruleStack: s.ruleStack }));
  } catch {
    return [];
  }
}

export interface Assist {
  suggestions: Suggestion[];
  /** The token vector the suggestions follow: the given one, or the part of it the grammar could follow. */
  tokens: Token[];
}

/**
 * The tokens the grammar accepts after `tokens` in `rule`. When an earlier mistake in the
 * declaration stops the grammar from following it, the assist restarts from the latest property
 * it can follow (after a synthetic header), so one error does not turn completion off. Starting
 * afresh with nothing before the cursor (a new property) is only tried on a new line.
 */
export function assist(rule: string, tokens: Token[], onNewLine = true): Assist {
  const direct = rawAssist(rule, tokens);
  if (direct.length > 0 || tokens.length < 2) return { suggestions: direct, tokens };
  const open = tokens.findIndex((t) => t.tokenType === tokenTypes.LCurly);
  if (open < 0) return { suggestions: direct, tokens };
  const header = [tokens[0], syntheticToken(tokenTypes.Name, "_"), syntheticToken(tokenTypes.LCurly, "{")];
  for (let k = open + 1; k <= tokens.length; k++) {
    if (k === tokens.length && !onNewLine) break;
    const attempt = [...header, ...tokens.slice(k)];
    const suggestions = rawAssist(rule, attempt);
    if (suggestions.length > 0) return { suggestions, tokens: attempt };
  }
  return { suggestions: [], tokens };
}

function isKeywordType(tokenType: TokenType): boolean {
  return tokenType.name.startsWith("Kw_");
}

export interface Phrase {
  words: string[];
  /** What follows the phrase, for the completion item's detail. */
  ruleStack: string[];
}

/**
 * Keywords the grammar accepts next, each extended into the phrase it begins while the same rule
 * leaves at most three keywords to choose from: `max` → `max outage per incident`, `max total outage`.
 */
export function keywordPhrases(rule: string, tokens: Token[], suggestions: Suggestion[]): Phrase[] {
  const result: Phrase[] = [];
  const seen = new Set<string>();
  const extend = (prefix: Token[], words: string[], suggestion: Suggestion, depth: number) => {
    const word = suggestion.tokenType.name.slice(3);
    const next = [...prefix, syntheticToken(suggestion.tokenType, word)];
    const following = depth < 4 ? unique(rawAssist(rule, next)) : [];
    // A phrase goes on while the same rule offers at most five keywords: `max` → `max total
    // outage`, `per` → `per calendar month`; but `target` stops before its comparator.
    const innermost = (s: Suggestion) => s.ruleStack[s.ruleStack.length - 1];
    const continues =
      following.length > 0 &&
      following.length <= 5 &&
      following.every((s) => isKeywordType(s.tokenType) && innermost(s) === innermost(suggestion));
    if (continues) {
      for (const s of following) extend(next, [...words, word], s, depth + 1);
      return;
    }
    const key = [...words, word].join(" ");
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ words: [...words, word], ruleStack: suggestion.ruleStack });
  };
  for (const suggestion of unique(suggestions))
    if (isKeywordType(suggestion.tokenType)) extend(tokens, [], suggestion, 0);
  return result;
}

function unique(suggestions: Suggestion[]): Suggestion[] {
  const seen = new Set<TokenType>();
  return suggestions.filter((s) => !seen.has(s.tokenType) && seen.add(s.tokenType));
}
