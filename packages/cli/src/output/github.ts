/**
 * GitHub Actions workflow commands (`--format github`): one `::error …::message` line per
 * diagnostic, which the runner turns into an annotation on the file and line in the pull request.
 */
import type { Severity } from "@sla/language";
import { displayPath } from "../workspace.ts";
import type { FileDiagnostic } from "./diagnostics.ts";

const commandOf = (severity: Severity) =>
  severity === "error" ? "error" : severity === "warning" ? "warning" : "notice";

/** The message part of a command: `%`, CR and LF are escaped, as the runner's parser expects. */
export const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A property value: `:` and `,` also separate properties, so they are escaped too. */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function githubAnnotation({ file, diagnostic }: FileDiagnostic): string {
  const { start, end } = diagnostic.range;
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${start.line}`,
    `col=${start.column}`,
    `endLine=${end.line}`,
    `endColumn=${end.column}`,
    `title=${escapeProperty(diagnostic.code)}`,
  ].join(",");
  const notes = (diagnostic.related ?? []).map(
    (related) =>
      `note: ${related.message} (${displayPath(related.uri)}:${related.range.start.line}:${related.range.start.column})`,
  );
  return `::${commandOf(diagnostic.severity)} ${properties}::${escapeData([diagnostic.message, ...notes].join("\n"))}`;
}

/** An input that could not be read, as an annotation without a place (the run exits 2). */
export const githubProblem = (message: string) => `::error title=sla::${escapeData(message)}`;
