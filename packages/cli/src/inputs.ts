/** Turns command-line operands (files, folders, globs, `-`) into the list of contracts to process. */
import { type Dirent, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { errnoMessage } from "@sla/node";
import picomatch from "picomatch";
import { CliError } from "./errors.ts";
import { readStdinText } from "./files.ts";
import { GLOB_OPTIONS, type IgnoreRules, isIgnored, rulesAbove, withFolderRules } from "./gitignore.ts";

export const STDIN = "-";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

/**
 * The files of a run over many that could not be read or searched. Each is reported and the other
 * files are still processed; the run then exits 2, the worst status.
 */
export class FileProblems {
  readonly messages: string[] = [];

  add(message: string): void {
    this.messages.push(message);
  }

  /** Runs `work`; an I/O error is recorded instead of ending the run. */
  attempt<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof CliError) || error.exitCode !== 2) throw error;
      this.add(error.message);
      return undefined;
    }
  }

  report(): void {
    for (const message of this.messages) process.stderr.write(`sla: ${message}\n`);
  }

  /** The run's exit status: `status`, or 2 when anything could not be read or written. */
  exitCode(status: number): number {
    return this.messages.length ? 2 : status;
  }
}

interface Walk {
  problems?: FileProblems;
  /** `.gitignore` rules, when a folder was given (a glob or a file says exactly what it means). */
  ignore?: IgnoreRules;
}

function findContracts(folder: string, out: string[], walk: Walk): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const message = `cannot search folder ${folder}: ${errnoMessage(error)}`;
    if (!walk.problems) throw new CliError(message, 2);
    walk.problems.add(message);
    return;
  }
  const ignore = walk.ignore && withFolderRules(walk.ignore, folder);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    const isFolder = entry.isDirectory();
    if (ignore && isIgnored(ignore, path, isFolder)) continue;
    if (isFolder) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith("."))
        findContracts(path, out, { ...walk, ignore });
    } else if (entry.name.endsWith(".sla")) out.push(path);
  }
}

const posix = (path: string) => path.split(sep).join("/");

/** Globs are expanded here too, since a shell on Windows or a quoted pattern in CI leaves them to us. */
function expandGlob(glob: string, problems?: FileProblems): string[] {
  const normalised = posix(glob).replace(/^\.\//, "");
  const base = picomatch.scan(normalised).base || ".";
  const matches = picomatch(normalised, GLOB_OPTIONS);
  const all: string[] = [];
  findContracts(base, all, { problems });
  return all.filter((path) => matches(posix(relative(".", path))) || matches(posix(path)));
}

const isGlob = (operand: string) => picomatch.scan(posix(operand)).isGlob && !existsSync(operand);

export interface ExpandOptions {
  allowStdin: boolean;
  /** Where unreadable folders are reported; without it the first one ends the run. */
  problems?: FileProblems;
}

export function expandInputs(operands: string[], options: ExpandOptions): string[] {
  const result: string[] = [];
  for (const operand of operands.length ? operands : ["."]) {
    if (operand === STDIN) {
      if (!options.allowStdin)
        throw new CliError("reading from standard input ('-') is not supported by this command", 2);
      result.push(STDIN);
    } else if (isGlob(operand)) {
      const matches = expandGlob(operand, options.problems);
      if (matches.length === 0) throw new CliError(`no .sla files match ${operand}`, 2);
      result.push(...matches);
    } else if (!existsSync(operand)) {
      // a dangling link is not "existing": it stays an input, and reading it says what it is
      result.push(operand);
    } else if (statSync(operand).isDirectory()) {
      const found: string[] = [];
      findContracts(operand, found, { problems: options.problems, ignore: rulesAbove(operand) });
      if (found.length === 0 && !options.problems?.messages.length)
        throw new CliError(`no .sla files in ${operand}`, 2);
      result.push(...found);
    } else result.push(operand);
  }
  const seen = new Set<string>();
  return result.filter((path) => {
    const key = path === STDIN ? STDIN : resolve(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function readStdin(): string {
  return readStdinText();
}
