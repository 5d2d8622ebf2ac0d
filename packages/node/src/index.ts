/**
 * File access shared by the Node front ends (the CLI and the language server): contracts read as
 * text only, and outputs written atomically. The language core itself never touches the disk.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** An I/O failure in one line: `cannot read x.sla: no such file or directory`. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

export function errnoMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a parent is not a directory";
    case "EIO":
      return "input/output error";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

// ignoreBOM keeps a byte-order mark in the text, so `sla fmt` writes the file back with it
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Reads a contract; a binary file (NUL bytes or invalid UTF-8) is refused rather than parsed into noise. */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${errnoMessage(error)}`);
  }
  if (bytes.subarray(0, 8000).includes(0))
    throw new FileError(`cannot read ${path}: it is a binary file, not a contract`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new FileError(`cannot read ${path}: it is not UTF-8 text`);
  }
}

/** Writes through a temporary file in the same folder and renames it, so a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const directory = dirname(resolve(path));
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new FileError(`cannot create folder ${dirname(path)}: ${errnoMessage(error)}`);
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
    throw new FileError(`cannot write ${path}: ${errnoMessage(error)}`);
  }
}
