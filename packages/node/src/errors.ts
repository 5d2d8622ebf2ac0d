/** File-system failures in words a user can act on. */

/** An I/O failure in one line: `cannot read x.sla: no such file or directory`. */
export class FileError extends Error {
  constructor(
    message: string,
    /** The path as the caller named it. */
    readonly path = "",
    /** Why, without the path: `no such file or directory`, `it is a named pipe (FIFO), not a file`. */
    readonly reason = message,
    /** True when there is nothing at the path (a missing file, or a link to one). */
    readonly missing = false,
  ) {
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
      return "it is a directory, not a file";
    case "ENOTDIR":
      return "a parent is not a directory";
    case "EIO":
      return "input/output error";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EROFS":
      return "read-only file system";
    case "EFBIG":
      return "file too large for the file system";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENAMETOOLONG":
      return "file name too long";
    case "ENXIO":
      return "no such device or address";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
