/** File access for the CLI: text-only reads with clear errors, atomic writes, and the language core's host. */
import { statSync } from "node:fs";
import { MAX_SOURCE_BYTES, type SourceHost, UnreadableSourceError } from "@sla/language";
import {
  FileError,
  type Output,
  pathToUri,
  readTextDescriptor,
  readTextFile as readText,
  uriToPath,
  writeFilesAtomic as writeAllAtomic,
} from "@sla/node";
import { CliError } from "./errors.ts";

/** Reads a contract as text; a missing, special, oversized, unreadable or binary file is an I/O error (exit 2). */
export function readTextFile(path: string): string {
  return orCliError(() => readText(path, MAX_SOURCE_BYTES));
}

/**
 * A compiled bundle is several times the size of its contract (every rule spelled out), so its
 * limit is larger; it is still a limit, so a link to /dev/zero or a runaway file ends at once.
 */
export const MAX_BUNDLE_BYTES = 16 * MAX_SOURCE_BYTES;

/** Reads a rule bundle's JSON text, with the same checks as a contract and a larger limit. */
export function readBundleFile(path: string): string {
  return orCliError(() => readText(path, MAX_BUNDLE_BYTES, "a rule bundle"));
}

/** Reads standard input to its end, with the same limit and text checks as a file. */
export function readStdinText(): string {
  return orCliError(() => readTextDescriptor(0, "standard input", MAX_SOURCE_BYTES));
}

/** Writes atomically (temporary file, then rename); a failure is an I/O error (exit 2) and changes nothing. */
export function writeFileAtomic(path: string, text: string): void {
  writeFilesAtomic([{ path, text }]);
}

/** Writes several outputs all or nothing. */
export function writeFilesAtomic(outputs: Output[]): void {
  orCliError(() => writeAllAtomic(outputs));
}

function orCliError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FileError) throw new CliError(error.message, 2);
    throw error;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const toUri = pathToUri;
/** The path of a `file:` URI; any other URI (standard input's) is shown as it is. */
export const toPath = (uri: string): string => uriToPath(uri) ?? uri;

/**
 * The file-system host. Documents given on standard input are served from memory under their
 * URI; everything else is read from disk: a missing import is `undefined` (SLA2004), one that is
 * there but cannot be read as a contract says why (SLA2009).
 */
export function nodeHost(overrides: Map<string, string> = new Map(), requested?: Set<string>): SourceHost {
  return {
    readFile(uri) {
      requested?.add(uri);
      const override = overrides.get(uri);
      if (override !== undefined) return override;
      let path: string;
      try {
        path = toPath(uri);
      } catch {
        throw new UnreadableSourceError("it does not name a file");
      }
      // the loader checks this too; the host never reads anything else, whoever asks
      if (!/\.sla$/i.test(path)) throw new UnreadableSourceError("only .sla files can be imported");
      try {
        return readText(path, MAX_SOURCE_BYTES);
      } catch (error) {
        if (error instanceof FileError) {
          if (error.missing) return undefined;
          throw new UnreadableSourceError(error.reason);
        }
        throw error;
      }
    },
  };
}
