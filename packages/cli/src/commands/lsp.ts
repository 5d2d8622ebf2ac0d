import type { Command } from "commander";
import { startProcessServer } from "@sla/language-server";

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
    .action(() => {
      startProcessServer();
    });
}
