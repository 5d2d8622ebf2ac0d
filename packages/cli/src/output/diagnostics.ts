/** Diagnostics for people, like tsc and rustc: position, severity, code, message, code frame, notes. */
import type { Diagnostic } from "@sla/language";
import { sourceLines } from "./source-lines.ts";
import type { Style } from "./style.ts";

export interface FileDiagnostic {
  /** The file as the user named it (relative to the working folder). */
  file: string;
  text: string | undefined;
  diagnostic: Diagnostic;
}

export function formatDiagnostic({ file, text, diagnostic }: FileDiagnostic, style: Style): string {
  const { start, end } = diagnostic.range;
  const colour =
    diagnostic.severity === "error" ? style.red : diagnostic.severity === "warning" ? style.yellow : style.blue;
  const head = `${style.cyan(file)}:${style.yellow(String(start.line))}:${style.yellow(String(start.column))} - ${colour(
    diagnostic.severity,
  )} ${style.dim(diagnostic.code)}: ${diagnostic.message}`;
  const lines = [head];
  const frame =
    text === undefined
      ? []
      : codeFrame(
          sourceLines(file, text).line(start.line),
          start.line,
          start.column,
          end.line === start.line ? end.column : undefined,
          style,
          colour,
        );
  if (frame.length) lines.push("", ...frame);
  for (const related of diagnostic.related ?? []) {
    lines.push(
      `  ${style.dim("note:")} ${related.message} (line ${related.range.start.line}, column ${related.range.start.column})`,
    );
  }
  return lines.join("\n");
}

function codeFrame(
  sourceLine: string | undefined,
  line: number,
  column: number,
  endColumn: number | undefined,
  style: Style,
  colour: (s: string) => string,
): string[] {
  if (sourceLine === undefined) return [];
  const shown = sourceLine.length > 200 ? sourceLine.slice(0, 200) : sourceLine;
  const gutter = String(line);
  const width = Math.max(1, Math.min((endColumn ?? column + 1) - column, shown.length - column + 1));
  const prefix = shown.slice(0, column - 1).replace(/[^\t]/g, " ");
  return [
    `${style.dim(`${gutter} |`)} ${shown.replace(/\t/g, "  ")}`,
    `${" ".repeat(gutter.length)} ${style.dim("|")} ${prefix.replace(/\t/g, "  ")}${colour("^".repeat(width))}`,
    "",
  ];
}

export interface Counts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

export function summary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(fileCount, "file")}`;
}
