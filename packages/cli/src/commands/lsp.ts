import type { Command } from "commander";
import { startServer } from "@sla/language-server";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";

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
      // createConnection reads --stdio / --node-ipc from process.argv itself.
      if (!process.argv.includes("--node-ipc") && !process.argv.includes("--stdio")) process.argv.push("--stdio");
      startServer(createConnection(ProposedFeatures.all));
    });
}
