export * from "./syntax/ast.ts";
export * as tokens from "./syntax/lexer.ts";
export {
  DECLARATION_DOCS,
  DECLARATIONS,
  type KeywordDoc,
  NAME_SLOT_RULES,
  PLAIN_VALUES,
  type PlainValue,
  PROPERTIES,
  PROPERTY_DOCS,
  REFERENCE_FIELDS,
  allSnippets,
  SNIPPETS,
  type SnippetDefinition,
  type SnippetKeyword,
  type SnippetName,
  vscodeSnippetFile,
} from "./definition/index.ts";
export type { ValueTypes as ValueNodes } from "./definition/types.ts";
export { KEYWORDS, DECLARATION_KEYWORDS, keywordTokens, slaLexer, type Keyword } from "./syntax/lexer.ts";
export {
  GENERATED_FIELDS,
  type KeywordClasses,
  keywordClasses,
  type TextMateGrammar,
  withDefinitionKeywords,
} from "./definition/textmate.ts";
export { parse, positionAt, computeLineStarts, type ParseResult } from "./syntax/parse.ts";
export { parseDocument, reparseDocument, type ParsedDocument } from "./syntax/incremental-parse.ts";
export { slaGrammar } from "./syntax/grammar.ts";
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
export * from "./program/host.ts";
export { folderOf, pathToFolderUri, relativeSourcePath, relativeToFolder, uriFileName } from "./uri.ts";
export { loadProgram, type LoadedProgram, type SourceFile, type ParseCache } from "./program/program.ts";
export { checkProgram, checkLoadedProgram, type CheckedProgram, type NamedRule } from "./check/check.ts";
export type { Binding, Reference, SymbolEntry } from "./check/binder.ts";
export { referenceSites, type ReferenceSite } from "./check/references.ts";
export { closestName, editDistance } from "./check/suggest.ts";
export { NameDiagnostics } from "./check/codes.ts";
export * from "./budget/index.ts";
export * from "./model/index.ts";
export {
  StructureDiagnostics,
  ValueDiagnostics,
  TierDiagnostics,
  ConsistencyDiagnostics,
  InternalDiagnostics,
} from "./check/codes.ts";
export { MONTH_NAMES } from "./dates.ts";
export { customerCausedTerm, GENERATED_TERMS, isGeneratedTerm } from "./terms.ts";
export * from "./check/rules/limit-values.ts";
