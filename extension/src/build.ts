/**
 * *SLA: Build Rule Bundle* writes the outputs the `sla.build.formats` setting names (the rule
 * bundle and the Markdown contract unless it says otherwise; `docx` adds the Word contract) beside
 * the contract; *SLA: Build Contract As…* asks which, with a pick of the three. Both go through
 * the server's `sla/build`, which builds from the open buffers, as `sla build --format` does.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  BUILD_FORMATS,
  BUILD_REQUEST,
  type BuildFormat,
  type BuildResult,
  DEFAULT_BUILD_FORMATS,
} from "@sla/language-server/protocol";

/** What each format writes, as the pick and the messages name it. */
const LABELS: Record<BuildFormat, { label: string; suffix: string }> = {
  json: { label: "Rule bundle", suffix: ".rules.json" },
  md: { label: "Markdown contract", suffix: ".md" },
  docx: { label: "Word contract", suffix: ".docx" },
};

/** The formats the setting names, in the order they are written; the default when it names none it knows. */
export function configuredFormats(configuration: vscode.WorkspaceConfiguration): BuildFormat[] {
  const set = configuration.get<unknown>("formats");
  const named = Array.isArray(set) ? set : [];
  const formats = BUILD_FORMATS.filter((f) => named.includes(f));
  return formats.length ? formats : [...DEFAULT_BUILD_FORMATS];
}

type Documents = (uri: vscode.Uri | undefined) => vscode.Uri | undefined;

export function registerBuild(runningClient: () => Promise<LanguageClient>, documentFor: Documents) {
  async function run(target: vscode.Uri, formats: BuildFormat[]): Promise<BuildResult> {
    const running = await runningClient();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `SLA: building ${path.basename(target.fsPath)}…` },
      () => running.sendRequest<BuildResult>(BUILD_REQUEST, { uri: target.toString(), formats }),
    );
    if ("error" in result) {
      void vscode.window.showErrorMessage(`SLA: nothing was built: ${result.error}`);
      return result;
    }
    void offerToOpen(result.files);
    return result;
  }

  /** Builds what the setting names, or the `formats` a caller passes (a task, a test). */
  async function build(uri?: vscode.Uri, formats?: BuildFormat[]): Promise<BuildResult | undefined> {
    const target = documentFor(uri);
    if (!target) {
      void vscode.window.showWarningMessage("SLA: open a .sla file to build it.");
      return undefined;
    }
    const configuration = vscode.workspace.getConfiguration("sla.build", target);
    return run(target, formats ?? configuredFormats(configuration));
  }

  /** Asks which outputs to write, the setting's ones ticked. */
  async function buildAs(uri?: vscode.Uri): Promise<BuildResult | undefined> {
    const target = documentFor(uri);
    if (!target) {
      void vscode.window.showWarningMessage("SLA: open a .sla file to build it.");
      return undefined;
    }
    const name = path.basename(target.fsPath).replace(/\.sla$/i, "");
    const ticked = configuredFormats(vscode.workspace.getConfiguration("sla.build", target));
    const items = BUILD_FORMATS.map((format) => ({
      label: LABELS[format].label,
      description: `${name}${LABELS[format].suffix}`,
      picked: ticked.includes(format),
      format,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: `SLA: build ${path.basename(target.fsPath)}`,
      placeHolder: "What to write beside the contract (the sla.build.formats setting sets what is ticked)",
    });
    if (!picked?.length) return undefined;
    return run(
      target,
      picked.map((p) => p.format),
    );
  }

  return { build, buildAs };
}

/** The written files, with a way to open them: the Word contract in the program the system opens it with. */
async function offerToOpen(files: string[]): Promise<void> {
  const uris = files.map((f) => vscode.Uri.file(f));
  const text = uris.find((u) => !u.fsPath.endsWith(".docx"));
  const word = uris.find((u) => u.fsPath.endsWith(".docx"));
  const actions = [...(text ? ["Open"] : []), ...(word ? ["Open Word Contract"] : []), "Reveal in Explorer"];
  const shown = uris.map((u) => vscode.workspace.asRelativePath(u));
  const written = shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}` : shown[0];
  const choice = await vscode.window.showInformationMessage(`SLA: wrote ${written}`, ...actions);
  if (choice === "Open" && text) await vscode.window.showTextDocument(text, { preview: false });
  else if (choice === "Open Word Contract" && word) await vscode.env.openExternal(word);
  else if (choice === "Reveal in Explorer") await vscode.commands.executeCommand("revealInExplorer", uris[0]);
}
