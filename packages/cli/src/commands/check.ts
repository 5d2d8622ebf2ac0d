import type { Command } from "commander";
import { hasErrors } from "@sla/language";
import { CliError } from "../errors.ts";
import { expandInputs } from "../inputs.ts";
import { formatDiagnostic, summary, toJsonDiagnostic } from "../output/diagnostics.ts";
import { progress } from "../output/progress.ts";
import { styleFor } from "../output/style.ts";
import { diagnosticsOf, Workspace } from "../workspace.ts";

interface CheckFlags {
  format: string;
  quiet?: boolean;
  color: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check contracts for errors and warnings")
    .argument("[inputs...]", "files, folders (searched for .sla files) or globs; - reads standard input", ["."])
    .option("--format <human|json>", "output format", "human")
    .option("-q, --quiet", "print errors only, without warnings or the summary")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      `
Examples:
  $ sla check examples/hosting.sla
  $ sla check contracts/ --format json
  $ cat draft.sla | sla check -

Exit codes: 0 no errors (warnings allowed), 1 errors in a contract, 2 usage or I/O error.`,
    )
    .action((inputs: string[], flags: CheckFlags) => runCheck(inputs, flags));
}

export function runCheck(inputs: string[], flags: CheckFlags): void {
  if (flags.format !== "human" && flags.format !== "json")
    throw new CliError(`--format must be human or json, not '${flags.format}'`, 2);
  const files = expandInputs(inputs, { allowStdin: true });
  const workspace = new Workspace();
  const bar = progress(files.length, "Checking");
  const checked = files.map((file, index) => {
    bar.tick(index + 1);
    return workspace.check(file);
  });
  bar.done();
  const items = Workspace.collect(checked);
  const diagnostics = diagnosticsOf(items);
  if (flags.format === "json") {
    const shown = flags.quiet ? items.filter((i) => i.diagnostic.severity === "error") : items;
    process.stdout.write(`${JSON.stringify({ diagnostics: shown.map(toJsonDiagnostic) }, null, 2)}\n`);
  } else {
    const style = styleFor(process.stdout, flags.color);
    const shown = flags.quiet ? items.filter((i) => i.diagnostic.severity === "error") : items;
    for (const item of shown) process.stdout.write(`${formatDiagnostic(item, style)}\n`);
    if (!flags.quiet) process.stdout.write(`${summary(diagnostics, files.length)}\n`);
  }
  process.exitCode = hasErrors(diagnostics) ? 1 : 0;
}
