/** Syntax error messages in the contract's own words: "Expected 'month', 'quarter' or 'year' after 'calendar', found 'mnth'." */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";

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

function after(previous: IToken | undefined): string {
  return previous && Number.isFinite(previous.startOffset) && previous.image ? ` after ${quote(previous.image)}` : "";
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
  buildMismatchTokenMessage({ expected, actual, previous }) {
    // the end of the file is expected where a declaration could have started: say that
    if (expected.name === "EOF")
      return `Expected a declaration (agreement, party, service, …), found ${found(actual)}.`;
    return `Expected ${describe(expected)}${after(previous)}, found ${found(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Expected a declaration (agreement, party, service, …), found ${found(firstRedundant)}.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const options = firstOfPaths(expectedPathsPerAlt.flat());
    if (ruleName === "topLevel")
      return `Expected a declaration (agreement, party, service, …), found ${found(actual[0])}.`;
    return `Expected ${oneOf(options)}${after(previous)}, found ${found(actual[0])}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    return `Expected ${oneOf(firstOfPaths(expectedIterationPaths))}${after(previous)}, found ${found(actual[0])}.`;
  },
};
