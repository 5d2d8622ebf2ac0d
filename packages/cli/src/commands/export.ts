/**
 * `sla export <format> CONTRACT.sla`: the contract's objectives for the tools of the field, one
 * subcommand per format (`openslo`; more join as subcommands of this one command). Only objectives
 * whose metric has an `indicator` are exported; a contract with none is an error, as is a contract
 * with errors. Exit codes: 0 written, 1 errors in the contract or nothing to export, 2 usage or I/O.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { type CheckedProgram, checkProgram } from "@sla/language";
import { compileBundle, exportOpenSlo, exportPrometheus, type RuleBundle } from "@sla/compiler";
import { CliError } from "../errors.ts";
import { isDirectory, nodeHost, toUri, writeFileAtomic } from "../files.ts";
import { formatDiagnostic } from "../output/diagnostics.ts";
import { styleFor } from "../output/style.ts";
import { displayPath } from "../workspace.ts";
import { registerExportSql } from "./export-sql.ts";

interface ExportFlags {
  out?: string;
}

/** A format: what it writes from a bundle, or `undefined` when nothing in it has an indicator. */
interface ExportFormat {
  readonly name: string;
  readonly description: string;
  readonly examples: string;
  readonly write: (bundle: RuleBundle) => string | undefined;
}

const FORMATS: readonly ExportFormat[] = [
  {
    name: "openslo",
    description: "write OpenSLO v1 documents (Service, SLI, SLO) for every objective whose metric has an indicator",
    examples: `  $ sla export openslo hosting.sla
  $ sla export openslo hosting.sla --out hosting.openslo.yaml`,
    write: exportOpenSlo,
  },
  {
    name: "prometheus",
    description:
      "write Prometheus rules: error ratios over 5m to the objective's period, the error budget left, burn-rate alerts",
    examples: `  $ sla export prometheus hosting.sla --out hosting.rules.yaml
  $ sla export prometheus hosting.sla | promtool check rules /dev/stdin`,
    write: exportPrometheus,
  },
];

export function registerExport(program: Command): void {
  const command = program
    .command("export")
    .description(
      "write a contract's objectives for monitoring tools (OpenSLO, Prometheus rules), or its record work as SQL",
    )
    .addHelpText(
      "after",
      `
Examples:
${FORMATS.map((format) => format.examples).join("\n")}
  $ sla export sql hosting.sla --dialect postgres --period 2026-03 --out hosting-sql

Each format takes the contract and -o, --out <file> (default: standard output);
'sla export FORMAT --help' tells more. Only objectives whose metric has an indicator
(\`indicator prometheus …\`) are exported (docs/ops.md). 'sql' writes a folder instead: the per-record
work as SQL for --dialect duckdb or postgres for the months --period (--to, --as-of), and run.sh,
which runs it over a records file; 'sla evaluate CONTRACT --sql-results FOLDER' then prints the report.`,
    );
  for (const format of FORMATS) {
    command
      .command(format.name)
      .description(format.description)
      .argument("<contract>", "the contract (a .sla file)")
      .option("-o, --out <file>", "the file to write (default: standard output)")
      .addHelpText(
        "after",
        `
Examples:
${format.examples}

Only objectives whose metric has an indicator (\`indicator prometheus …\`) are exported.
Exit codes: 0 written, 1 errors in the contract or no objective to export, 2 usage or I/O error.`,
      )
      .action((contract: string, flags: ExportFlags) => runExport(format, contract, flags));
  }
  // a folder of SQL and a runner rather than one text, with options of its own
  registerExportSql(command);
}

function runExport(format: ExportFormat, contract: string, flags: ExportFlags): void {
  if (!existsSync(contract) || isDirectory(contract)) throw new CliError(`${contract} is not a file`, 2);
  const program = checkProgram(toUri(contract), nodeHost());
  if (reportErrors(program)) {
    process.stderr.write(`nothing exported: ${contract} has errors\n`);
    process.exitCode = 1;
    return;
  }
  const text = format.write(compileBundle(program));
  if (text === undefined)
    throw new CliError(
      `nothing to export: no objective of ${contract} has a metric with an indicator (\`indicator prometheus …\`, docs/ops.md)`,
      1,
    );
  if (flags.out) writeFileAtomic(flags.out, text);
  else process.stdout.write(text);
}

/** Prints a program's errors as `check` does; true when it has any. */
function reportErrors(program: CheckedProgram): boolean {
  // colour as the environment says (FORCE_COLOR, NO_COLOR, a terminal)
  const style = styleFor(process.stderr, undefined);
  let errors = false;
  for (const diagnostic of program.diagnostics) {
    if (diagnostic.severity !== "error") continue;
    errors = true;
    process.stderr.write(
      `${formatDiagnostic({ file: displayPath(diagnostic.uri), text: program.files.get(diagnostic.uri)?.text, diagnostic }, style)}\n`,
    );
  }
  return errors;
}
