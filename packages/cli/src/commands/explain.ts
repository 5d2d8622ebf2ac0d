import type { Command } from "commander";
import { allDiagnosticDefinitions, diagnosticDefinition } from "@sla/language";
import diagnosticsDoc from "../../../../docs/diagnostics.md";
import { CliError } from "../errors.ts";

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("print the documentation of a diagnostic code, or list every code")
    .argument("[code]", "a diagnostic code such as SLA2002")
    .addHelpText(
      "after",
      `
Examples:
  $ sla explain SLA2002
  $ sla explain          (lists every code)`,
    )
    .action((code: string | undefined) => {
      if (!code) {
        for (const d of allDiagnosticDefinitions())
          process.stdout.write(`${d.code}  ${d.severity.padEnd(7)}  ${d.title}\n`);
        return;
      }
      process.stdout.write(`${explain(code)}\n`);
    });
}

/** The section of docs/diagnostics.md headed `## CODE: Title`, up to the next section. */
export function explain(code: string): string {
  const definition = diagnosticDefinition(code.trim());
  if (!definition) throw new CliError(`unknown diagnostic code '${code}'; run 'sla explain' to list them`, 2);
  const lines = diagnosticsDoc.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(`## ${definition.code}:`));
  if (start === -1) return `${definition.code}: ${definition.title} (${definition.severity})\n\n${definition.message}`;
  let end = lines.findIndex((line, i) => i > start && /^##? /.test(line));
  if (end === -1) end = lines.length;
  return lines.slice(start, end).join("\n").trimEnd();
}
