import type { Command } from "commander";
import { hasErrors } from "@sla/language";
import rootPackage from "../../../../package.json";
import { CliError } from "../errors.ts";
import { expandInputs, FileProblems } from "../inputs.ts";
import { countDiagnostics, type FileDiagnostic, formatDiagnostic, summary } from "../output/diagnostics.ts";
import { githubAnnotation, githubProblem } from "../output/github.ts";
import { jsonReport } from "../output/json.ts";
import { progress } from "../output/progress.ts";
import { sarifLog } from "../output/sarif.ts";
import { styleFor } from "../output/style.ts";
import { diagnosticsOf, Workspace } from "../workspace.ts";

const FORMATS = ["human", "json", "sarif", "github"] as const;
type Format = (typeof FORMATS)[number];

interface CheckFlags {
  format: string;
  quiet?: boolean;
  color?: boolean;
  maxWarnings?: string;
  stdinFilename?: string;
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check contracts for errors and warnings")
    .argument("[inputs...]", "files, folders (searched for .sla files) or globs; - reads standard input", ["."])
    .option("--format <human|json|sarif|github>", "output format", "human")
    .option("-q, --quiet", "print errors only, without warnings or the summary")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("--stdin-filename <path>", "the path a contract read from - stands for: its imports resolve from there")
    .option("--color", "always colour the output")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      `
Examples:
  $ sla check examples/hosting.sla
  $ sla check contracts/ --format json
  $ sla check contracts/ --format sarif > sla.sarif
  $ sla check contracts/ --format github --max-warnings 0
  $ cat draft.sla | sla check -
  $ git show HEAD:contracts/main.sla | sla check - --stdin-filename contracts/main.sla

Formats: human (default), json, sarif (SARIF 2.1.0 for code scanning), github (workflow annotations).
Colour: --color / --no-color, else FORCE_COLOR (0 off, 1-3 on), else NO_COLOR, else only on a terminal.
Exit codes: 0 no errors (warnings allowed, up to --max-warnings), 1 errors in a contract or too many
warnings, 2 usage or I/O error.`,
    )
    .action((inputs: string[], flags: CheckFlags) => runCheck(inputs, flags));
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`--max-warnings must be a whole number, not '${value}'`, 2);
  return Number(value);
}

export function runCheck(inputs: string[], flags: CheckFlags): void {
  if (!FORMATS.includes(flags.format as Format))
    throw new CliError(`--format must be one of ${FORMATS.join(", ")}, not '${flags.format}'`, 2);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  // an unreadable file or folder is reported; the others are still checked, and the run exits 2
  const problems = new FileProblems();
  const files = expandInputs(inputs, { allowStdin: true, problems });
  const workspace = new Workspace({ stdinFilename: flags.stdinFilename });
  const bar = progress(files.length, "Checking");
  const checked = files.flatMap((file, index) => {
    bar.tick(index + 1);
    return problems.attempt(() => workspace.check(file)) ?? [];
  });
  bar.done();
  problems.report();
  const items = Workspace.collect(checked);
  const shown = flags.quiet ? items.filter((i) => i.diagnostic.severity === "error") : items;
  process.stdout.write(render(flags.format as Format, shown, items, checked.length, flags, problems.messages));

  const diagnostics = diagnosticsOf(items);
  const { warnings } = countDiagnostics(diagnostics);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings)
    process.stderr.write(
      `sla: ${warnings} ${warnings === 1 ? "warning" : "warnings"}, more than the ${maxWarnings} that --max-warnings allows\n`,
    );
  process.exitCode = problems.exitCode(hasErrors(diagnostics) || tooManyWarnings ? 1 : 0);
}

function render(
  format: Format,
  shown: FileDiagnostic[],
  all: FileDiagnostic[],
  files: number,
  flags: CheckFlags,
  problems: readonly string[],
) {
  switch (format) {
    case "json":
      return jsonReport(shown, all, files);
    case "sarif":
      return `${JSON.stringify(sarifLog(shown, { root: process.cwd(), version: rootPackage.version, problems }), null, 2)}\n`;
    case "github":
      return [...problems.map(githubProblem), ...shown.map(githubAnnotation)].map((line) => `${line}\n`).join("");
    case "human": {
      const style = styleFor(process.stdout, flags.color);
      const text = shown.map((item) => `${formatDiagnostic(item, style)}\n`);
      if (!flags.quiet) text.push(`${summary(diagnosticsOf(all), files)}\n`);
      return text.join("");
    }
  }
}
