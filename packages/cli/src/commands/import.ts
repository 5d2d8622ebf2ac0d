/**
 * `sla import openslo FILE…`: a starting contract from OpenSLO v1 documents, printed (or written
 * with --out); what could not be carried over is listed on standard error. Exit codes: 0 written,
 * 1 a file that is not YAML or not OpenSLO, 2 usage or I/O.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { importOpenSlo, OpenSloError } from "@sla/compiler";
import { CliError } from "../errors.ts";
import { readTextFile, writeFileAtomic } from "../files.ts";

interface ImportFlags {
  out?: string;
}

export function registerImport(program: Command): void {
  const command = program
    .command("import")
    .description("start a contract from another tool's files (OpenSLO)")
    .addHelpText(
      "after",
      `
Examples:
  $ sla import openslo slos.yaml --out shop.sla

'sla import openslo FILE… [-o, --out <file>]': 'sla import openslo --help' tells more (docs/ops.md).`,
    );
  command
    .command("openslo")
    .description("start a contract from OpenSLO v1 files: services, metrics with their indicators, objectives")
    .argument("<files...>", "OpenSLO YAML files (Service, SLI and SLO documents)")
    .option("-o, --out <file>", "the .sla file to write (default: standard output)")
    .addHelpText(
      "after",
      `
Examples:
  $ sla import openslo slos.yaml > shop.sla
  $ sla import openslo service.yaml slis.yaml slos.yaml --out shop.sla

The parties, fee and term are placeholders to fill in (docs/ops.md). What OpenSLO says that the
contract cannot carry (alert policies, other data sources, threshold metrics) is listed on
standard error.
Exit codes: 0 written, 1 a file that is not OpenSLO YAML, 2 usage or I/O error.`,
    )
    .action((files: string[], flags: ImportFlags) => runImport(files, flags));
}

function runImport(paths: string[], flags: ImportFlags): void {
  for (const path of paths) if (!existsSync(path)) throw new CliError(`cannot read ${path}: no such file`, 2);
  const files = paths.map((path) => ({ path, text: readTextFile(path) }));
  let result: ReturnType<typeof importOpenSlo>;
  try {
    result = importOpenSlo(files);
  } catch (error) {
    if (error instanceof OpenSloError) throw new CliError(error.message, 1);
    throw error;
  }
  for (const line of result.notCarried) process.stderr.write(`not carried over: ${line}\n`);
  if (flags.out) writeFileAtomic(flags.out, result.contract);
  else process.stdout.write(result.contract);
}
