/**
 * The CLI's side of the shared pipeline: load and check the program rooted at each input with one
 * parse cache, and keep what the output needs (the text of each file, paths as the user wrote them).
 * A workspace that lives across checks (`build --watch`) re-parses a file it has parsed before
 * incrementally, as the language server does for open documents.
 */
import { relative } from "node:path";
import {
  type CheckedProgram,
  checkProgram,
  type Diagnostic,
  MAX_SOURCE_BYTES,
  type ParseCache,
  type ParsedDocument,
  reparseDocument,
  type SourceHost,
} from "@sla/language";
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
  /**
   * Keep each file's parse from one check to the next and re-parse only the declarations an edit
   * touched (`@sla/language`'s `reparseDocument`): for a workspace that checks the same files again.
   */
  incremental?: boolean;
}

/** How the files of an incremental workspace's checks were parsed. */
export interface ParseCounts {
  /** Parsed whole: read for the first time. */
  fresh: number;
  /** Re-parsed from the file's previous parse after it changed. */
  incremental: number;
  /** Read again unchanged: the previous parse was used as it was. */
  unchanged: number;
}

export class Workspace {
  private readonly cache: ParseCache = new Map();
  private readonly overrides = new Map<string, string>();
  /** Every document the checks asked for, found or not: what `build --watch` watches. */
  readonly requested = new Set<string>();
  private readonly host: SourceHost;
  /** Each file's latest parse, when the workspace is incremental. */
  private readonly documents = new Map<string, ParsedDocument>();
  readonly parses: ParseCounts = { fresh: 0, incremental: 0, unchanged: 0 };

  constructor(private readonly options: WorkspaceOptions = {}) {
    const disk = nodeHost(this.overrides, this.requested);
    this.host = options.incremental
      ? {
          readFile: (uri) => {
            const text = disk.readFile(uri);
            if (text !== undefined) this.parseIncrementally(uri, text);
            return text;
          },
        }
      : disk;
  }

  /**
   * Puts the file's parse in the cache the check reads, re-using its previous parse. A text that
   * may be over the size limit is left to the loader, which refuses it unparsed.
   */
  private parseIncrementally(uri: string, text: string): void {
    if (text.length * 3 > MAX_SOURCE_BYTES) return;
    const previous = this.documents.get(uri);
    if (previous?.text === text && this.cache.get(uri)?.text === text) {
      this.parses.unchanged++;
      return;
    }
    const parsed = reparseDocument(previous, uri, text);
    if (previous) this.parses.incremental++;
    else this.parses.fresh++;
    this.documents.set(uri, parsed);
    this.cache.set(uri, { ...parsed.result, text });
  }

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
