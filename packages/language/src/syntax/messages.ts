/** Syntax error messages in the contract's own words: "Expected 'month', 'quarter' or 'year' after 'calendar', found 'mnth'." */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { PROPERTY_BY_RULE } from "../definition/index.ts";
import { whereWordBelongs } from "../definition/describe.ts";
import { keywordsOf } from "../definition/shape.ts";

/**
 * The property the parser last completed in the declaration body it is reading (the grammar sets
 * it), so that an error just after it can say what that property takes.
 */
export const bodyProgress: { lastProperty: string | undefined } = { lastProperty: undefined };

/** Where a token that ended a declaration body early belongs, or what the property before it takes. */
function unexpectedInBody(actual: IToken, ruleName: string): string | undefined {
  const declarationKind = ruleName.endsWith("Declaration") ? ruleName.slice(0, -"Declaration".length) : undefined;
  const last = bodyProgress.lastProperty ? PROPERTY_BY_RULE.get(bodyProgress.lastProperty) : undefined;
  // A word the property just read already used once (a third bound): what it takes says more.
  if (last?.complete && keywordsOf(last.syntax).has(actual.image)) return last.complete;
  if (actual.tokenType.name.startsWith("Kw_")) {
    const belongs = whereWordBelongs(actual.image, declarationKind);
    if (belongs) return belongs;
  }
  return last ? last.complete : undefined;
}

function describe(tokenType: TokenType): string {
  return tokenType.LABEL ?? tokenType.name;
}

/** A token as a message quotes it: a string or comment may be megabytes long. */
function quote(image: string): string {
  const shown = image.length > 40 ? `${image.slice(0, 40)}…` : image;
  return `'${shown.replace(/\s+/g, " ")}'`;
}

function found(actual: IToken): string {
  if (actual.tokenType.name === "EOF" || !Number.isFinite(actual.startOffset)) return "the end of the file";
  return quote(actual.image);
}

/**
 * "after 'x'", when x really comes before the token found: after recovery Chevrotain may hand over
 * a token from further on, and "after '97', found 'percentile'" reads backwards.
 */
function after(previous: IToken | undefined, actual: IToken): string {
  if (!previous || !Number.isFinite(previous.startOffset) || !previous.image) return "";
  if (Number.isFinite(actual.startOffset) && previous.startOffset >= actual.startOffset) return "";
  return ` after ${quote(previous.image)}`;
}

function oneOf(options: string[]): string {
  const unique = [...new Set(options)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  const shown = unique.length > 8 ? [...unique.slice(0, 8), "…"] : unique;
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

function firstOfPaths(paths: TokenType[][]): string[] {
  return paths.filter((p) => p.length > 0).map((p) => describe(p[0]));
}

export const slaErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    // the end of the file is expected where a declaration could have started: say that
    if (expected.name === "EOF")
      return `Expected a declaration (agreement, party, service, …), found ${found(actual)}.`;
    if (expected.name === "RCurly" && actual.tokenType.name !== "EOF") {
      const hint = unexpectedInBody(actual, ruleName);
      if (hint) return `Expected a property or '}'${after(previous, actual)}, found ${found(actual)}: ${hint}.`;
    }
    return `Expected ${describe(expected)}${after(previous, actual)}, found ${found(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Expected a declaration (agreement, party, service, …), found ${found(firstRedundant)}.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const options = firstOfPaths(expectedPathsPerAlt.flat());
    if (ruleName === "topLevel")
      return `Expected a declaration (agreement, party, service, …), found ${found(actual[0])}.`;
    return `Expected ${oneOf(options)}${after(previous, actual[0])}, found ${found(actual[0])}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    return `Expected ${oneOf(firstOfPaths(expectedIterationPaths))}${after(previous, actual[0])}, found ${found(actual[0])}.`;
  },
};
