/**
 * The `sla` command. Exit codes, kept for scripts and CI: 0 success; 1 problems in the input
 * (errors in a contract — a breached objective is not one); 2 usage or I/O errors.
 *
 * The program around a table of commands: `main.ts` runs it with every command, `main-check.ts`
 * with `check` alone (the bundle the launcher starts for `sla check`, see bin/sla.cjs). Since a
 * command named first is the only one registered, both give the same `sla check`.
 */
import { Command, CommanderError, Option } from "commander";
import rootPackage from "../../../package.json";
import { CliError } from "./errors.ts";

export type Register = (program: Command) => void;

/** Each command's module, loaded only when it is needed (a command's module brings the parser, the compiler, the engine or the server). */
export type Commands = Record<string, () => Promise<Register>>;

/** `sla check`: the one command both tables hold. */
export const CHECK: Commands = {
  check: async () => (await import("./commands/check.ts")).registerCheck,
};

/**
 * The commands `argv` needs: when its first argument names a command, commander runs that command
 * and no other, so only it is registered; `--version` first is answered before any command is
 * looked at, so none is; anything else (`--help`, `help`, a misspelt command, which commander
 * answers with a suggestion) gets them all.
 */
export function commandsFor(argv: readonly string[], commands: Commands): string[] {
  const first = argv[2];
  if (first === "-v" || first === "--version") return [];
  return first !== undefined && Object.hasOwn(commands, first) ? [first] : Object.keys(commands);
}

async function createProgram(commands: Commands, names: readonly string[]): Promise<Command> {
  const registers = await Promise.all(names.map((name) => commands[name]()));
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

export async function runCli(argv: string[], commands: Commands): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  try {
    await (await createProgram(commands, commandsFor(argv, commands))).parseAsync(argv);
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
