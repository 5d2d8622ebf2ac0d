/** The diagnostics model shared by every stage after the parser: CLI, server and compiler all speak it. */
import type { Range } from "../syntax/ast.ts";

export type Severity = "error" | "warning" | "info" | "hint";

/** Another place that explains a diagnostic: the first declaration of a duplicate, the target a tier contradicts. */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

/** A mechanical fix: applying every edit resolves the diagnostic. */
export interface DiagnosticFix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants, offered first. */
  preferred?: boolean;
}

export interface Diagnostic {
  /** Stable code from the catalogue, e.g. `SLA2001`. */
  code: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: DiagnosticFix[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
