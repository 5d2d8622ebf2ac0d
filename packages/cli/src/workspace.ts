/**
 * The CLI's side of the shared pipeline: load and check the program rooted at each input with one
 * parse cache, and keep what the output needs (the text of each file, paths as the user wrote them).
 */
import { relative } from "node:path";
import { type CheckedProgram, checkProgram, type Diagnostic, type ParseCache } from "@sla/language";
import { nodeHost, readTextFile, toPath, toUri } from "./files.ts";
import { STDIN, readStdin } from "./inputs.ts";
import type { FileDiagnostic } from "./output/diagnostics.ts";

export const STDIN_NAME = "<stdin>.sla";

export interface CheckedInput {
  input: string;
  uri: string;
  program: CheckedProgram;
}

export interface WorkspaceOptions {
  /** The path a contract read from standard input stands for: its imports resolve from there. */
  stdinFilename?: string;
}

export class Workspace {
  private readonly cache: ParseCache = new Map();
  private readonly overrides = new Map<string, string>();
  /** Every document the checks asked for, found or not: what `build --watch` watches. */
  readonly requested = new Set<string>();
  private readonly host = nodeHost(this.overrides, this.requested);

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /** Reads an input eagerly so that a missing or binary file is an I/O error (exit 2), not a diagnostic. */
  check(input: string): CheckedInput {
    const uri = input === STDIN ? this.stdinUri() : toUri(input);
    const text = input === STDIN ? readStdin() : readTextFile(input);
    this.overrides.set(uri, text);
    this.requested.add(uri);
    return { input, uri, program: checkProgram(uri, this.host, this.cache) };
  }

  private stdinUri(): string {
    return toUri(this.options.stdinFilename ?? STDIN_NAME);
  }

  /** Every diagnostic of the checked programs once, even when one file is imported by several inputs. */
  static collect(checked: CheckedInput[]): FileDiagnostic[] {
    const seen = new Set<string>();
    const result: FileDiagnostic[] = [];
    for (const { program } of checked) {
      for (const diagnostic of program.diagnostics) {
        const key = `${diagnostic.uri}|${diagnostic.range.start.offset}|${diagnostic.code}|${diagnostic.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        result.push({ file: displayPath(diagnostic.uri), text: program.files.get(diagnostic.uri)?.text, diagnostic });
      }
    }
    return result;
  }
}

export function displayPath(uri: string): string {
  const path = toPath(uri);
  const shown = relative(process.cwd(), path);
  return shown.endsWith(STDIN_NAME) && !shown.includes("/") ? STDIN_NAME : shown || path;
}

export function diagnosticsOf(items: FileDiagnostic[]): Diagnostic[] {
  return items.map((item) => item.diagnostic);
}
