export * from "./syntax/ast.ts";
export * from "./syntax/lexer.ts";
export { parse, positionAt, computeLineStarts, type ParseResult } from "./syntax/parse.ts";
export { grammar } from "./syntax/grammar.ts";
export {
  decodeDuration,
  decodeMoney,
  decodeNumber,
  decodeString,
  decodeTextBlock,
  formatDuration,
} from "./syntax/literals.ts";
export * from "./diagnostics/diagnostic.ts";
export * from "./diagnostics/catalogue.ts";
export { format, type FormatResult } from "./format/formatter.ts";
