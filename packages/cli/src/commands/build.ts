import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { buildArtifactFiles, parseArtifactKinds } from "@sla/compiler";
import { CliError } from "../errors.ts";
import { isDirectory, toPath, writeFilesAtomic } from "../files.ts";
import { formatDiagnostic, summary } from "../output/diagnostics.ts";
import { styleFor } from "../output/style.ts";
import { FolderWatch } from "../watch.ts";
import { type CheckedInput, diagnosticsOf, Workspace } from "../workspace.ts";

export interface BuildFlags {
  out?: string;
  format?: string;
  watch?: boolean;
  quiet?: boolean;
  color: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description(
      "compile a contract into its JSON rule bundle (NAME.rules.json) and Markdown contract (NAME.md), and on request its Word contract (NAME.docx)",
    )
    .argument("<contract>", "the contract to build (a .sla file with an agreement)")
    .option("-o, --out <dir>", "folder to write into (created when missing); default: beside the contract")
    .option(
      "--format <kinds>",
      "what to write: json (rule bundle), md (Markdown contract), docx (Word contract), or several separated by commas; default: json,md",
    )
    .option("-w, --watch", "rebuild whenever the contract or a file it imports changes")
    .option("-q, --quiet", "print nothing but errors")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      `
Examples:
  $ sla build examples/cloud-hosting.sla
  $ sla build contract.sla --out dist --format md
  $ sla build contract.sla --format docx
  $ sla build contract.sla --format json,md,docx
  $ sla build contract.sla --watch

Nothing is written when the contract has errors (exit 1).`,
    )
    .action((contract: string, flags: BuildFlags) => runBuild(contract, flags));
}

interface Outputs {
  [path: string]: string | Uint8Array;
}

function sameContent(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (typeof a === "string" || typeof b === "string" || a === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export interface Plan {
  checked: CheckedInput;
  outputs?: Outputs;
  /** Every file the check read or looked for (an import that is missing included). */
  requested: string[];
}

/**
 * What a build of `contract` writes, or why nothing. `workspace` is kept across the rebuilds of
 * `--watch`, so each file is re-parsed from its previous parse.
 */
export async function plan(contract: string, flags: BuildFlags, workspace = new Workspace()): Promise<Plan> {
  const format = flags.format === undefined ? undefined : parseArtifactKinds(flags.format);
  if (format && "error" in format) throw new CliError(format.error, 2);
  if (flags.out && existsSync(flags.out) && !isDirectory(flags.out)) {
    throw new CliError(`cannot write into ${flags.out}: it is a file, not a folder`, 2);
  }
  if (isDirectory(contract)) throw new CliError(`${contract} is a folder; build takes one contract file`, 2);
  workspace.requested.clear();
  const checked = workspace.check(contract);
  const requested = [...workspace.requested].filter((uri) => uri.startsWith("file:")).map(toPath);
  const built = await buildArtifactFiles(checked.program, format?.kinds);
  if ("problem" in built) {
    if (built.problem === "errors") return { checked, requested };
    throw new CliError(`${contract} ${built.message}`, 1);
  }
  const folder = resolve(flags.out ?? dirname(contract));
  const outputs: Outputs = {};
  for (const artifact of built.artifacts)
    outputs[join(folder, artifact.fileName)] = artifact.kind === "docx" ? artifact.bytes : artifact.text;
  const inputs = new Set([...checked.program.files.keys()].map(toPath));
  for (const path of Object.keys(outputs)) {
    if (inputs.has(path)) throw new CliError(`refusing to overwrite ${path}: it is an input of the contract`, 2);
  }
  return { checked, outputs, requested };
}

/** All outputs or none: a full disk leaves the previous bundle and Markdown byte-identical. */
function write(outputs: Outputs): void {
  writeFilesAtomic(
    Object.entries(outputs).map(([path, content]) =>
      typeof content === "string" ? { path, text: content } : { path, bytes: content },
    ),
  );
}

function report(checked: CheckedInput, flags: BuildFlags): void {
  const items = Workspace.collect([checked]);
  const style = styleFor(process.stderr, flags.color);
  for (const item of items) {
    if (flags.quiet && item.diagnostic.severity !== "error") continue;
    process.stderr.write(`${formatDiagnostic(item, style)}\n`);
  }
  if (items.length && !flags.quiet)
    process.stderr.write(`${summary(diagnosticsOf(items), checked.program.files.size)}\n`);
}

export async function runBuild(contract: string, flags: BuildFlags): Promise<void> {
  const once = async () => {
    const { checked, outputs } = await plan(contract, flags);
    report(checked, flags);
    if (!outputs) {
      process.stderr.write("nothing written: the contract has errors\n");
      return { checked, outputs, ok: false };
    }
    write(outputs);
    if (!flags.quiet) for (const path of Object.keys(outputs)) process.stdout.write(`wrote ${relativePath(path)}\n`);
    return { checked, outputs, ok: true };
  };
  if (!flags.watch) {
    process.exitCode = (await once()).ok ? 0 : 1;
    return;
  }
  watchAndRebuild(contract, flags);
}

function relativePath(path: string): string {
  const cwd = process.cwd();
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

/**
 * Rebuilds on every save of the contract or an import, and says which outputs changed. A deleted
 * contract is reported and waited for; an import that is missing is watched for until it appears.
 */
function watchAndRebuild(contract: string, flags: BuildFlags): void {
  let previous: Outputs = {};
  let timer: NodeJS.Timeout | undefined;
  let missing = false;
  const workspace = new Workspace({ incremental: true });
  const time = () => new Date().toTimeString().slice(0, 8);
  const watcher = new FolderWatch(() => schedule());
  const rebuild = async () => {
    let files: string[] = [resolve(contract)];
    if (!existsSync(contract)) {
      if (!missing) process.stderr.write(`[${time()}] ${contract} was deleted; waiting for it to be created again\n`);
      missing = true;
      watcher.watchFiles(files);
      return;
    }
    missing = false;
    try {
      const { checked, outputs, requested } = await plan(contract, flags, workspace);
      files = requested;
      report(checked, flags);
      if (outputs) {
        const changed = Object.keys(outputs).filter((path) => !sameContent(previous[path], outputs[path]));
        write(outputs);
        previous = outputs;
        process.stdout.write(
          changed.length
            ? `[${time()}] rebuilt: ${changed.map(relativePath).join(", ")}\n`
            : `[${time()}] rebuilt: outputs unchanged\n`,
        );
      } else process.stdout.write(`[${time()}] not rebuilt: the contract has errors\n`);
    } catch (error) {
      process.stderr.write(`[${time()}] sla: ${(error as Error).message}\n`);
    }
    watcher.watchFiles(files);
    process.stdout.write(
      `[${time()}] watching ${files.length} file${files.length === 1 ? "" : "s"}; press Ctrl+C to stop\n`,
    );
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  };
  void rebuild();
}
