/** File access for the CLI: text-only reads with clear errors, atomic writes, and the language core's host. */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SourceHost } from "@sla/language";
import { FileError, readTextFile as readText, writeFileAtomic as writeAtomic } from "@sla/node";
import { CliError } from "./errors.ts";

/** Reads a contract as text; a missing, unreadable or binary file is a usage error (exit 2). */
export function readTextFile(path: string): string {
  return orCliError(() => readText(path));
}

/** Writes atomically (temporary file, then rename); a failure is an I/O error (exit 2). */
export function writeFileAtomic(path: string, text: string): void {
  orCliError(() => writeAtomic(path, text));
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

export const toUri = (path: string): string => pathToFileURL(resolve(path)).href;
export const toPath = (uri: string): string => (uri.startsWith("file:") ? fileURLToPath(uri) : uri);

/**
 * The file-system host. Documents given on standard input are served from memory under their
 * pseudo-URI; everything else is read from disk (imports of a binary or missing file fail quietly
 * here and become a diagnostic on the import).
 */
export function nodeHost(overrides: Map<string, string> = new Map()): SourceHost {
  return {
    readFile(uri) {
      const override = overrides.get(uri);
      if (override !== undefined) return override;
      try {
        return readTextFile(toPath(uri));
      } catch {
        return undefined;
      }
    },
  };
}
