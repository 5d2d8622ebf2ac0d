/**
 * Writing outputs so that nothing already on disk is lost: every byte is written and synced to a
 * temporary file beside the target before the target is touched, so a full disk, a quota or a
 * kill leaves the old file byte-identical. As gofmt and Prettier do, the file keeps its mode and
 * owner, a symbolic link keeps pointing where it did (its target is rewritten) and a hard link
 * stays one file.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { errnoMessage, FileError, isMissing } from "./errors.ts";
import { notAFile } from "./read.ts";

/** A file to write: text (written as UTF-8) or bytes (a Word document). */
export type Output = { path: string; text: string } | { path: string; bytes: Uint8Array };

/** An output whose new bytes are safely on disk in a temporary file, ready to replace the target. */
interface Staged {
  path: string;
  target: string;
  temporary: string;
  bytes: Buffer;
  /** Written over the target instead of renamed onto it: a hard link, or an owner we cannot give. */
  inPlace: boolean;
}

/** Writes one file; on failure it throws a FileError and the file is as it was. */
export function writeFileAtomic(path: string, text: string): void {
  writeFilesAtomic([{ path, text }]);
}

/**
 * Writes several files (a build's outputs) all or nothing: each is staged in full first, and only
 * when every one is on disk are they moved into place.
 */
export function writeFilesAtomic(outputs: Output[]): void {
  const staged: Staged[] = [];
  try {
    for (const output of outputs) staged.push(stage(output));
  } catch (error) {
    for (const item of staged) removeQuietly(item.temporary);
    throw error;
  }
  for (const item of staged) commit(item);
}

function failure(path: string, reason: string, action = "write"): FileError {
  return new FileError(`cannot ${action} ${path}: ${reason}; nothing was changed`, path, reason);
}

/** The file to write: a link's target, after checking the path is not a directory or device. */
function targetOf(path: string): { target: string; existing?: Stats } {
  const absolute = resolve(path);
  let link: Stats;
  try {
    link = lstatSync(absolute);
  } catch (error) {
    if (isMissing(error)) return { target: absolute };
    throw failure(path, errnoMessage(error));
  }
  let target = absolute;
  if (link.isSymbolicLink()) {
    try {
      target = realpathSync(absolute);
    } catch (error) {
      throw failure(path, isMissing(error) ? "it is a symbolic link to a missing file" : errnoMessage(error));
    }
  }
  let existing = link;
  try {
    if (link.isSymbolicLink()) existing = statSync(target);
  } catch (error) {
    throw failure(path, errnoMessage(error));
  }
  const special = notAFile(existing);
  if (special) throw failure(path, special);
  return { target, existing };
}

function stage(output: Output): Staged {
  const { path } = output;
  const { target, existing } = targetOf(path);
  const directory = dirname(target);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw failure(path, errnoMessage(error), "create the folder for");
  }
  if (existing) {
    try {
      // a read-only file stays unwritten, as for any editor (root may write it, and it stays read-only)
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw failure(path, errnoMessage(error));
    }
  }
  const temporary = join(directory, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const bytes =
    "bytes" in output
      ? Buffer.from(output.bytes.buffer, output.bytes.byteOffset, output.bytes.byteLength)
      : Buffer.from(output.text, "utf8");
  let inPlace = existing !== undefined && existing.nlink > 1;
  try {
    const fd = openSync(temporary, "wx", existing ? 0o600 : 0o666);
    try {
      writeAll(fd, bytes, 0);
      if (existing) {
        fchmodSync(fd, existing.mode & 0o7777);
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // only root may give a file away: write over the original instead, which keeps its owner
          inPlace = true;
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temporary);
    throw failure(path, errnoMessage(error));
  }
  return { path, target, temporary, bytes, inPlace };
}

function commit(item: Staged): void {
  if (!item.inPlace) {
    try {
      renameSync(item.temporary, item.target);
    } catch (error) {
      removeQuietly(item.temporary);
      throw failure(item.path, errnoMessage(error));
    }
    syncFolder(dirname(item.target));
    return;
  }
  // The staged copy proved the bytes fit; freeing its space lets the original grow into it.
  removeQuietly(item.temporary);
  let original: Buffer;
  let fd: number;
  try {
    original = readFileSync(item.target);
    fd = openSync(item.target, "r+");
  } catch (error) {
    throw failure(item.path, errnoMessage(error));
  }
  try {
    writeAll(fd, item.bytes, 0);
    ftruncateSync(fd, item.bytes.length);
    fsyncSync(fd);
  } catch (error) {
    // Put the original back: it fits in the blocks it had.
    try {
      writeAll(fd, original, 0);
      ftruncateSync(fd, original.length);
      fsyncSync(fd);
    } catch (restoreError) {
      closeSync(fd);
      throw new FileError(
        `cannot write ${item.path}: ${errnoMessage(error)}, and restoring it failed too: ${errnoMessage(restoreError)}`,
        item.path,
        errnoMessage(error),
      );
    }
    closeSync(fd);
    throw failure(item.path, errnoMessage(error));
  }
  closeSync(fd);
}

/** Writes every byte: `writeSync` may write fewer than asked (a nearly full disk) and says so only in its result. */
function writeAll(fd: number, bytes: Buffer, position: number): void {
  let written = 0;
  while (written < bytes.length) {
    const count = writeSync(fd, bytes, written, bytes.length - written, position + written);
    if (count <= 0) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    written += count;
  }
}

/** Makes a rename durable; some systems cannot open or sync a folder, and then there is nothing to do. */
function syncFolder(directory: string): void {
  try {
    const fd = openSync(directory, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // it was never created
  }
}
