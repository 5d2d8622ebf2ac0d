/** The core's diagnostics and edits as LSP values. */
import {
  diagnosticDocumentationUrl,
  type Diagnostic as SlaDiagnostic,
  type TextEdit as SlaTextEdit,
} from "@sla/language";
import {
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import { toLspRange } from "./text.ts";

const SEVERITY: Record<SlaDiagnostic["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Codes whose subject is dead text: editors grey it out. */
const UNNECESSARY = new Set(["SLA2006"]);

export function toLspDiagnostic(diagnostic: SlaDiagnostic): Diagnostic {
  const result: Diagnostic = {
    range: toLspRange(diagnostic.range),
    severity: SEVERITY[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.code,
    source: "sla",
    message: diagnostic.message,
  };
  const documentation = diagnosticDocumentationUrl(diagnostic.code);
  if (documentation) result.codeDescription = { href: documentation };
  if (UNNECESSARY.has(diagnostic.code)) result.tags = [DiagnosticTag.Unnecessary];
  if (diagnostic.related?.length) {
    result.relatedInformation = diagnostic.related.map((r) => ({
      location: { uri: r.uri, range: toLspRange(r.range) },
      message: r.message,
    }));
  }
  return result;
}

/** Whether an LSP diagnostic the client sends back is this core diagnostic. */
export function sameDiagnostic(lsp: Diagnostic, diagnostic: SlaDiagnostic): boolean {
  const range = toLspRange(diagnostic.range);
  return (
    String(lsp.code) === diagnostic.code &&
    lsp.range.start.line === range.start.line &&
    lsp.range.start.character === range.start.character &&
    lsp.range.end.line === range.end.line &&
    lsp.range.end.character === range.end.character
  );
}

export function toWorkspaceEdit(edits: readonly SlaTextEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const list = changes[edit.uri] ?? [];
    list.push({ range: toLspRange(edit.range), newText: edit.newText });
    changes[edit.uri] = list;
  }
  return { changes };
}

/** A key under which the same diagnostic, reported by two programs that share a file, is shown once. */
export function diagnosticKey(diagnostic: SlaDiagnostic): string {
  return `${diagnostic.code}|${diagnostic.range.start.offset}|${diagnostic.range.end.offset}|${diagnostic.message}`;
}
