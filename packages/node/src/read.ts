/**
 * Reading contracts: only a regular file is opened for reading (a named pipe would block, a
 * device never ends), no more than a size limit is read, and the bytes must be UTF-8 text.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import { errnoMessage, FileError, isMissing } from "./errors.ts";

/** Why a file-system entry is not something to read as a contract, or undefined for a regular file. */
export function notAFile(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return "it is a directory, not a file";
  if (stat.isFIFO()) return "it is a named pipe (FIFO), not a file";
  if (stat.isSocket()) return "it is a socket, not a file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "it is a device, not a file";
  return "it is not a regular file";
}

const MiB = 1024 * 1024;
const inMiB = (bytes: number) => `${Number((bytes / MiB).toFixed(1))} MiB`;
const tooLarge = (what: string, maxBytes: number, size?: number) =>
  `it is ${size === undefined ? "" : `${size.toLocaleString("en-US")} bytes, `}over the ${inMiB(maxBytes)} limit for ${what}`;

function statOrExplain(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    let brokenLink = false;
    try {
      brokenLink = isMissing(error) && lstatSync(path).isSymbolicLink();
    } catch {
      // nothing at the path at all
    }
    const reason = brokenLink ? "it is a symbolic link to a missing file" : errnoMessage(error);
    throw new FileError(`cannot read ${path}: ${reason}`, path, reason, isMissing(error));
  }
}

/**
 * Reads a contract; a directory, named pipe, device or socket is refused before it is opened, a
 * file over `maxBytes` before it is read, and a binary file (NUL bytes or invalid UTF-8) rather
 * than parsed into noise.
 */
export function readTextFile(path: string, maxBytes: number, what = "a contract"): string {
  const fail = (reason: string) => new FileError(`cannot read ${path}: ${reason}`, path, reason);
  const before = statOrExplain(path);
  const special = notAFile(before);
  if (special) throw fail(special);
  if (before.size > maxBytes) throw fail(tooLarge(what, maxBytes, before.size));
  let fd: number;
  try {
    // O_NONBLOCK: should a pipe take the file's place after the check, opening it still returns
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fail(errnoMessage(error));
  }
  try {
    const swapped = notAFile(fstatSync(fd));
    if (swapped) throw fail(swapped);
    return decodeText(readBounded(fd, maxBytes, what, fail), what, fail);
  } finally {
    closeSync(fd);
  }
}

/** Reads an already open descriptor (standard input) to its end, up to `maxBytes`. */
export function readTextDescriptor(fd: number, name: string, maxBytes: number, what = "a contract"): string {
  const fail = (reason: string) => new FileError(`cannot read ${name}: ${reason}`, name, reason);
  return decodeText(readBounded(fd, maxBytes, what, fail), what, fail);
}

function readBounded(fd: number, maxBytes: number, what: string, fail: (reason: string) => FileError): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
    let count: number;
    try {
      count = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EOF") break;
      if (code === "EAGAIN") {
        // a non-blocking standard input with nothing yet: wait a little, without spinning
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw fail(errnoMessage(error));
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes) throw fail(tooLarge(what, maxBytes));
    chunks.push(chunk.subarray(0, count));
  }
  return Buffer.concat(chunks, total);
}

// ignoreBOM keeps a byte-order mark in the text, so `sla fmt` writes the file back with it
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeText(bytes: Buffer, what: string, fail: (reason: string) => FileError): string {
  if (bytes.subarray(0, 8000).includes(0)) throw fail(`it is a binary file, not ${what}`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw fail("it is not UTF-8 text");
  }
}
