/**
 * `SLA: New Contract`: asks for a file name and writes the starter contract of `sla init` (the CLI
 * inside the extension writes it, so the editor and the command line start from the same text) in
 * the workspace folder, then opens it.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { cliProcess } from "./tasks";

/** `contract.sla`, or `contract-2.sla`, … : the first name not taken in `folder`. */
export function freeContractName(folder: string, exists: (file: string) => boolean = existsSync): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? "contract.sla" : `contract-${n}.sla`;
    if (!exists(path.join(folder, name))) return name;
  }
}

export async function newContract(context: vscode.ExtensionContext): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme !== "file") {
    void vscode.window.showWarningMessage("SLA: open a folder first; the new contract is written into it.");
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: "SLA: new contract",
    prompt: `File name of the new contract, in ${folder.name}`,
    value: freeContractName(folder.uri.fsPath),
    validateInput: (value) => {
      const file = value.trim().endsWith(".sla") ? value.trim() : `${value.trim()}.sla`;
      if (!/^[\w.-]+\.sla$/.test(file)) return "A file name: letters, digits, '-', '_' and '.'";
      return existsSync(path.join(folder.uri.fsPath, file)) ? `${file} already exists` : undefined;
    },
  });
  if (!name) return undefined;
  const file = name.trim().endsWith(".sla") ? name.trim() : `${name.trim()}.sla`;
  const cli = context.asAbsolutePath(path.join("server", "sla.cjs"));
  const run = cliProcess(cli, "", ["init", file]);
  const failure = await new Promise<string | undefined>((resolve) => {
    execFile(
      run.command,
      run.args,
      { cwd: folder.uri.fsPath, env: { ...process.env, ...run.env } },
      (error, _out, err) => resolve(error ? err.trim() || error.message : undefined),
    );
  });
  if (failure) {
    void vscode.window.showErrorMessage(`SLA: the contract was not created: ${failure}`);
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, file);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
