/**
 * *SLA: Compare with Previous Version*: the change list of the open contract (its buffer, saved or
 * not) against its last committed version, from the server's `sla/diff`, shown as a read-only
 * Markdown document beside the editor.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { DIFF_REQUEST, type DiffResult } from "@sla/language-server/protocol";

const SCHEME = "sla-changes";

/** Read-only documents holding each comparison's Markdown, by URI. */
class ChangeLists implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
}

export function registerCompare(
  runningClient: () => Promise<LanguageClient>,
  documentFor: (uri: vscode.Uri | undefined) => vscode.Uri | undefined,
): { provider: vscode.Disposable; compare: (uri?: vscode.Uri) => Promise<DiffResult | undefined> } {
  const lists = new ChangeLists();
  const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, lists);
  const compare = async (uri?: vscode.Uri): Promise<DiffResult | undefined> => {
    const target = documentFor(uri);
    if (!target) {
      void vscode.window.showWarningMessage("SLA: open a .sla file to compare it with its previous version.");
      return undefined;
    }
    const client = await runningClient();
    const result = await client.sendRequest<DiffResult>(DIFF_REQUEST, { uri: target.toString() });
    if ("error" in result) {
      void vscode.window.showErrorMessage(`SLA: cannot compare with the previous version. ${result.error}`);
      return result;
    }
    const shown = vscode.Uri.from({ scheme: SCHEME, path: `/${path.basename(target.fsPath)} changes.md` });
    lists.set(shown, result.markdown);
    const document = await vscode.workspace.openTextDocument(shown);
    await vscode.languages.setTextDocumentLanguage(document, "markdown");
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return result;
  };
  return { provider, compare };
}
