/** Turns command-line operands (files, folders, globs, `-`) into the list of contracts to process. */
import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { CliError } from "./errors.ts";

export const STDIN = "-";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

function findContracts(folder: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) findContracts(path, out);
    } else if (entry.name.endsWith(".sla")) out.push(path);
  }
}

function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      pattern += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") pattern += "[^/]*";
    else if (c === "?") pattern += "[^/]";
    else pattern += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}

/** Globs are expanded here too, since a shell on Windows or a quoted pattern in CI leaves them to us. */
function expandGlob(glob: string): string[] {
  const normalised = glob.split(sep).join("/");
  const firstMagic = normalised.search(/[*?]/);
  const base = normalised.slice(0, normalised.lastIndexOf("/", firstMagic) + 1) || "./";
  const matcher = globToRegExp(normalised.startsWith("./") ? normalised.slice(2) : normalised);
  const all: string[] = [];
  findContracts(base, all);
  return all.filter(
    (path) => matcher.test(relative(".", path).split(sep).join("/")) || matcher.test(path.split(sep).join("/")),
  );
}

export interface ExpandOptions {
  allowStdin: boolean;
}

export function expandInputs(operands: string[], options: ExpandOptions): string[] {
  const result: string[] = [];
  for (const operand of operands.length ? operands : ["."]) {
    if (operand === STDIN) {
      if (!options.allowStdin)
        throw new CliError("reading from standard input ('-') is not supported by this command", 2);
      result.push(STDIN);
    } else if (/[*?]/.test(operand) && !existsSync(operand)) {
      const matches = expandGlob(operand);
      if (matches.length === 0) throw new CliError(`no .sla files match ${operand}`, 2);
      result.push(...matches);
    } else if (!existsSync(operand)) {
      throw new CliError(`cannot read ${operand}: no such file or directory`, 2);
    } else if (statSync(operand).isDirectory()) {
      const found: string[] = [];
      findContracts(operand, found);
      if (found.length === 0) throw new CliError(`no .sla files in ${operand}`, 2);
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
  try {
    return readFileSync(0, "utf8");
  } catch (error) {
    throw new CliError(`cannot read standard input: ${(error as Error).message}`, 2);
  }
}
