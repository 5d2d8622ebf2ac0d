/** The `sla` command with every command (see program.ts; `sla check` alone starts main-check.ts). */
import { CliError } from "./errors.ts";
import { CHECK, type Commands, runCli } from "./program.ts";

/**
 * Every command, in the order `sla --help` lists them, each loaded only when it is needed: a
 * command's module brings the parser, the compiler, the engine or the language server, so `sla
 * check` need not initialise the compiler, the engine or the server, nor `sla --version` anything
 * (docs/performance.md). The esbuild bundle keeps each `import()` target uninitialised until called.
 */
const COMMANDS: Commands = {
  ...CHECK,
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

runCli(process.argv, COMMANDS);
