/** An error the CLI reports in one line; `exitCode` 1 for problems in the input, 2 for usage and I/O. */
export class CliError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
