/** Diagnostics for machines: `--format json`, every field a tool needs (related notes and fixes included). */
import type { Range } from "@sla/language";
import { displayPath } from "../workspace.ts";
import { type Counts, countDiagnostics, type FileDiagnostic } from "./diagnostics.ts";

/** A span as the JSON output gives it: 1-based lines and columns, the end column exclusive. */
function span(range: Range) {
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

export function toJsonDiagnostic({ file, diagnostic }: FileDiagnostic) {
  return {
    file,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    ...span(diagnostic.range),
    related: (diagnostic.related ?? []).map((related) => ({
      file: displayPath(related.uri),
      ...span(related.range),
      message: related.message,
    })),
    fixes: (diagnostic.fixes ?? []).map((fix) => ({
      title: fix.title,
      preferred: fix.preferred === true,
      edits: fix.edits.map((edit) => ({ file: displayPath(edit.uri), ...span(edit.range), newText: edit.newText })),
    })),
  };
}

export interface JsonSummary extends Counts {
  files: number;
}

/** `{ diagnostics, summary }`; the summary counts every diagnostic, even those `--quiet` leaves out. */
export function jsonReport(shown: FileDiagnostic[], all: FileDiagnostic[], files: number): string {
  const summary: JsonSummary = { ...countDiagnostics(all.map((item) => item.diagnostic)), files };
  return `${JSON.stringify({ diagnostics: shown.map(toJsonDiagnostic), summary }, null, 2)}\n`;
}
