/** An error the CLI reports in one line; `exitCode` 1 for problems in the input, 2 for usage and I/O. */
export class CliError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
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
