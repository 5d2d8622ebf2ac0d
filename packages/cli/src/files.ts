/** File access for the CLI: text-only reads with clear errors, atomic writes, and the language core's host. */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SourceHost } from "@sla/language";
import { CliError, errnoMessage } from "./errors.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a contract; a binary file (NUL bytes or invalid UTF-8) is refused rather than parsed into noise. */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${errnoMessage(error)}`, 2);
  }
  if (bytes.subarray(0, 8000).includes(0))
    throw new CliError(`cannot read ${path}: it is a binary file, not a contract`, 2);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CliError(`cannot read ${path}: it is not UTF-8 text`, 2);
  }
}

/** Writes through a temporary file in the same folder and renames it, so a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const directory = dirname(resolve(path));
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create folder ${dirname(path)}: ${errnoMessage(error)}`, 2);
  }
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, "w");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // the temporary file was never created
    }
    throw new CliError(`cannot write ${path}: ${errnoMessage(error)}`, 2);
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
