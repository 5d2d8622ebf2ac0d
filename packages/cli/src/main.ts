/**
 * The `sla` command. Exit codes, kept for scripts and CI: 0 success; 1 problems in the input
 * (errors in a contract — a breached objective is not one); 2 usage or I/O errors.
 */
import { Command, CommanderError, Option } from "commander";
import rootPackage from "../../../package.json";
import { CliError } from "./errors.ts";

type Register = (program: Command) => void;

/**
 * Every command, in the order `sla --help` lists them, each loaded only when it is needed: a
 * command's module brings the parser, the compiler, the engine or the language server, so `sla
 * check` need not initialise the compiler, the engine or the server, nor `sla --version` anything
 * (docs/performance.md). The esbuild bundle keeps each `import()` target uninitialised until called.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  check: async () => (await import("./commands/check.ts")).registerCheck,
  fmt: async () => (await import("./commands/fmt.ts")).registerFmt,
  build: async () => (await import("./commands/build.ts")).registerBuild,
  diff: async () => (await import("./commands/diff.ts")).registerDiff,
  evaluate: async () => {
    const [{ registerEvaluate }, { loadBundle }] = await Promise.all([
      import("./commands/evaluate.ts"),
      import("./load-bundle.ts"),
    ]);
    return (program) =>
      registerEvaluate(program, { loadBundle, makeError: (message, exitCode) => new CliError(message, exitCode) });
  },
  export: async () => (await import("./commands/export.ts")).registerExport,
  import: async () => (await import("./commands/import.ts")).registerImport,
  explain: async () => (await import("./commands/explain.ts")).registerExplain,
  init: async () => (await import("./commands/init.ts")).registerInit,
  schema: async () => (await import("./commands/schema.ts")).registerSchema,
  lsp: async () => (await import("./commands/lsp.ts")).registerLsp,
};

/**
 * The commands `argv` needs: when its first argument names a command, commander runs that command
 * and no other, so only it is registered; `--version` first is answered before any command is
 * looked at, so none is; anything else (`--help`, `help`, a misspelt command, which commander
 * answers with a suggestion) gets them all.
 */
export function commandsFor(argv: readonly string[]): string[] {
  const first = argv[2];
  if (first === "-v" || first === "--version") return [];
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
}

export async function createProgram(commands: readonly string[] = Object.keys(COMMANDS)): Promise<Command> {
  const registers = await Promise.all(commands.map((name) => COMMANDS[name]()));
  const program = new Command("sla")
    .description("Check, format, compile and evaluate service level agreements written in .sla")
    .version(rootPackage.version, "-v, --version")
    .showHelpAfterError("(run 'sla help' or 'sla help <command>' for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `
Examples:
  $ sla init demo && sla check demo.sla && sla build demo.sla
  $ sla check contracts/
  $ sla evaluate demo.sla --events outages.ndjson --period 2026-03
  $ sla export openslo demo.sla --out demo.openslo.yaml

Exit codes: 0 success, 1 problems in a contract, 2 usage or I/O error.`,
    );
  for (const register of registers) register(program);
  for (const command of program.commands) {
    command.exitOverride();
    offerColourChoice(command);
  }
  return program;
}

/**
 * Every command that colours takes `--color` and `--no-color`. Commander gives `--no-color` a
 * default of true; that default is dropped here, so `flags.color` is true or false only when the
 * user said so and undefined otherwise, and the environment decides (see output/style.ts).
 */
function offerColourChoice(command: Command): void {
  if (!command.options.some((option) => option.long === "--no-color")) return;
  if (!command.options.some((option) => option.long === "--color"))
    command.addOption(new Option("--color", "always colour the output"));
  command.hook("preAction", (self) => {
    if (self.getOptionValueSource("color") === "default") self.setOptionValue("color", undefined);
  });
}

/**
 * A reader that stops early (`sla explain | head -1`) closes the pipe; later writes fail with
 * EPIPE, reported asynchronously on the stream. That is the reader's choice, not a fault: end at
 * once, quietly, with the status the command has reached (0 if none yet), as `cat` and `grep` do.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  try {
    await (await createProgram(commandsFor(argv))).parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help / version asked for)
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CliError) {
    process.stderr.write(`sla: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `sla: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 2;
}

main(process.argv);
