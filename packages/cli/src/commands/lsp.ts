import type { Command } from "commander";

export function registerLsp(program: Command): void {
  program
    .command("lsp")
    .description("run the language server (for editors: VS Code, Neovim, any LSP client)")
    .option("--stdio", "talk over standard input and output (the default)")
    .option("--node-ipc", "talk over Node IPC (when started by vscode-languageclient)")
    .addHelpText(
      "after",
      `
Examples:
  $ sla lsp --stdio
  Neovim: vim.lsp.start({ name = 'sla', cmd = { 'npx', 'sla', 'lsp', '--stdio' } })
  (docs/editors.md has Neovim, Helix, Emacs and other clients)`,
    )
    .action(async () => {
      // loaded here, not at start-up: the server and its LSP libraries are a tenth of a cold `sla check`
      const { startProcessServer } = await import("@sla/language-server");
      startProcessServer();
    });
}
