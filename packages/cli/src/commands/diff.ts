/**
 * `sla diff OLD.sla NEW.sla`, `sla diff REV [FILE]`: what changed in what a contract says, from
 * the two compiled rule bundles (so layout, comments and order never show), as a change list or a
 * Word redline. A revision is read with `git show REV:path`, the contract and every file it imports.
 * Exit codes follow `git diff`: 0 (1 with --exit-code when there are changes), 1 when a contract
 * has errors, 2 on usage, git or I/O errors.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { type CheckedProgram, checkProgram, type SourceHost } from "@sla/language";
import {
  type Change,
  changesJson,
  changesMarkdown,
  changesText,
  compileBundle,
  contractName,
  diffBundles,
  renderRedlineDocx,
} from "@sla/compiler";
import { CliError } from "../errors.ts";
import { isDirectory, nodeHost, readTextFile, toPath, toUri, writeFilesAtomic } from "../files.ts";
import { expandInputs } from "../inputs.ts";
import { formatDiagnostic } from "../output/diagnostics.ts";
import { styleFor } from "../output/style.ts";
import { displayPath } from "../workspace.ts";

const FORMATS = ["text", "json", "md", "docx"] as const;
type Format = (typeof FORMATS)[number];

interface DiffFlags {
  format: string;
  out?: string;
  exitCode?: boolean;
  author?: string;
  color?: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description(
      "list what changed between two versions of a contract, in the contract's words, or write a Word redline",
    )
    .argument("<old>", "the old contract (a .sla file), or a git revision (HEAD, main, a1b2c3d)")
    .argument(
      "[new]",
      "the new contract; with a revision, the contract to compare (default: every contract in this folder)",
    )
    .option(
      "--format <text|json|md|docx>",
      "text, json (a list of changes), md (a bulleted list) or docx (a redline)",
      "text",
    )
    .option(
      "-o, --out <file>",
      "with --format docx: the file to write (default: NAME.redline.docx beside the new contract)",
    )
    .option("--author <name>", "with --format docx: the author of the tracked changes", "sla")
    .option("--exit-code", "exit 1 when there are changes, 0 when there are none")
    .option("--no-color", "never colour the output")
    .addHelpText(
      "after",
      `
Examples:
  $ sla diff old/hosting.sla hosting.sla
  $ sla diff HEAD hosting.sla
  $ sla diff main~3 hosting.sla --format md
  $ sla diff v1.0 hosting.sla --format json
  $ sla diff HEAD hosting.sla --format docx --out hosting-redline.docx --author "Legal"
  $ sla diff HEAD --exit-code

Only what the contract says is compared: reformatting, comments and the order of declarations
give no changes. The redline is the new contract with Word tracked changes (insertions and
deletions) against the old one.
Exit codes: 0 (with --exit-code: 0 no changes, 1 changes), 1 errors in a contract, 2 usage, git or I/O error.`,
    )
    .action((old: string, now: string | undefined, flags: DiffFlags) => runDiff(old, now, flags));
}

interface Pair {
  /** The new contract's path as the user named it. */
  file: string;
  before: CheckedProgram;
  /** How the old version's files are named in its diagnostics: `HEAD:contracts/hosting.sla`. */
  beforeLabel: (uri: string) => string;
  after: CheckedProgram;
}

export async function runDiff(old: string, now: string | undefined, flags: DiffFlags): Promise<void> {
  if (!FORMATS.includes(flags.format as Format))
    throw new CliError(`--format must be one of ${FORMATS.join(", ")}, not '${flags.format}'`, 2);
  if (flags.out && flags.format !== "docx")
    throw new CliError("--out is for --format docx; the other formats print", 2);
  const pairs = isFile(old) ? [filePair(old, now)] : revisionPairs(old, now);
  const problems = pairs.flatMap((pair) => [
    report(pair.before, pair.beforeLabel, flags),
    report(pair.after, displayPath, flags),
  ]);
  if (problems.some(Boolean)) {
    process.stderr.write("no comparison: a contract has errors\n");
    process.exitCode = 1;
    return;
  }
  const results = pairs.map((pair) => ({
    pair,
    bundles: [compileBundle(pair.before), compileBundle(pair.after)] as const,
  }));
  const lists = results.map(({ pair, bundles }) => ({ file: pair.file, changes: diffBundles(...bundles) }));
  if (flags.format === "docx") {
    if (results.length !== 1) throw new CliError("--format docx writes one redline: name the contract", 2);
    const [{ pair, bundles }] = results;
    const out = flags.out ?? join(dirname(pair.file), `${contractName(toUri(pair.file))}.redline.docx`);
    const bytes = await renderRedlineDocx(bundles[0], bundles[1], { author: flags.author ?? "sla", date: now_() });
    writeFilesAtomic([{ path: resolve(out), bytes }]);
    process.stdout.write(`wrote ${out} (${count(lists[0].changes)})\n`);
  } else
    process.stdout.write(render(flags.format as Exclude<Format, "docx">, lists, now === undefined && !isFile(old)));
  const changed = lists.some((l) => l.changes.length > 0);
  process.exitCode = flags.exitCode && changed ? 1 : 0;
}

/** The time of the tracked changes, to the second (Word shows no finer). */
function now_(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

function count(changes: Change[]): string {
  return changes.length === 1 ? "1 change" : `${changes.length} changes`;
}

/** One contract's list as it is; with `perFile` (the contracts were found, not named), each under its file's name. */
function render(
  format: Exclude<Format, "docx">,
  lists: { file: string; changes: Change[] }[],
  perFile: boolean,
): string {
  if (format === "json") {
    // one contract: the list of changes; several: each change names its contract
    if (!perFile) return changesJson(lists[0].changes);
    const all = lists.flatMap((l) =>
      (JSON.parse(changesJson(l.changes)) as object[]).map((c) => ({ file: l.file, ...c })),
    );
    return `${JSON.stringify(all, null, 2)}\n`;
  }
  const list = format === "md" ? changesMarkdown : changesText;
  if (!perFile) return list(lists[0].changes);
  return lists
    .map((l) => (format === "md" ? `## ${l.file}\n\n${list(l.changes)}` : `${l.file}:\n${list(l.changes)}`))
    .join("\n");
}

function isFile(path: string): boolean {
  return existsSync(path) && !isDirectory(path);
}

function filePair(old: string, now: string | undefined): Pair {
  if (now === undefined)
    throw new CliError(`${old} is a file: name the new contract too (sla diff OLD.sla NEW.sla)`, 2);
  if (!isFile(now)) throw new CliError(`${now} is not a file`, 2);
  return { file: now, before: checkPath(old), beforeLabel: displayPath, after: checkPath(now) };
}

function checkPath(path: string): CheckedProgram {
  readTextFile(path); // a missing, binary or oversized file is an I/O error (exit 2), not a diagnostic
  return checkProgram(toUri(path), nodeHost());
}

function revisionPairs(revision: string, now: string | undefined): Pair[] {
  if (/\.sla$/i.test(revision)) throw new CliError(`cannot read ${revision}: no such file`, 2);
  const root = git(
    ["rev-parse", "--show-toplevel"],
    process.cwd(),
    "is not a file, and this folder is not in a git repository",
    revision,
  ).trim();
  const commit = git(
    ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`],
    root,
    `is neither a file nor a git revision`,
    revision,
  ).trim();
  const files = now === undefined ? contractsHere() : [now];
  if (now !== undefined && !isFile(now)) throw new CliError(`${now} is not a file`, 2);
  const host = revisionHost(root, commit);
  return files.flatMap((file) => {
    const uri = toUri(file);
    if (host.readFile(uri) === undefined) {
      if (now !== undefined) throw new CliError(`${file} does not exist at ${revision}`, 2);
      process.stderr.write(`${file}: new since ${revision}, not compared\n`);
      return [];
    }
    return [
      {
        file,
        before: checkProgram(uri, host),
        beforeLabel: (u) => `${revision}:${relative(root, toPath(u))}`,
        after: checkPath(file),
      },
    ];
  });
}

/** The contracts (files with an agreement) under the working folder. */
function contractsHere(): string[] {
  return expandInputs(["."], { allowStdin: false }).filter((file) =>
    checkPath(file).declarations.some((d) => d.declaration.kind === "agreement"),
  );
}

/** Files as they were at a commit: `git show COMMIT:path` for every file inside the repository. */
function revisionHost(root: string, commit: string): SourceHost {
  const cache = new Map<string, string | undefined>();
  return {
    readFile(uri) {
      if (cache.has(uri)) return cache.get(uri);
      const path = relative(root, toPath(uri));
      let text: string | undefined;
      if (!path.startsWith("..") && /\.sla$/i.test(path)) {
        try {
          text = execFileSync("git", ["show", `${commit}:${path.split("\\").join("/")}`], {
            cwd: root,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
            maxBuffer: 64 * 1024 * 1024,
          });
        } catch {
          text = undefined; // not in that commit: a missing file, reported as an unknown import
        }
      }
      cache.set(uri, text);
      return text;
    },
  };
}

function git(args: string[], cwd: string, problem: string, subject = ""): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    throw new CliError(`${subject || args.at(-1)} ${problem}`.trim(), 2);
  }
}

/** Prints a program's diagnostics (errors and warnings) as `check` does; true when it has errors. */
function report(program: CheckedProgram, label: (uri: string) => string, flags: DiffFlags): boolean {
  const style = styleFor(process.stderr, flags.color);
  let errors = false;
  for (const diagnostic of program.diagnostics) {
    if (diagnostic.severity !== "error") continue;
    errors = true;
    process.stderr.write(
      `${formatDiagnostic({ file: label(diagnostic.uri), text: program.files.get(diagnostic.uri)?.text, diagnostic }, style)}\n`,
    );
  }
  return errors;
}
