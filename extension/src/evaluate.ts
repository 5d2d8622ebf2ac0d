/**
 * `SLA: Evaluate Contract…` (also the "Evaluate…" code lens above each objective): asks for a
 * month, evaluates the contract against the events file of the `sla.evaluation.eventsFile`
 * setting (relative to the workspace folder) with the language server's `sla/evaluate`, and shows
 * the service report beside the editor.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { markdownPage } from "./preview";
import { EVALUATE_REQUEST, type EvaluateResult } from "@sla/language-server/protocol";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The calendar month before `now`'s, YYYY-MM: the usual month to report on. */
export function previousMonth(now: Date): string {
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The events file for `document`: the setting resolved against its workspace folder (or its own folder). */
export function eventsFileFor(document: vscode.Uri): string | undefined {
  const configured = vscode.workspace.getConfiguration("sla.evaluation", document).get<string>("eventsFile", "").trim();
  if (!configured) return undefined;
  if (path.isAbsolute(configured)) return configured;
  const folder = vscode.workspace.getWorkspaceFolder(document);
  return path.resolve(folder ? folder.uri.fsPath : path.dirname(document.fsPath), configured);
}

export async function evaluateCommand(
  context: vscode.ExtensionContext,
  client: () => Promise<LanguageClient>,
  document: vscode.Uri | undefined,
): Promise<EvaluateResult | undefined> {
  if (!document) {
    void vscode.window.showWarningMessage("SLA: open a .sla file to evaluate its contract.");
    return undefined;
  }
  const eventsFile = eventsFileFor(document);
  if (!eventsFile) {
    const open = await vscode.window.showWarningMessage(
      "SLA: set 'sla.evaluation.eventsFile' to the observed data to evaluate against.",
      "Open Settings",
    );
    if (open) await vscode.commands.executeCommand("workbench.action.openSettings", "sla.evaluation.eventsFile");
    return undefined;
  }
  const remembered = context.workspaceState.get<string>("sla.evaluation.period");
  const period = await vscode.window.showInputBox({
    title: `SLA: evaluate ${path.basename(document.fsPath)} against ${path.basename(eventsFile)}`,
    prompt: "The month to report on (YYYY-MM), in the agreement's time zone",
    value: remembered ?? previousMonth(new Date()),
    validateInput: (value) => (MONTH.test(value.trim()) ? undefined : "A month, as YYYY-MM"),
  });
  if (!period) return undefined;
  await context.workspaceState.update("sla.evaluation.period", period.trim());
  const running = await client();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `SLA: evaluating ${path.basename(document.fsPath)}…` },
    () =>
      running.sendRequest<EvaluateResult>(EVALUATE_REQUEST, {
        uri: document.toString(),
        eventsFile,
        period: period.trim(),
      }),
  );
  if ("error" in result) {
    void vscode.window.showErrorMessage(`SLA: the contract was not evaluated: ${result.error}`);
    return result;
  }
  const title = `Report: ${path.basename(document.fsPath)}, ${period.trim()}`;
  const panel = vscode.window.createWebviewPanel(
    "sla.serviceReport",
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
  );
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, "images", "icon.png");
  panel.webview.html = markdownPage(panel, result.markdown, title);
  return result;
}
