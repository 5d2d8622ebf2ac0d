/** The documentation of each diagnostic code, from `docs/diagnostics.md` (bundled as text): one source for `sla explain` and SARIF rules. */
import { type DiagnosticDefinition, diagnosticDefinition } from "@sla/language";
import diagnosticsDoc from "../../../../docs/diagnostics.md";

const docLines = diagnosticsDoc.split(/\r?\n/);

/** The section headed `## CODE: Title`, up to the next section; undefined when the docs lack it. */
export function diagnosticSection(definition: DiagnosticDefinition): string | undefined {
  const start = docLines.findIndex((line) => line.startsWith(`## ${definition.code}:`));
  if (start === -1) return undefined;
  let end = docLines.findIndex((line, i) => i > start && /^##? /.test(line));
  if (end === -1) end = docLines.length;
  return docLines.slice(start, end).join("\n").trimEnd();
}

/** The section's first paragraph of prose (after the severity line), on one line. */
export function diagnosticDescription(definition: DiagnosticDefinition): string {
  const section = diagnosticSection(definition);
  const paragraph = section
    ?.split(/\n\s*\n/)
    .slice(1)
    .find((p) => !p.startsWith("**Severity:**") && !p.startsWith("```"));
  return paragraph ? paragraph.replace(/\s+/g, " ").trim() : definition.title;
}

export function knownDefinition(code: string): DiagnosticDefinition | undefined {
  return diagnosticDefinition(code.trim());
}
