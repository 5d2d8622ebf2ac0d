import type { Command } from "commander";
import { allDiagnosticDefinitions } from "@sla/language";
import { CliError } from "../errors.ts";
import { diagnosticSection, knownDefinition } from "../output/diagnostic-docs.ts";

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
  const definition = knownDefinition(code);
  if (!definition) throw new CliError(`unknown diagnostic code '${code}'; run 'sla explain' to list them`, 2);
  return (
    diagnosticSection(definition) ??
    `${definition.code}: ${definition.title} (${definition.severity})\n\n${definition.message}`
  );
}
