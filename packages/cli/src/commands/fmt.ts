import type { Command } from "commander";
import { format } from "@sla/language";
import { CliError } from "../errors.ts";
import { readTextFile, toUri, writeFileAtomic } from "../files.ts";
import { expandInputs, FileProblems, readStdin, STDIN } from "../inputs.ts";
import { type FileDiagnostic, formatDiagnostic } from "../output/diagnostics.ts";
import { unifiedDiff } from "../output/diff.ts";
import { toJsonDiagnostic } from "../output/json.ts";
import { styleFor } from "../output/style.ts";
import { displayPath, STDIN_NAME } from "../workspace.ts";

interface FmtFlags {
  check?: boolean;
  diff?: boolean;
  format: string;
  quiet?: boolean;
  color?: boolean;
}

export function registerFmt(program: Command): void {
  program
    .command("fmt")
    .description("format contracts in place in the canonical layout")
    .argument("[inputs...]", "files, folders or globs; - formats standard input to standard output", ["."])
    .option("--check", "change nothing; list the files that are not formatted and exit 1 if any")
    .option("--diff", "change nothing; print a unified diff of what would change and exit 1 if any")
    .option("--format <human|json>", "output format", "human")
    .option("-q, --quiet", "print nothing but errors")
    .option("--color", "always colour the output")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      `
Examples:
  $ sla fmt examples/
  $ sla fmt --check .
  $ sla fmt --diff contracts/ | git apply
  $ sla fmt - < draft.sla > formatted.sla

A file with syntax errors is reported and left as it is.`,
    )
    .action((inputs: string[], flags: FmtFlags) => runFmt(inputs, flags));
}

function runFmt(inputs: string[], flags: FmtFlags): void {
  if (flags.format !== "human" && flags.format !== "json")
    throw new CliError(`--format must be human or json, not '${flags.format}'`, 2);
  // a file that cannot be read or written is reported; the others are still formatted (exit 2)
  const problems = new FileProblems();
  const files = expandInputs(inputs, { allowStdin: true, problems });
  const style = styleFor(process.stdout, flags.color);
  // --diff, like --check, only reports: nothing is written
  const dryRun = flags.check || flags.diff;
  const results: { file: string; changed: boolean; diff?: string }[] = [];
  const errors: FileDiagnostic[] = [];
  for (const file of files) {
    const text = problems.attempt(() => (file === STDIN ? readStdin() : readTextFile(file)));
    if (text === undefined) continue;
    const shown = file === STDIN ? STDIN_NAME : displayPath(toUri(file));
    const result = format(text);
    if (result.errors.length) {
      errors.push(...result.errors.map((diagnostic) => ({ file: shown, text, diagnostic })));
      continue;
    }
    if (file === STDIN) {
      if (!dryRun) process.stdout.write(result.text);
    } else if (result.changed && !dryRun) {
      const written = problems.attempt(() => {
        writeFileAtomic(file, result.text);
        return true;
      });
      if (!written) continue;
    }
    results.push({
      file: shown,
      changed: result.changed,
      ...(flags.diff ? { diff: unifiedDiff(shown, text, result.text) } : {}),
    });
  }
  const changed = results.filter((r) => r.changed);
  if (flags.format === "json") {
    process.stdout.write(`${JSON.stringify({ files: results, diagnostics: errors.map(toJsonDiagnostic) }, null, 2)}\n`);
  } else {
    for (const item of errors)
      process.stderr.write(`${formatDiagnostic(item, styleFor(process.stderr, flags.color))}\n`);
    if (flags.diff) {
      for (const r of changed) process.stdout.write(r.diff ?? "");
    } else if (!flags.quiet && !(files.length === 1 && files[0] === STDIN)) {
      for (const r of changed)
        process.stdout.write(`${flags.check ? "not formatted" : "formatted"}: ${style.cyan(r.file)}\n`);
      if (flags.check && changed.length === 0 && errors.length === 0)
        process.stdout.write(`${results.length} files formatted\n`);
    }
  }
  problems.report();
  process.exitCode = problems.exitCode(errors.length > 0 || (dryRun && changed.length > 0) ? 1 : 0);
}
